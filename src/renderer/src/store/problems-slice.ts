import type { StateCreator } from 'zustand';
import type { ProblemCountsDto, ValidationChangedEvent } from '../../../shared/contract';
import type { Problem, ProblemSeverity, QuickFix } from '../../../shared/domain/validation/problem';
import { quickFixToEdit } from '../../../shared/domain/validation/quick-fix-to-edit';
import { api } from '../ipc/api';
import type { FolioState } from './index';

/** The Problems panel's filters; absent means all. */
export interface ProblemsFilter {
  readonly severity?: ProblemSeverity;
  readonly code?: string;
  readonly contentType?: string;
}

/** Where the panel asked to jump: the form scrolls to and focuses this field once it is shown. */
export interface ProblemFocus {
  readonly file: string;
  readonly field: string | null;
  readonly line: number;
  readonly column: number;
  /** Bumped per request, so jumping to the same field twice still focuses it. */
  readonly seq: number;
}

/** Validation as the renderer sees it: the panel's problems, the totals, the open item's problems. */
export interface ProblemsSlice {
  problemsPanelOpen: boolean;
  problemsFilter: ProblemsFilter;
  /** The panel's (filtered) problems, fetched only while it is open. */
  panelProblems: readonly Problem[];
  problemCounts: ProblemCountsDto;
  problemFiles: number;
  validationRunning: boolean;
  problemCodes: readonly string[];
  problemContentTypes: readonly string[];
  /** Problems of the open item (from the last validation of the file on disk). */
  documentProblems: readonly Problem[];
  documentProblemsPath: string | null;
  problemFocus: ProblemFocus | null;
  fixError: string | null;

  toggleProblemsPanel: (open?: boolean) => void;
  setProblemsFilter: (filter: ProblemsFilter) => void;
  refreshProblems: () => Promise<void>;
  refreshDocumentProblems: (path: string | null) => Promise<void>;
  /**
   * Reads the folder's totals and whether validation is still pending or running, without the
   * problems themselves: for a window that connects after the last `validation:changed`.
   */
  refreshProblemTotals: () => Promise<void>;
  /** Reacts to `validation:changed`: refetch what is shown, forget the list rows whose badge moved. */
  validationChanged: (event: ValidationChangedEvent) => Promise<void>;
  /** Opens the problem's item and asks the form to focus its field. */
  revealProblem: (problem: Problem) => Promise<void>;
  /**
   * Applies a quick fix. On the open item without unsaved edits it goes through the buffer and
   * the normal save (so the editors stay in step); with unsaved edits only into the buffer (the
   * curator saves); on any other file main edits and saves it.
   */
  applyQuickFix: (fix: QuickFix) => Promise<boolean>;
}

let panelSequence = 0;
let documentSequence = 0;
let focusSequence = 0;

export const createProblemsSlice: StateCreator<FolioState, [], [], ProblemsSlice> = (set, get) => ({
  problemsPanelOpen: false,
  problemsFilter: {},
  panelProblems: [],
  problemCounts: { error: 0, warning: 0, info: 0 },
  problemFiles: 0,
  validationRunning: false,
  problemCodes: [],
  problemContentTypes: [],
  documentProblems: [],
  documentProblemsPath: null,
  problemFocus: null,
  fixError: null,

  toggleProblemsPanel: (open) => {
    const next = open ?? !get().problemsPanelOpen;
    set({ problemsPanelOpen: next });
    if (next) void get().refreshProblems();
  },

  setProblemsFilter: (filter) => {
    set({ problemsFilter: filter });
    void get().refreshProblems();
  },

  refreshProblems: async () => {
    const sequence = ++panelSequence;
    const result = await api['validation:problems']({ ...get().problemsFilter });
    // Filters and live updates overtake each other: only the newest answer may land.
    if (sequence !== panelSequence || !result.ok) return;
    const { problems, counts, files, running, codes, contentTypes } = result.value;
    set({ panelProblems: problems, problemCounts: counts, problemFiles: files, validationRunning: running, problemCodes: codes, problemContentTypes: contentTypes });
  },

  refreshDocumentProblems: async (path) => {
    const sequence = ++documentSequence;
    if (path === null) return set({ documentProblems: [], documentProblemsPath: null });
    const result = await api['validation:problems']({ file: path });
    if (sequence !== documentSequence) return;
    const problems = result.ok ? result.value.problems : [];
    // The same problems again (a folder-wide update that did not touch this file) keep their
    // array, so the open item's form and editors do not re-render for nothing.
    const { documentProblems, documentProblemsPath } = get();
    if (documentProblemsPath === path && JSON.stringify(documentProblems) === JSON.stringify(problems)) return;
    set({ documentProblems: problems, documentProblemsPath: path });
  },

  refreshProblemTotals: async () => {
    // The folder's own list (tens of thousands of problems at 50,000 items) is only fetched for the open panel.
    const result = await api['validation:problems']({ limit: 0 });
    if (!result.ok) return;
    const { counts, files, running } = result.value;
    set({ problemCounts: counts, problemFiles: files, validationRunning: running });
  },

  validationChanged: async (event) => {
    set({ problemCounts: event.counts, validationRunning: event.running });
    if (event.files !== null && event.files.length > 0) get().forgetRows(event.files);
    const open = get().selectedPath;
    await Promise.all([
      event.files === null ? get().refreshRows() : null,
      get().problemsPanelOpen ? get().refreshProblems() : null,
      open !== null && (event.files === null || event.files.includes(open) || get().documentProblemsPath !== open) ? get().refreshDocumentProblems(open) : null,
    ]);
  },

  revealProblem: (problem) => {
    focusSequence += 1;
    const focus: ProblemFocus = { file: problem.file, field: problem.field ?? null, line: problem.line, column: problem.column, seq: focusSequence };
    // The document pane focuses the field once this file's editors are shown (now, or after the open).
    set({ problemFocus: focus });
    if (get().selectedPath !== problem.file) get().selectItem(problem.file, 'replace');
    return Promise.resolve();
  },

  applyQuickFix: async (fix) => {
    set({ fixError: null });
    const state = get();
    const open = state.selectedPath === fix.file && state.document?.path === fix.file && state.text !== null && state.document.readOnly === undefined;
    if (open) {
      const clean = state.text === state.document?.text;
      if (!get().applyEdits([quickFixToEdit(fix)])) {
        set({ fixError: get().editError ?? 'The fix could not be applied.' });
        return false;
      }
      return clean ? get().save() : true;
    }
    const result = await api['validation:applyFix'](fix);
    if (!result.ok) {
      set({ fixError: result.error.message });
      return false;
    }
    return true;
  },
});
