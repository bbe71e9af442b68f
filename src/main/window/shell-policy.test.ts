import { describe, expect, it } from 'vitest';
import {
  appOrigin,
  isAppFrameSender,
  isAppUrl,
  permissionDecision,
  shouldAllowNavigation,
  shouldAttachWebview,
  windowOpenDecision,
  type FrameLike,
} from './shell-policy';

const built = { indexHtml: '/opt/Folio/resources/app.asar/out/renderer/index.html' };
const fileOrigin = appOrigin(built);
const devOrigin = appOrigin({ ...built, devServerUrl: 'http://localhost:5173' });

describe('appOrigin', () => {
  it('is the renderer folder as a file URL, or the dev server', () => {
    expect(fileOrigin).toBe('file:///opt/Folio/resources/app.asar/out/renderer');
    expect(devOrigin).toBe('http://localhost:5173');
  });
});

describe('shouldAllowNavigation (threats row 3)', () => {
  it.each([`${fileOrigin}/index.html`, `${fileOrigin}/index.html#/item`, `${fileOrigin}/assets/x.js`])('allows the app page %s', (url) => {
    expect(shouldAllowNavigation(url, fileOrigin)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:void(window.__pwned=1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>window.__pwned=1</script>',
    'blob:file:///x',
    'file:///etc/passwd',
    'file:///opt/Folio/resources/app.asar/out/renderer-evil/index.html',
    'file:///opt/Folio/resources/app.asar/out/renderer/../../../../../../home/user/.ssh/id_rsa',
    'file:///opt/Folio/resources/app.asar/out/renderer/%2e%2e/%2e%2e/secret.html',
    'file://evil-host/opt/Folio/resources/app.asar/out/renderer/index.html',
    'https://evil.example/',
    'http://127.0.0.1:8080/meta',
    'folio-custom://open',
    'ms-settings:',
    'about:blank',
    'not a url',
    '',
  ])('refuses %j from the built app', (url) => {
    expect(shouldAllowNavigation(url, fileOrigin)).toBe(false);
  });

  it('in dev, allows only the dev server origin itself', () => {
    expect(shouldAllowNavigation('http://localhost:5173/', devOrigin)).toBe(true);
    expect(shouldAllowNavigation('http://localhost:5173/index.html?x=1', devOrigin)).toBe(true);
    for (const url of [
      'http://localhost:51730/',
      'http://localhost:5173.evil.example/',
      'http://localhost:5173@evil.example/',
      'http://user:pw@localhost:5173/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      `${fileOrigin}/index.html`,
      'javascript:alert(1)',
    ]) {
      expect(shouldAllowNavigation(url, devOrigin), url).toBe(false);
    }
  });

  it('refuses everything when the origin itself is unusable', () => {
    expect(isAppUrl('https://a.example/', 'not a url')).toBe(false);
    expect(isAppUrl('data:text/html,x', 'data:text/html,x')).toBe(false);
  });
});

describe('windowOpenDecision (threats row 3)', () => {
  it('never opens an Electron window; https and mailto go to the system browser', () => {
    expect(windowOpenDecision('https://news.example.com/a')).toEqual({ action: 'deny', openExternal: 'https://news.example.com/a' });
    expect(windowOpenDecision('mailto:editor@example.com')).toEqual({ action: 'deny', openExternal: 'mailto:editor@example.com' });
  });

  it.each([
    'javascript:alert(1)',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'http://127.0.0.1:8080/tracker',
    'folio-custom://x',
    'ms-settings:',
    `${fileOrigin}/index.html`,
    'https://user:pass@example.com/',
    '',
  ])('drops %j without opening anything', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
  });
});

describe('permissions and webviews (threats rows 1, 4)', () => {
  it('grants no permission and attaches no webview', () => {
    expect(permissionDecision()).toBe(false);
    expect(shouldAttachWebview()).toBe(false);
  });
});

describe('isAppFrameSender (threats row 5)', () => {
  const mainFrame: FrameLike = { url: `${fileOrigin}/index.html` };
  const contents = { mainFrame };

  it('accepts the app window top frame on an app page', () => {
    expect(isAppFrameSender({ sender: contents, senderFrame: mainFrame }, contents, fileOrigin)).toBe(true);
  });

  it('refuses a subframe, even one on the app origin', () => {
    const subframe: FrameLike = { url: `${fileOrigin}/index.html` };
    expect(isAppFrameSender({ sender: contents, senderFrame: subframe }, contents, fileOrigin)).toBe(false);
    const foreign: FrameLike = { url: 'https://evil.example/' };
    expect(isAppFrameSender({ sender: contents, senderFrame: foreign }, contents, fileOrigin)).toBe(false);
  });

  it('refuses another web contents, a destroyed frame and a missing window', () => {
    const other = { mainFrame: { url: `${fileOrigin}/index.html` } };
    expect(isAppFrameSender({ sender: other, senderFrame: other.mainFrame }, contents, fileOrigin)).toBe(false);
    expect(isAppFrameSender({ sender: contents, senderFrame: null }, contents, fileOrigin)).toBe(false);
    expect(isAppFrameSender({ sender: contents, senderFrame: mainFrame }, null, fileOrigin)).toBe(false);
  });

  it('refuses the top frame once it shows a page that is not the app', () => {
    const navigated = { mainFrame: { url: 'file:///opt/Folio/resources/app.asar/out/renderer-evil/x.html' } };
    expect(isAppFrameSender({ sender: navigated, senderFrame: navigated.mainFrame }, navigated, fileOrigin)).toBe(false);
    const dataPage = { mainFrame: { url: 'data:text/html,hi' } };
    expect(isAppFrameSender({ sender: dataPage, senderFrame: dataPage.mainFrame }, dataPage, fileOrigin)).toBe(false);
  });
});
