// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Layer rules from docs/architecture.md, enforced here as well as by the per-layer tsconfigs:
 * shared imports nothing platform-specific; main never reaches the renderer; the renderer only
 * reaches shared; only main/ipc and the preload touch ipcMain / ipcRenderer.
 */

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads', 'util', 'stream', 'events'];

/** @param {string[]} patterns @param {string} message */
const forbid = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '**/test-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.shared.json', './tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Only src/main/ipc may touch ipcMain (and src/main/index.ts passes it there).' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only src/preload may touch ipcRenderer.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [forbid(['electron', 'react', 'react-dom', ...nodeBuiltins], 'src/shared is pure: no Electron, Node or React.'), forbid(['**/main/**', '**/renderer/**', '**/preload/**', '**/web/**', '**/cli/**'], 'src/shared imports only src/shared.')] }],
    },
  },
  {
    files: ['src/main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [forbid(['electron'], 'Services never import electron: they also run in the CLI and the web host.'), forbid(['**/renderer/**', '**/preload/**', '**/web/**', '**/cli/**', '**/window/**'], 'Services import only shared and other services.')] }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/services/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [forbid(['**/renderer/**', '**/preload/**', '**/web/**', '**/cli/**'], 'main never imports the renderer, preload, web host or CLI.')] }],
    },
  },
  {
    files: ['src/main/ipc/**/*.ts', 'src/main/index.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only src/preload may touch ipcRenderer.' }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Only src/main/ipc may touch ipcMain.' }],
      'no-restricted-imports': ['error', { patterns: [forbid(['**/main/**', '**/renderer/**', '**/web/**', '**/cli/**'], 'The preload imports only electron and src/shared.')] }],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx', 'src/web/bridge/**/*.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [forbid(['electron', ...nodeBuiltins], 'The renderer has no Node or Electron: it reaches main only through window.api.'), forbid(['**/main/**', '**/preload/**', '**/cli/**', '**/web/host/**'], 'The renderer imports only itself and src/shared.')] }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/web/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [forbid(['electron'], 'The CLI and web host run without Electron.'), forbid(['**/renderer/**', '**/preload/**', '**/window/create-main-window*', '**/main/index*'], 'Headless shells reuse services and ipc, not the Electron shell.')] }],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
