import { useEffect, useState } from 'react';

/** A lazily imported module, shared by every component that needs it. */
export interface ModuleLoader<M> {
  /** Starts the import once; resolves with the module. */
  load(): Promise<M>;
  /** The module if it has loaded, else null. */
  loaded(): M | null;
}

/** Wraps a dynamic `import()` so the module is fetched once and known synchronously afterwards. */
export function createModuleLoader<M>(importModule: () => Promise<M>): ModuleLoader<M> {
  let module: M | null = null;
  let pending: Promise<M> | null = null;
  return {
    load: () => {
      pending ??= importModule().then(
        (m) => (module = m),
        (error: unknown) => {
          // A failed chunk load may succeed later (the next mount asks again).
          pending = null;
          throw error;
        },
      );
      return pending;
    },
    loaded: () => module,
  };
}

/**
 * The loader's module, or null until it has loaded (asked for only while `wanted`). Instead of `React.lazy` + Suspense: a lazy
 * component suspends on its first render even when its chunk is already loaded, and React then
 * holds the revealed content back for its fallback throttle (300 ms), which the first item opened
 * waited through every time (bench/editing-bench.ts). A loaded module renders at once here.
 */
export function useLoadedModule<M>(loader: ModuleLoader<M>, wanted = true): M | null {
  const [module, setModule] = useState<M | null>(() => loader.loaded());
  useEffect(() => {
    if (module !== null || !wanted) return undefined;
    let live = true;
    loader.load().then(
      (m) => {
        if (live) setModule(m);
      },
      (error: unknown) => console.error('An editor failed to load.', error),
    );
    return () => {
      live = false;
    };
  }, [loader, module, wanted]);
  return module;
}
