import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { firstPageReport, precompress } from './build/plugins.ts';

/** web/, wherever the build is started from (the launcher runs it from the repository's root). */
const root = fileURLToPath(new URL('.', import.meta.url));

/** The running router that `npm run dev:web` sends /graphql to (HTTP and WebSocket). */
const api = process.env['SHELFMARK_API_URL'] ?? 'http://localhost:4000';

export default defineConfig({
  root,
  plugins: [vue(), precompress(), firstPageReport('src/pages/CataloguePage.vue')],
  build: {
    target: 'es2022',
    // The build's own report of slow plugins is noise at start-up; sizes are reported above.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: { '/graphql': { target: api, ws: true } },
  },
});
