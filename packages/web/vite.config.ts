import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at / in production; in development Vite serves the app and forwards the
// API so that cookies stay same-origin either way.
export default defineConfig({
  plugins: [react()],
  // The shared vocabulary is bundled from its sources: no build step between it and the app.
  resolve: {
    alias: { '@blouse/contract': fileURLToPath(new URL('../contract/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Libraries change less often than the app: separate files stay cached across releases.
    rollupOptions: {
      output: {
        manualChunks: {
          react: ['react', 'react-dom', 'react-router'],
          mantine: ['@mantine/core', '@mantine/hooks'],
          data: ['@tanstack/react-query', 'i18next', 'react-i18next'],
        },
      },
    },
  },
  server: {
    // BLOUSE_API points the dev server at a server on another port (tests, a second checkout).
    proxy: { '/api': { target: process.env.BLOUSE_API ?? 'http://localhost:8080', changeOrigin: false } },
  },
});
