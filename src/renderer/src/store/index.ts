import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createDraftsSlice, type DraftsSlice } from './drafts-slice';
import { createGitSlice, type GitSlice } from './git-slice';
import { createListSlice, type ListSlice } from './list-slice';
import { createProblemsSlice, type ProblemsSlice } from './problems-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

/** The whole renderer state: one bound store made of slices (zustand slices pattern). */
export type FolioState = WorkspaceSlice & ListSlice & DocumentSlice & DraftsSlice & UiSlice & GitSlice & ProblemsSlice;

/** The bound store; components select the smallest value they need. */
export const useFolioStore = create<FolioState>()((...a) => ({
  ...createWorkspaceSlice(...a),
  ...createListSlice(...a),
  ...createDocumentSlice(...a),
  ...createDraftsSlice(...a),
  ...createUiSlice(...a),
  ...createGitSlice(...a),
  ...createProblemsSlice(...a),
}));
