import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev -w admin` sends API and sign-in requests: a running `node api/dist/main.js`. */
const apiTarget = process.env.MPS_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  // The api process serves the built console under /admin (see api/src/server.ts).
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One chunk for a staff-only console (react-admin + MUI, ~420 kB gzipped) is fine.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: {
      '/graphql': apiTarget,
      '/auth': apiTarget,
    },
  },
});
