/**
 * The renderer's security settings, in one place and free of electron imports so a unit test
 * can assert them (threats.md row 1). The renderer is treated as untrusted: no Node, isolated
 * context, OS sandbox, no <webview>.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  } as const;
}

/**
 * The Content-Security-Policy for the app's pages. No remote origin anywhere, no inline or
 * eval'd script; inline styles are allowed because Monaco injects them. Workers come from the
 * app itself (Monaco's language workers).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
