import { describe, expect, it, vi } from 'vitest';
import { invokeChannelNames } from '../../shared/contract';
import { ok } from '../../shared/lib/result';
import { dispatch } from './dispatch';
import type { HandlerTable } from './handler-table';
import { registerElectronIpc } from './register-electron-ipc';

function fakeHandlers(overrides: Partial<Record<keyof HandlerTable, (...args: never[]) => unknown>> = {}): HandlerTable {
  const table: Record<string, unknown> = {};
  for (const channel of invokeChannelNames) table[channel] = vi.fn(() => Promise.resolve(ok(channel)));
  return { ...table, ...overrides } as unknown as HandlerTable;
}

describe('dispatch', () => {
  it('calls the handler with validated arguments', async () => {
    const handlers = fakeHandlers();
    const result = await dispatch(handlers, 'document:read', ['news/a.md']);
    expect(result).toEqual({ ok: true, value: 'document:read' });
    expect(handlers['document:read']).toHaveBeenCalledWith('news/a.md');
  });

  it('refuses channels outside the contract, including prototype names', async () => {
    const handlers = fakeHandlers();
    for (const channel of ['fs:readFile', '__proto__', 'constructor', 'toString']) {
      const result = await dispatch(handlers, channel, []);
      expect(result.ok ? null : result.error.code).toBe('unknown-channel');
    }
  });

  it('refuses arguments of the wrong shape before the handler runs', async () => {
    const handlers = fakeHandlers();
    for (const args of [[], [42], ['a', 'b'], [{}], 'news/a.md', null]) {
      const result = await dispatch(handlers, 'document:read', args);
      expect(result.ok ? null : result.error.code).toBe('invalid-argument');
    }
    const extraKey = await dispatch(handlers, 'workspace:open', [{ path: '/x', evil: true }]);
    expect(extraKey.ok ? null : extraKey.error.code).toBe('invalid-argument');
    expect(handlers['document:read']).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an internal error without leaking the stack', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers = fakeHandlers({ 'list:quickOpen': () => Promise.reject(new Error('secret /home/path')) });
    const result = await dispatch(handlers, 'list:quickOpen', ['x']);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('secret');
    }
    spy.mockRestore();
  });
});

describe('registerElectronIpc', () => {
  function fakeIpcMain() {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    return {
      registered,
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => void registered.set(channel, listener),
      removeHandler: (channel: string) => void registered.delete(channel),
    };
  }

  it('registers exactly one handler per contract channel and removes them all', () => {
    const ipc = fakeIpcMain();
    const unregister = registerElectronIpc(ipc as never, fakeHandlers(), () => true);
    expect([...ipc.registered.keys()].sort()).toEqual([...invokeChannelNames].sort());
    unregister();
    expect(ipc.registered.size).toBe(0);
  });

  it('refuses a sender that is not the app frame (threats row 5)', async () => {
    const ipc = fakeIpcMain();
    const handlers = fakeHandlers();
    registerElectronIpc(ipc as never, handlers, () => false);
    const result = (await ipc.registered.get('list:quickOpen')!({})) as { ok: boolean; error?: { code: string } };
    expect(result.error?.code).toBe('forbidden-sender');
    expect(handlers['list:quickOpen']).not.toHaveBeenCalled();
  });
});
