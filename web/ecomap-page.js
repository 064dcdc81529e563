// The page around the WebAssembly module: loading progress, readable errors, and the
// window.ecomap API (for embedding pages and for tests).
'use strict';
(function () {
  const statusBox = document.getElementById('status');
  const statusTitle = document.getElementById('status-title');
  const statusText = document.getElementById('status-text');
  const bar = document.querySelector('#progress > div');
  const canvas = document.getElementById('canvas');

  function showError(title, detail) {
    statusBox.hidden = false;
    statusBox.classList.add('error');
    statusTitle.textContent = title;
    statusText.textContent = detail;
  }
  window.ecomapShowError = (message) => showError('ecomap stopped', message);

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // a failed load is shown on the page; callers may still await it

  function call(name, argument) {
    return Module.ccall('ecomap_api_call', 'string', ['string', 'string'], [name, argument === undefined ? '' : String(argument)]);
  }

  // [SECTION] Autosave in IndexedDB (one record: the current map as JSON text)
  const DB_NAME = 'ecomap', STORE = 'maps', AUTOSAVE_KEY = 'autosave';
  function openDb() {
    return new Promise((resolve, reject) => {
      if (!window.indexedDB) { reject(new Error('IndexedDB is not available')); return; }
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  const dbPromise = openDb();
  dbPromise.catch(() => {});
  let autosaveText = null;
  const autosaveLoaded = dbPromise
    .then((db) => new Promise((resolve) => {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(AUTOSAVE_KEY);
      request.onsuccess = () => { autosaveText = typeof request.result === 'string' ? request.result : null; resolve(); };
      request.onerror = () => resolve();
    }))
    .catch((error) => console.warn('ecomap: no autosave (' + error.message + ')'));
  let pendingWrite = Promise.resolve();
  function storeAutosave(text) {
    pendingWrite = dbPromise.then((db) => new Promise((resolve) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(text, AUTOSAVE_KEY);
      tx.oncomplete = () => resolve(true);
      tx.onerror = () => { console.warn('ecomap: autosave failed: ' + tx.error); resolve(false); };
    })).catch(() => false);
  }

  // [SECTION] Files: downloads, the picker, drag and drop
  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  async function deliverFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    Module.ecomapBridge.openFile(file.name, bytes);
  }
  function openPicker(accept) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      if (input.files && input.files[0]) deliverFile(input.files[0]);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  }
  window.addEventListener('dragover', (event) => { event.preventDefault(); event.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    const files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length > 0 && Module.ecomapBridge) deliverFile(files[0]);
  });

  // [SECTION] Clipboard: SDL would swallow Ctrl/Cmd+V, so the page hands pasted text over.
  window.addEventListener('paste', (event) => {
    const text = event.clipboardData && event.clipboardData.getData('text/plain');
    if (text && Module.ecomapBridge) { event.preventDefault(); Module.ecomapBridge.paste(text); }
  });

  // [SECTION] Save when the page goes away
  function flush() { if (Module.ecomapBridge && runtimeReady) Module.ecomapBridge.flush(); }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  window.addEventListener('pagehide', flush);

  // [SECTION] The API
  const changeListeners = new Set();
  let runtimeReady = false;
  window.ecomap = {
    ready,                                           // resolves after the first frame is shown
    frameCount: () => Number(call('frameCount')),    // frames rendered so far (idle frames are not rendered)
    layout: () => JSON.parse(call('layout')),        // CSS-pixel positions of the centre, the ring, each role and token
    getMap: () => call('getMap'),                    // the current map as JSON text (the saved file format)
    loadMap: (text) => JSON.parse(call('loadMap', text)),  // {ok, errors, warnings}; the map is kept on error
    onChange(callback) {                             // callback({revision}) after every change; returns an unsubscribe function
      changeListeners.add(callback);
      return () => changeListeners.delete(callback);
    },
    uiItems: () => JSON.parse(call('uiItems')),      // named widgets of the last frame: {label: {x, y, w, h}} (CSS px)
    state: () => JSON.parse(call('state')),          // session state: selection, camera, undo/redo labels, dialogs
    flushAutosave: () => { flush(); return pendingWrite; },  // save to IndexedDB now; resolves when written
    _resolveReady: () => { statusBox.hidden = true; runtimeReady = true; resolveReady(); },
    _takeAutosave: () => { const text = autosaveText; autosaveText = null; return text; },
    _storeAutosave: storeAutosave,
    _download: download,
    _openPicker: openPicker,
    _notifyChange: (revision) => { for (const listener of changeListeners) {
      try { listener({ revision }); } catch (error) { console.error(error); } } },
  };

  function fail(title, detail) {
    showError(title, detail);
    rejectReady(new Error(title + ': ' + detail));
  }

  // WebGL2 first: without it nothing can be drawn, so say so instead of a blank page.
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    fail('This browser cannot show the map',
         'ecomap needs WebGL2, which is turned off or unsupported here. Try a current Firefox, Chrome, Edge or Safari, ' +
         'or enable hardware acceleration in the browser settings.');
    return;
  }

  // Download the module ourselves to show real progress.
  async function fetchWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error('the server answered ' + response.status + ' for ' + url);
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      bar.style.width = Math.min(100, (100 * received) / total).toFixed(1) + '%';
      statusText.textContent = 'Downloading the app: ' + (received / 1048576).toFixed(1) + ' of ' +
                               (total / 1048576).toFixed(1) + ' MB';
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    return bytes;
  }

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    instantiateWasm(imports, receiveInstance) {
      fetchWasm('ecomap.wasm')
        .then((bytes) => { statusText.textContent = 'Starting…'; bar.style.width = '100%';
                           return Promise.all([WebAssembly.instantiate(bytes, imports), autosaveLoaded]); })
        .then(([result]) => result)
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((error) => fail('The map could not be loaded', String(error.message || error)));
      return {};
    },
    onAbort: (what) => fail('ecomap stopped', 'The app hit an internal error (' + what + '). Reload the page to start again.'),
  };

  // Keep the browser's own shortcuts (zoom, reload) working while the canvas has focus,
  // and let Ctrl/Cmd+V reach the browser so that it fires the paste event handled above.
  window.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if ((mod && ['+', '=', '-', '0', 'r', 'R', 'v', 'V'].includes(event.key)) || event.key === 'F5') {
      event.stopPropagation();
    }
  }, true);
  canvas.addEventListener('mousedown', () => canvas.focus());

  const script = document.createElement('script');
  script.src = 'ecomap.js';
  script.onerror = () => fail('The map could not be loaded', 'ecomap.js did not download. Check the connection and reload.');
  document.body.appendChild(script);
})();
