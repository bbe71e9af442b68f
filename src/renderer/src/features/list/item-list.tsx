import { FacetPanel } from './facet-panel';
import { ItemTable } from './item-table';
import { ListToolbar } from './list-toolbar';

/** The list pane: toolbar, facets and the virtualised table. */
export function ItemList() {
  return (
    <section className="item-list" aria-label="Item list">
      <ListToolbar />
      <div className="item-list-body">
        <FacetPanel />
        <ItemTable />
      </div>
    </section>
  );
}
