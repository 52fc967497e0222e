import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console server serves dist/ in production; in dev, Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    emptyOutDir: true,
    // dist/.vite/manifest.json (not served: dot paths are ignored) lets bench/page-weight.ts
    // follow each chunk's imports to measure what the first view really loads.
    manifest: true,
    // Every browser the console supports (evergreen Chromium, Firefox, Safari) has
    // <link rel=modulepreload>; the polyfill would be dead weight in the first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // src/shared is declarations only (schemas, enums, limits, pure functions): a module the
      // browser imports nothing from is dropped whole. Without this, the module-level zod calls
      // of every KMS operation's schema (grants, tags, rotation, …) counted as side effects and
      // shipped in the first load, though the console never calls those operations.
      treeshake: {
        moduleSideEffects: (id: string) => !id.includes('/src/shared/'),
        // A zod schema built at module level is a value, not an action: one the browser never
        // uses (create-key's request, say) may go, even from a module it imports from. So are the
        // icons, the operation table rows and the error-code tables built by these helpers.
        manualPureFunctions: [
          'z',
          'pathIcon',
          'shapeIcon',
          'wireOperation',
          'errorCodeTable',
          'stringFields',
        ],
      },
      output: {
        codeSplitting: {
          // Everything the entry imports statically is fetched before the first paint anyway:
          // one chunk instead of several compresses better (one gzip window, no cross-chunk
          // import/export names) and saves requests. Lazy pages keep their own chunks.
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
