import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The stewards' console: built to ../dist/console and served by the hub at `/` (src/console/console.module.ts).
// Everything is bundled; nothing is fetched from a CDN at run time.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite --config console/vite.config.ts` against a hub on :3000 during development.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
