import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console server serves dist/ in production; in dev, Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, emptyOutDir: true },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
