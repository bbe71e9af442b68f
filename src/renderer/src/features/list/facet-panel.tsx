import { useFolioStore } from '../../store';
import { columnLabel } from './format-cell';

/** Facets with counts for the folder's low-cardinality keys; values combine (OR within, AND across). */
export function FacetPanel() {
  const facets = useFolioStore((s) => s.facets);
  const selection = useFolioStore((s) => s.facetSelection);
  const { toggleFacet, clearFacets } = useFolioStore.getState();
  const active = Object.keys(selection).length > 0;
  return (
    <nav className="facet-panel" aria-label="Filters">
      {active && (
        <button type="button" className="link-button" onClick={clearFacets}>
          Clear filters
        </button>
      )}
      {facets.map((facet) => (
        <fieldset key={facet.key} className="facet">
          <legend title={facet.key}>{columnLabel(facet.key)}</legend>
          {facet.values.map(({ value, count }) => {
            const checked = selection[facet.key]?.includes(value) ?? false;
            return (
              <label key={value} className={`facet-value${count === 0 && !checked ? ' empty' : ''}`}>
                <input type="checkbox" checked={checked} onChange={() => toggleFacet(facet.key, value)} />
                <span className="facet-label">{value}</span>
                <span className="facet-count">{count}</span>
              </label>
            );
          })}
        </fieldset>
      ))}
    </nav>
  );
}
