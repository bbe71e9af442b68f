export * from './channels';
export * from './dto';
export * from './errors';
export * from './build-folio-api';
