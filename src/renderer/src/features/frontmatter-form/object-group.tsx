import { useState } from 'react';
import { formatFieldPath, parseFieldPath } from '../../../../shared/domain/frontmatter';
import { fieldLabel } from './field-label';
import { FieldNode } from './field-node';
import { useFormContext } from './form-context';
import { ProblemList } from './problem-list';
import { schemaAtPath } from './schema-at-path';
import { useChildSegments } from './use-field';
import { useFieldProblems } from './use-field-problems';

/** Groups with more children than this start collapsed, so a 40-key form stays scannable. */
const OPEN_UP_TO = 8;

/** A nested object as a collapsible group: a fieldset with a legend, its keys in document order. */
export function ObjectGroup({ pathText, label }: { readonly pathText: string; readonly label: string }) {
  const ctx = useFormContext();
  const children = useChildSegments(pathText);
  const [initiallyOpen] = useState(children.length <= OPEN_UP_TO);
  const path = parseFieldPath(pathText);
  const problems = useFieldProblems(pathText);
  return (
    <details className="ff-details" open={initiallyOpen} data-row-path={pathText}>
      <summary className="ff-summary">
        {label} <span className="ff-count">{children.length} fields</span>
      </summary>
      <fieldset className="ff-group">
        <legend className="ff-sr-only">{label}</legend>
        {problems !== undefined && <ProblemList problems={problems} />}
        <ObjectFields segments={children} parentPath={path} schemaRoot={ctx.schema} />
      </fieldset>
    </details>
  );
}

/** The fields of one map (a group or a card), each memoised by its path. */
export function ObjectFields({ segments, parentPath, schemaRoot }: { readonly segments: readonly (string | number)[]; readonly parentPath: readonly (string | number)[]; readonly schemaRoot: ReturnType<typeof useFormContext>['schema'] }) {
  return (
    <>
      {segments.map((segment) => {
        const childPath = [...parentPath, segment];
        return <FieldNode key={String(segment)} pathText={formatFieldPath(childPath)} label={fieldLabel(schemaAtPath(schemaRoot, childPath), segment)} />;
      })}
    </>
  );
}
