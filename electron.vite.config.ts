import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The folder index runs in a worker thread; it must be its own file beside index.js.
          'index-worker': resolve('src/main/services/index/index-worker.ts'),
          // Validation (parse, infer, Ajv, folder rules) runs in its own worker thread, emitted the same way.
          'validation-worker': resolve('src/main/services/validation/validation-worker.ts'),
          // chokidar watches the folder from its own worker thread too (its crawl would stall main).
          'watch-worker': resolve('src/main/services/watcher/watch-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          // The browser host's stand-in for the preload; unused inside Electron.
          'web-bridge': resolve('src/web/bridge/web-bridge.ts'),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'web-bridge' ? 'web-bridge.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  },
});
