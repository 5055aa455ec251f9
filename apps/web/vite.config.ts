import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The staff console's texts (`staff.*` keys) live in i18n/<lang>/web.json with the others (one
 * completeness test), but learners never download them: `web.json` is served without them and
 * `web.json?staff` (imported by the console's chunk) with only them.
 */
function staffTexts(): Plugin {
  const file = /[\\/]i18n[\\/](pl|uk|be|ru)[\\/]web\.json(\?staff)?$/;
  return {
    name: 'sasiad-staff-texts',
    enforce: 'pre',
    transform(code, id) {
      const match = file.exec(id);
      if (!match) return null;
      const staff = !!match[2];
      const texts = JSON.parse(code) as Record<string, string>;
      const kept = Object.fromEntries(
        Object.entries(texts).filter(([key]) => key.startsWith('staff.') === staff),
      );
      return { code: JSON.stringify(kept), map: null };
    },
  };
}

/** The learners' web app; `npm run build:web` writes it to dist/web, which the API serves at `/`. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: { '@i18n': `${repo}i18n` } },
  build: {
    outDir: `${repo}dist/web`,
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // Keep the first screen small: each screen is its own chunk (see routes.tsx).
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // the console's texts get their own name, so the service worker can leave them out
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.endsWith('web.json?staff')
            ? 'assets/staff-texts-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    port: 5173,
    fs: { allow: [repo] },
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:3000', ws: true },
      '/auth': 'http://127.0.0.1:3000',
    },
  },
  plugins: [
    staffTexts(),
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: {
        name: 'Sąsiad',
        short_name: 'Sąsiad',
        description: 'Akademia Mieszkańca · punkt informacyjny · wydarzenia',
        lang: 'pl',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5d4b',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell and every screen's chunk; GraphQL data is kept by Graphcache in IndexedDB.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The staff console is fetched only when opened (never precached for learners).
        globIgnores: ['**/StaffConsole-*.{js,css}', '**/staff-texts-*.js'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/graphql/, /^\/graphiql/, /^\/auth\//, /^\/health/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
