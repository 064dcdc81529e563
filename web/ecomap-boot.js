// The two long waits of a start, begun in the page's <head> before anything else loads: the
// module's download and compile, and opening this browser's map database. ecomap-page.js shows
// the download's progress and hands the module to ecomap.js; ecomap-storage.js picks the tab's
// map from the database. Both errors are reported by them, not here.
'use strict';
window.ecomapBoot = (function () {
  const progressListeners = [];
  let received = 0, total = 0;

  // The module, compiled while it streams in (WebAssembly.compileStreaming, when the server says
  // application/wasm). A compressed answer's Content-Length is not the size of what the stream
  // gives: the room service names the real size (X-Ecomap-Length); otherwise only the MB so far.
  async function fetchWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error('the server answered ' + response.status + ' for ' + url);
    performance.mark('ecomap:wasm-response');
    total = Number(response.headers.get('X-Ecomap-Length')) ||
            (response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0);
    if (!response.body) return response;
    const counted = response.body.pipeThrough(new TransformStream({
      transform(chunk, controller) {
        received += chunk.length;
        for (const listener of progressListeners) listener(received, total);
        controller.enqueue(chunk);
      },
      flush() { performance.mark('ecomap:wasm-fetched'); },
    }));
    return new Response(counted, { headers: { 'Content-Type': response.headers.get('Content-Type') || '' } });
  }
  async function compileWasm(url) {
    const response = await fetchWasm(url);
    const streaming = typeof WebAssembly.compileStreaming === 'function' &&
                      /^application\/wasm\b/.test(response.headers.get('Content-Type') || '');
    const module = streaming ? await WebAssembly.compileStreaming(response)
                             : await WebAssembly.compile(await response.arrayBuffer());
    performance.mark('ecomap:wasm-compiled');
    return module;
  }

  // The database: one record per map in "maps" (text) and "meta" ({id, title, entities,
  // modified, bytes, aside}). Version 1 had one map under "autosave": it becomes a map of the list.
  const DB_NAME = 'ecomap', DB_VERSION = 2, MAPS = 'maps', META = 'meta', LEGACY_KEY = 'autosave';
  function openDb() {
    return new Promise((resolve, reject) => {
      if (!window.indexedDB) { reject(new Error('IndexedDB is not available')); return; }
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = (event) => {
        const upgrade = request.result;
        if (!upgrade.objectStoreNames.contains(MAPS)) upgrade.createObjectStore(MAPS);
        if (!upgrade.objectStoreNames.contains(META)) upgrade.createObjectStore(META, { keyPath: 'id' });
        if (event.oldVersion === 1) {
          const tx = request.transaction;
          tx.objectStore(MAPS).get(LEGACY_KEY).onsuccess = (got) => {
            const text = got.target.result;
            if (typeof text !== 'string') return;
            let title = '', entities = 0;
            try { const map = JSON.parse(text); title = (map.meta && map.meta.title) || ''; entities = (map.entities || []).length; } catch {}
            tx.objectStore(META).put({ id: LEGACY_KEY, title, entities, modified: Date.now(), bytes: text.length });
          };
        }
      };
      request.onblocked = () => reject(new Error('the storage is blocked by another tab of an older version'));
      request.onsuccess = () => {
        const opened = request.result;
        opened.onversionchange = () => opened.close();
        resolve(opened);
      };
      request.onerror = () => reject(request.error || new Error('IndexedDB could not be opened'));
    });
  }

  let db;
  try { db = openDb(); } catch (error) { db = Promise.reject(error); }  // a browser that refuses storage throws
  db.catch(() => {});
  const compiled = compileWasm('ecomap.wasm');
  compiled.catch(() => {});
  return {
    compiled,                                        // Promise of the WebAssembly.Module
    db,                                              // Promise of the open IDBDatabase
    stores: { MAPS, META },
    onProgress(listener) {                           // listener(received, total) per chunk of the download
      progressListeners.push(listener);
      if (received > 0) listener(received, total);
    },
  };
})();
