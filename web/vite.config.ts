import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

// The web app lives in web/, imports the server's zod schemas from src/, and is served
// by the API server itself from web/dist under a strict CSP (no inline script or style).
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Inlined assets would become data: URLs; keep every script and style a separate file.
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      // Libraries in a chunk of their own: it changes less often than the app, so stays cached,
      // and neither file passes Vite's 500 kB warning.
      output: { manualChunks: { vendor: ['react', 'react-dom', 'i18next', 'react-i18next', 'zod'] } },
      // zod ships comments Rollup cannot place; harmless, and not ours to fix.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    fs: { allow: [repo] },
    // `vite --config web/vite.config.ts` during development: the API runs on AZAD_PORT (3000).
    proxy: { '/api': `http://127.0.0.1:${process.env.AZAD_PORT ?? 3000}` },
  },
});
