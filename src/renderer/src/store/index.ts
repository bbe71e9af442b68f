import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createListSlice, type ListSlice } from './list-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

/** The whole renderer state: one bound store made of slices (zustand slices pattern). */
export type FolioState = WorkspaceSlice & ListSlice & DocumentSlice & UiSlice;

/** The bound store; components select the smallest value they need. */
export const useFolioStore = create<FolioState>()((...a) => ({
  ...createWorkspaceSlice(...a),
  ...createListSlice(...a),
  ...createDocumentSlice(...a),
  ...createUiSlice(...a),
}));
