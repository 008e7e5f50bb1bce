import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w web` proxies the api of a running `node api/dist/main.js` (default port 4000 unless PORT is set).
const api = process.env.MPS_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Libraries change less often than the portal: a chunk of their own stays cached across releases.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 2 },
            { name: 'graphql', test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|optimism|@wry|tslib|zen-observable)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/auth': { target: api, changeOrigin: false },
    },
  },
});
