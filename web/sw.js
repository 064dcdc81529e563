// The offline app: after one visit, the app (page, scripts, module, example maps) opens
// without the network. The build (cmake/ecomap_offline.py) writes the list of files and a
// version made from their contents in place of the two placeholders below, so every new build
// is a new cache; the page then says "A new version is available" (web/offline.js).
// Strategy: the app's own files come from the cache of this version (fetched all at install);
// anything else (rooms, /api/) goes to the network untouched.
'use strict';
const VERSION = '@ECOMAP_VERSION@';
const FILES = @ECOMAP_FILES@;
const CACHE = 'ecomap-app-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('ecomap-app-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {  // the page's "Reload" on "A new version is available"
  if (event.data === 'ecomap-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  let path = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
  if (path === null) return;
  if (path === '') path = 'index.html';
  if (!FILES.includes(path)) return;  // rooms, the API, anything else: the network as usual
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(path);
    return hit || fetch(request);
  })());
});
