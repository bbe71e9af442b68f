export { DocumentPane } from './document-pane';
