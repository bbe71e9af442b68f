export { QuickOpen } from './quick-open';
