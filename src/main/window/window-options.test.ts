import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, secureWebPreferences } from './window-options';
import { readFileSync } from 'node:fs';

describe('secureWebPreferences (threats row 1)', () => {
  it('sandboxes and isolates the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false });
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});

describe('contentSecurityPolicy', () => {
  const directives = new Map(contentSecurityPolicy.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }));

  it('allows scripts from the app only: no inline, no eval, no remote origin', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    for (const values of directives.values()) {
      expect(values.some((v) => /^https?:|^\*$|unsafe-eval/.test(v))).toBe(false);
    }
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
  });

  it('is the same policy the renderer page declares', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy);
  });
});
