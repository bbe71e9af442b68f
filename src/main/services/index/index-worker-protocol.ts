import type { ScanChunk, ScanStats } from './scan-folder';

/** Requests the main process sends to the index worker. */
export type IndexWorkerRequest =
  | { readonly type: 'scan'; readonly id: number; readonly root: string; readonly cacheFile?: string; readonly chunkSize?: number; readonly chunkIntervalMs?: number }
  | { readonly type: 'read'; readonly id: number; readonly root: string; readonly paths: readonly string[] }
  | { readonly type: 'cancel'; readonly id: number };

/** Messages the index worker sends back. */
export type IndexWorkerMessage =
  | { readonly type: 'ready' }
  | ({ readonly type: 'chunk'; readonly id: number } & ScanChunk)
  | { readonly type: 'scan-done'; readonly id: number; readonly stats: ScanStats }
  | { readonly type: 'read-done'; readonly id: number; readonly results: readonly { path: string; json: string | null }[] }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
