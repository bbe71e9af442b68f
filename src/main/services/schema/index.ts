/** The schema the front matter form uses for an item: the folder's file, or one inferred from the folder. */
export { SchemaService } from './schema-service';
