// Vite config for the Questline web app. Build: `npm run build:web` (outputs <repo>/dist/web, which the
// api serves at `/`). Dev: `npx vite --config apps/web/vite.config.ts` with the api on :3000.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = process.env.QUESTLINE_API ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  base: '/',
  // One contract for server and browser: the web app imports the server's shapes from libs/contracts.
  resolve: { alias: { '@questline/contracts': path.resolve(here, '../../libs/contracts/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
});
