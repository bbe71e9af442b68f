import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IndexService } from '../src/main/services/index/index-service';
import { ListService } from '../src/main/services/list/list-service';

/**
 * Boots the index (worker) and list services as the app does, on a throwaway data folder, opens
 * `dir`, runs `use`, and always shuts both down and removes the data folder. `workerEntry`: the
 * index worker's module (default: the source beside the service, under tsx).
 */
export async function withIndexedList<T>(dir: string, use: (index: IndexService, list: ListService) => Promise<T>, workerEntry?: URL): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-data-'));
  const index = new IndexService(workerEntry === undefined ? { dataDir } : { dataDir, workerEntry });
  await index.boot();
  const list = new ListService(index, { emit: () => undefined });
  await list.boot();
  try {
    list.reset();
    await index.open(dir);
    return await use(index, list);
  } finally {
    await list.shutdown();
    await index.shutdown();
    await rm(dataDir, { recursive: true, force: true });
  }
}
