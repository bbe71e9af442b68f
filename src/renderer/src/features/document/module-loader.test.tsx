// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createModuleLoader, useLoadedModule, type ModuleLoader } from './module-loader';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Editors {
  readonly Editor: () => React.JSX.Element;
}
const editors: Editors = { Editor: () => <p>the editor</p> };

function Pane({ loader, wanted = true }: { readonly loader: ModuleLoader<Editors>; readonly wanted?: boolean }) {
  const module = useLoadedModule(loader, wanted);
  return module === null ? <p>loading</p> : <module.Editor />;
}

afterEach(cleanup);

describe('createModuleLoader', () => {
  it('imports once, however many ask, and knows the module synchronously afterwards', async () => {
    const importModule = vi.fn(() => Promise.resolve(editors));
    const loader = createModuleLoader(importModule);
    expect(loader.loaded()).toBeNull();
    await Promise.all([loader.load(), loader.load()]);
    expect(importModule).toHaveBeenCalledTimes(1);
    expect(loader.loaded()).toBe(editors);
  });

  it('asks again after a failed import', async () => {
    const importModule = vi.fn().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValueOnce(editors);
    const loader = createModuleLoader<Editors>(importModule);
    await expect(loader.load()).rejects.toThrow('chunk failed');
    expect(await loader.load()).toBe(editors);
  });
});

describe('useLoadedModule', () => {
  it('renders a loaded module in the first render, with no loading state in between', async () => {
    const loader = createModuleLoader(() => Promise.resolve(editors));
    await loader.load();
    render(<Pane loader={loader} />);
    expect(screen.getByText('the editor')).toBeTruthy();
  });

  it('shows the loading state until the module arrives, and asks for it only when wanted', async () => {
    const importModule = vi.fn(() => Promise.resolve(editors));
    const loader = createModuleLoader(importModule);
    const view = render(<Pane loader={loader} wanted={false} />);
    await act(async () => Promise.resolve());
    expect(importModule).not.toHaveBeenCalled();
    view.rerender(<Pane loader={loader} />);
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => {
      await loader.load();
    });
    expect(screen.getByText('the editor')).toBeTruthy();
  });
});
