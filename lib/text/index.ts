export { ForwardSearch, type Found } from './forward-search.ts';
