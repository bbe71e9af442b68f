import { useEffect, useState } from 'react';
import type { Problem, ProblemSeverity } from '../../../../shared/domain/validation/problem';
import { useFolioStore } from '../../store';
import { SchemaDialog } from './schema-dialog';
import './problems-panel.css';

const SEVERITIES: readonly ProblemSeverity[] = ['error', 'warning', 'info'];
/** Rows rendered at once: a folder with thousands of infos must not stall the window. */
const MAX_ROWS = 500;

function ProblemRow({ problem }: { readonly problem: Problem }) {
  const reveal = useFolioStore((s) => s.revealProblem);
  const applyQuickFix = useFolioStore((s) => s.applyQuickFix);
  const [fixing, setFixing] = useState(false);
  const fix = problem.fix;
  return (
    <li className={`problem-row severity-${problem.severity}`} data-file={problem.file} data-code={problem.code}>
      <button type="button" className="problem-open" onClick={() => void reveal(problem)} title={`Open ${problem.file} at line ${problem.line}`}>
        <span className={`problem-severity severity-${problem.severity}`} aria-label={problem.severity}>
          {problem.severity === 'error' ? '✕' : problem.severity === 'warning' ? '!' : 'i'}
        </span>
        <span className="problem-file">{problem.file}</span>
        <span className="problem-position">
          {problem.line}:{problem.column}
        </span>
        {problem.field !== undefined && <span className="problem-field">{problem.field}</span>}
        <span className="problem-message">{problem.message}</span>
      </button>
      {fix !== undefined && (
        <button
          type="button"
          className="problem-fix"
          disabled={fixing}
          title={fix.title}
          onClick={() => {
            setFixing(true);
            void applyQuickFix(fix).finally(() => setFixing(false));
          }}
        >
          Fix: {fix.title}
        </button>
      )}
    </li>
  );
}

/**
 * The Problems panel: every problem in the folder, live, filtered by severity, code and content
 * type. A row opens its item and focuses the field; a quick fix applies where one exists. Toggled
 * by the header button and Ctrl/Cmd+Shift+M (the `problems.toggle` command).
 */
export function ProblemsPanel() {
  const open = useFolioStore((s) => s.problemsPanelOpen);
  const toggle = useFolioStore((s) => s.toggleProblemsPanel);
  const problems = useFolioStore((s) => s.panelProblems);
  const counts = useFolioStore((s) => s.problemCounts);
  const files = useFolioStore((s) => s.problemFiles);
  const running = useFolioStore((s) => s.validationRunning);
  const filter = useFolioStore((s) => s.problemsFilter);
  const setFilter = useFolioStore((s) => s.setProblemsFilter);
  const codes = useFolioStore((s) => s.problemCodes);
  const contentTypes = useFolioStore((s) => s.problemContentTypes);
  const fixError = useFolioStore((s) => s.fixError);
  const workspace = useFolioStore((s) => s.workspace);
  // The schema dialog is an app dialog (the command palette opens it too).
  const schemaOpen = useFolioStore((s) => s.dialog?.kind === 'schema');
  const openDialog = useFolioStore((s) => s.openDialog);
  const closeDialog = useFolioStore((s) => s.closeDialog);

  // A newly opened folder: the panel shows its problems, not the last folder's.
  useEffect(() => {
    if (open && workspace !== null) void useFolioStore.getState().refreshProblems();
  }, [open, workspace]);

  if (!open) return null;
  return (
    <section className="problems-panel" aria-label="Problems">
      <header className="problems-header">
        <h2 className="problems-title">Problems</h2>
        <span className="problems-summary" role="status">
          {counts.error} errors, {counts.warning} warnings, {counts.info} info in {files} files{running ? ' (checking…)' : ''}
        </span>
        <label>
          Severity{' '}
          <select aria-label="Filter by severity" value={filter.severity ?? ''} onChange={(e) => setFilter({ ...filter, severity: e.target.value === '' ? undefined : (e.target.value as ProblemSeverity) })}>
            <option value="">All</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Code{' '}
          <select aria-label="Filter by code" value={filter.code ?? ''} onChange={(e) => setFilter({ ...filter, code: e.target.value === '' ? undefined : e.target.value })}>
            <option value="">All</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type{' '}
          <select aria-label="Filter by content type" value={filter.contentType ?? ''} onChange={(e) => setFilter({ ...filter, contentType: e.target.value === '' ? undefined : e.target.value })}>
            <option value="">All</option>
            {contentTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="header-button" onClick={() => openDialog({ kind: 'schema' })} disabled={workspace === null}>
          Generate schema…
        </button>
        <button type="button" className="problems-close" aria-label="Close the Problems panel" onClick={() => toggle(false)}>
          ×
        </button>
      </header>
      {fixError !== null && (
        <p className="problems-error" role="alert">
          {fixError}
        </p>
      )}
      {problems.length === 0 ? (
        <p className="problems-empty">{running ? 'Checking the folder…' : 'No problems match.'}</p>
      ) : (
        <ul className="problems-list" aria-label="Problem list">
          {problems.slice(0, MAX_ROWS).map((p, i) => (
            <ProblemRow key={`${p.file}:${p.line}:${p.column}:${p.code}:${i}`} problem={p} />
          ))}
          {problems.length > MAX_ROWS && <li className="problems-more">{problems.length - MAX_ROWS} more: narrow the filters to see them.</li>}
        </ul>
      )}
      {schemaOpen && <SchemaDialog onClose={closeDialog} />}
    </section>
  );
}

/** The header button: the folder's error and warning counts; toggles the Problems panel. */
export function ProblemsButton() {
  const counts = useFolioStore((s) => s.problemCounts);
  const open = useFolioStore((s) => s.problemsPanelOpen);
  const toggle = useFolioStore((s) => s.toggleProblemsPanel);
  const running = useFolioStore((s) => s.validationRunning);
  // While the folder's check is pending (it waits for the scan) or running, the counts are not
  // yet the folder's: "0 0" would read as "no problems".
  return (
    <button type="button" className="header-button problems-button" aria-pressed={open} aria-busy={running} onClick={() => toggle()} title={running ? 'Problems: checking the folder… (Ctrl/Cmd+Shift+M)' : 'Problems (Ctrl/Cmd+Shift+M)'}>
      Problems <span className="problems-count severity-error">{counts.error}</span> <span className="problems-count severity-warning">{counts.warning}</span>
      {running && <span className="problems-checking"> checking…</span>}
    </button>
  );
}
