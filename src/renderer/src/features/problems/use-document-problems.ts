import { useEffect, useMemo } from 'react';
import { positionAt, splitFrontMatter } from '../../../../shared/domain/frontmatter';
import type { Problem } from '../../../../shared/domain/validation/problem';
import { useFolioStore } from '../../store';
import type { EditorMarker } from '../body-editor';
import type { FormProblem } from '../frontmatter-form';

/** The open item's validation problems, shaped for the form and for each Monaco editor. */
export interface DocumentProblems {
  /** Problems with a field, for the form to show under that field. */
  readonly formProblems: readonly FormProblem[];
  /** Problems in the body, in body lines; undefined when there are none (the editor then shows the live parser's). */
  readonly bodyMarkers: readonly EditorMarker[] | undefined;
  /** Problems in the front matter, in its own lines (line 1 is the first line after the fence). */
  readonly yamlMarkers: readonly EditorMarker[];
  readonly problems: readonly Problem[];
}

const NONE: DocumentProblems = { formProblems: [], bodyMarkers: undefined, yamlMarkers: [], problems: [] };

function toMarker(problem: Problem, line: number): EditorMarker {
  return { line, column: problem.column, severity: problem.severity, message: problem.message };
}

/**
 * Fetches the open item's problems whenever another item opens (live updates arrive through the
 * store's `validationChanged`) and maps file lines to each editor's lines. Problems describe the
 * file on disk: while the buffer has unsaved edits their lines may be off, and the editors clamp.
 */
export function useDocumentProblems(): DocumentProblems {
  const path = useFolioStore((s) => s.selectedPath);
  const problems = useFolioStore((s) => (s.documentProblemsPath === s.selectedPath ? s.documentProblems : null));
  const text = useFolioStore((s) => s.text);
  const refresh = useFolioStore((s) => s.refreshDocumentProblems);

  useEffect(() => {
    void refresh(path);
  }, [path, refresh]);

  // Only where the front matter and the body start matters here, not the text itself: a keystroke
  // that keeps them in place must hand the form the same problems array, or every field of the
  // form re-renders on each keystroke (its context depends on it; bench/editing-bench.ts).
  const layout = useMemo(() => {
    if (text === null) return null;
    const split = splitFrontMatter(text);
    const bodyFirst = positionAt(text, split.bodyOffset).line;
    const fmFirst = split.hasFrontMatter ? positionAt(text, split.frontMatterOffset).line : 1;
    return `${bodyFirst}:${fmFirst}:${split.bodyOffset > 0 ? 1 : 0}`;
  }, [text]);

  return useMemo(() => {
    if (problems === null || problems.length === 0 || layout === null) return NONE;
    const [bodyFirst = 1, fmFirst = 1, hasBodyOffset = 0] = layout.split(':').map(Number);
    const body: EditorMarker[] = [];
    const yaml: EditorMarker[] = [];
    const form: FormProblem[] = [];
    for (const p of problems) {
      if (p.field !== undefined) form.push({ field: p.field, severity: p.severity, message: p.message });
      if (hasBodyOffset === 1 && p.line < bodyFirst) yaml.push(toMarker(p, Math.max(1, p.line - fmFirst + 1)));
      else body.push(toMarker(p, Math.max(1, p.line - bodyFirst + 1)));
    }
    return { formProblems: form, bodyMarkers: body.length > 0 ? body : undefined, yamlMarkers: yaml, problems };
  }, [problems, layout]);
}
