/** Folder validation in main: Ajv JSON Schema checks plus the shared rules, kept up to date incrementally in a worker. */
export { createSchemaChecker } from './create-schema-checker';
export type { SchemaChecker } from './create-schema-checker';
export { listWorkspacePaths } from './list-workspace-paths';
export type { WorkspacePaths } from './list-workspace-paths';
export { MAX_SCHEMA_FILE_CHARS, parseSchemaText } from '../../../shared/domain/schema/parse-schema-text';
export type { LoadedSchema } from '../../../shared/domain/schema/parse-schema-text';
export { ValidationService, validateFolder } from './validation-service';
export type { FolderValidation, SchemaSource, ValidationServiceOptions } from './validation-service';
export { LiveValidationService } from './live-validation-service';
export type { LiveValidationOptions, ValidationWorkspace } from './live-validation-service';
export { ValidationEngine } from './validation-engine';
export type { ValidationSnapshot } from './validation-worker-protocol';
