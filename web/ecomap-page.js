// The page around the WebAssembly module: loading progress, readable errors, and the
// window.ecomap API (for embedding pages and for tests).
'use strict';
(function () {
  const statusBox = document.getElementById('status');
  const statusTitle = document.getElementById('status-title');
  const statusText = document.getElementById('status-text');
  const bar = document.querySelector('#progress > div');
  const canvas = document.getElementById('canvas');
  const i18n = window.ecomapI18n;                    // the page's words (ecomap-i18n.js, from src/i18n)
  const t = (key, args) => i18n.t(key, args);

  function showError(title, detail) {
    statusBox.hidden = false;
    statusBox.classList.add('error');
    statusTitle.removeAttribute('data-i18n');  // the error's own words stay when the language changes
    statusText.removeAttribute('data-i18n');
    statusTitle.textContent = title;
    statusText.textContent = detail;
  }
  // The crash screen: the reason, and the last map known good as a download (kept in
  // JavaScript, since the app's memory may be gone).
  let crashed = false;
  function showCrash(reason) {
    if (crashed) return;
    crashed = true;
    showError(t('page.crash.title'), t(reason ? 'page.crash.download-reason' : 'page.crash.download-text', { reason }));
    const button = document.getElementById('crash-download');
    const lastGood = storage.lastGood();
    if (typeof lastGood === 'string' && lastGood.length > 0) {
      button.hidden = false;
      button.onclick = () => download('last-saved-map.ecomap.json', 'application/json', encoder.encode(lastGood));
    }
    if (typeof rejectReady === 'function') rejectReady(new Error('ecomap stopped: ' + reason));
  }
  // The app's own errors (platform::report_error). Before the first frame, a missing WebGL2
  // context is the likely cause: checked only then.
  window.ecomapShowError = (message) => {
    if (!runtimeReady && !document.createElement('canvas').getContext('webgl2')) noWebGL2();
    else showCrash(message);
  };
  window.addEventListener('error', (event) => {  // an uncaught error from the module (a trap, an exception)
    const error = event.error;
    if (runtimeStarted && error && (error instanceof WebAssembly.RuntimeError ||
        (WebAssembly.Exception && error instanceof WebAssembly.Exception) || /abort|out of memory/i.test(String(error.message))))
      showCrash(String(error.message || error));
  });
  window.addEventListener('unhandledrejection', (event) => {
    const error = event.reason;
    if (runtimeStarted && error && error instanceof WebAssembly.RuntimeError) showCrash(String(error.message || error));
  });
  let runtimeStarted = false;

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // a failed load is shown on the page; callers may still await it

  function call(name, argument) { return Module.ecomapBridge.call(name, argument); }  // through the heap
  const encoder = new TextEncoder();
  const MAX_BYTES = 20 * 1024 * 1024;  // the importer's limit (core/limits.hpp): checked before reading
  const megabytes = (n) => t('page.megabytes', { n: (n / 1048576).toFixed(1) });

  const storage = window.ecomapStorage({
    call: (name, argument) => call(name, argument), notice: (title, message) => notice(title, message),
    download: (name, mime, bytes) => download(name, mime, bytes), ready: () => runtimeReady,
    started: () => window.ecomap.startup, pristine: () => changes === 0 && window.ecomap.state().room.role === 'none' });
  const { recentMaps, openRecent } = storage;

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
  function tooBig(file) {  // checked before reading: a huge file is never loaded
    if (file.size <= MAX_BYTES) return false;
    notice(t('page.file.error'), t('page.file.too-big', { name: file.name, size: megabytes(file.size), max: megabytes(MAX_BYTES) }));
    return true;
  }
  async function deliverFile(file, origin) {
    if (tooBig(file)) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    Module.ecomapBridge.open([{ name: file.name, bytes }], origin, false);
  }
  async function deliverFiles(fileList) {   // several at once: a group map
    const files = [];
    for (const file of fileList) if (!tooBig(file)) files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (files.length > 0) Module.ecomapBridge.open(files, 'merge', false);
  }
  function openPicker(accept, multiple) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = Boolean(multiple);
    input.style.display = 'none';
    input.addEventListener('change', () => {
      if (input.files && input.files.length > 0) {
        if (multiple) deliverFiles(Array.from(input.files)); else deliverFile(input.files[0], 'file');
      }
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  }
  window.addEventListener('dragover', (event) => { event.preventDefault(); event.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    const files = event.dataTransfer && event.dataTransfer.files;
    if (!files || files.length === 0 || !Module.ecomapBridge) return;
    if (files.length === 1) deliverFile(files[0], 'drop'); else deliverFiles(Array.from(files));
  });

  // [SECTION] Clipboard: SDL would swallow Ctrl/Cmd+V, so the page hands pasted text over.
  window.addEventListener('paste', (event) => {
    const field = event.target && event.target.closest && event.target.closest('input, textarea, select');
    if (field && field !== keyboardInput) return;  // a field of the page (web/ecomap-access.js, panels) takes its own paste
    const text = event.clipboardData && event.clipboardData.getData('text/plain');
    if (text && Module.ecomapBridge) { event.preventDefault(); Module.ecomapBridge.paste(text); }
  });

  // [SECTION] On-screen keyboard (phones): SDL never opens it, so a hidden text field takes
  // the focus while an ImGui text field is active, and hands what is typed to the app.
  const keyboardInput = document.createElement('input');
  keyboardInput.type = 'text';
  keyboardInput.id = 'ecomap-keyboard';
  keyboardInput.setAttribute('autocomplete', 'off');
  keyboardInput.setAttribute('autocapitalize', 'sentences');
  keyboardInput.setAttribute('aria-hidden', 'true');
  keyboardInput.style.cssText = 'position:fixed;left:0;bottom:0;width:1px;height:1px;opacity:0;border:0;padding:0;' +
                                'font-size:16px;pointer-events:none;';
  document.body.appendChild(keyboardInput);
  let keyboardWanted = false;
  function showKeyboard(visible) {
    keyboardWanted = visible;
    if (visible && document.activeElement !== keyboardInput) keyboardInput.focus({ preventScroll: true });
    if (!visible && document.activeElement === keyboardInput) keyboardInput.blur();
  }
  keyboardInput.addEventListener('input', (event) => {
    if (event.isComposing) return;
    const text = keyboardInput.value;
    keyboardInput.value = '';
    if (text && Module.ecomapBridge) Module.ecomapBridge.typed(text);
  });
  keyboardInput.addEventListener('compositionend', () => {
    const text = keyboardInput.value;
    keyboardInput.value = '';
    if (text && Module.ecomapBridge) Module.ecomapBridge.typed(text);
  });
  const forwardedKeys = ['Backspace', 'Delete', 'Enter', 'Tab', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp',
                         'ArrowDown', 'Home', 'End'];
  for (const type of ['keydown', 'keyup']) {
    keyboardInput.addEventListener(type, (event) => {
      if (!forwardedKeys.includes(event.key) || !Module.ecomapBridge) return;
      event.preventDefault();
      Module.ecomapBridge.key(event.key, type === 'keydown');
    });
  }
  // A tap elsewhere keeps the keyboard while a field is still active in the app.
  canvas.addEventListener('touchend', () => { if (keyboardWanted) keyboardInput.focus({ preventScroll: true }); });

  // [SECTION] Scripts loaded only when needed (room.js and qr.js are not part of the first load)
  const scripts = new Map();
  function loadScript(src) {  // Promise resolved once the script has run
    if (!scripts.has(src)) {
      scripts.set(src, new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => { scripts.delete(src); reject(new Error(t('page.script.failed', { name: src }))); };
        document.head.appendChild(script);
      }));
    }
    return scripts.get(src);
  }

  // [SECTION] Save when the page goes away (the app itself saves within a second of every
  // change: Workspace::tick)
  function flush() { if (Module.ecomapBridge && runtimeReady) Module.ecomapBridge.flush(); }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  window.addEventListener('pagehide', flush);

  // [SECTION] The API
  const changeListeners = new Set();
  let changes = 0;  // changes of the map since the start (web/ecomap-storage.js: a first visit adopts an earlier map only before any)
  // An export's answer {ok, error, base64} as a Promise of its bytes.
  const bytesOf = (answer) => {
    const result = JSON.parse(answer);
    if (!result.ok) return Promise.reject(new Error(result.error));
    const binary = atob(result.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return Promise.resolve(bytes);
  };
  // The PNG export's answer {ok, error, pointer, size}: the file is copied out of the heap.
  const pngOf = (answer) => {
    const result = JSON.parse(answer);
    if (!result.ok) return Promise.reject(new Error(result.error));
    try { return Promise.resolve(Module.ecomapBridge.heapBytes(result.pointer, result.size)); } finally { call('releasePNG'); }
  };
  let runtimeReady = false;
  window.ecomap = {
    ready,                                           // resolves after the first frame is shown
    frameCount: () => Number(call('frameCount')),    // frames rendered so far (idle frames are not rendered)
    inputPending: () => call('inputPending') === 'true',  // input the app has received but not taken yet (it takes a little per frame)
    layout: () => JSON.parse(call('layout')),        // CSS-pixel positions of the centre, the ring, each role and token
    getMap: () => call('getMap'),                    // the current map as JSON text (the saved file format)
    loadMap: (text) => Module.ecomapBridge.open([{ name: 'loadMap', bytes: encoder.encode(String(text)) }], 'api', true),  // {ok, errors, warnings}; one undo step; the map is kept on error
    exportPNG: (options) => pngOf(call('exportPNG', JSON.stringify(options || {}))),  // Promise of the PNG bytes (Uint8Array), map embedded
    exportPDF: (options) => bytesOf(call('exportPDF', JSON.stringify(options || {}))),  // Promise of the PDF bytes: {paper: 'a4'|'letter', details: true}
    exportSVG: () => call('exportSVG'),             // the SVG text, map embedded
    exportCSV: () => JSON.parse(call('exportCSV')), // {entities, relationships}: CSV texts
    merge: (texts) => (Array.isArray(texts) && texts.length > 0 && texts.every((t) => typeof t === 'string')
      ? Module.ecomapBridge.open(texts.map((t, i) => ({ name: 'map ' + (i + 1), bytes: encoder.encode(t) })), 'merge', true)
      : { ok: false, errors: ['merge() takes an array of map texts'], report: [] }),  // {ok, errors, report}: one undo step
    recentMaps,                                      // Promise of the maps kept in this browser, newest first
    openRecent,                                      // opens one of them (Promise of {ok, errors, warnings}); one undo step
    present: (on) => call('present', switchArgument(on)) === 'true',      // presentation mode on/off (no argument: toggle); the new state
    hideNames: (on) => call('hideNames', switchArgument(on)) === 'true',  // names as neutral marks, exports included; the new state
    voteMode: (on) => call('voteMode', switchArgument(on)) === 'true',    // a click on a role adds a dot vote; the new state
    renderedText: () => new Promise((resolve) => {   // Promise of the text drawn in the next frame (widgets and map)
      const start = Number(call('frameCount'));
      call('captureText');
      const poll = () => (Number(call('frameCount')) >= start + 2 ? resolve(call('capturedText')) : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    }),
    startup: null,                                   // Promise resolved once ?map= and ?present are applied (after ready)
    onChange(callback) {                             // callback({revision}) after every change; returns an unsubscribe function
      changeListeners.add(callback);
      return () => changeListeners.delete(callback);
    },
    uiItems: () => JSON.parse(call('uiItems')),      // named widgets of the last frame: {label: {x, y, w, h}} (CSS px)
    state: () => JSON.parse(call('state')),          // session state: selection, camera, undo/redo labels, dialogs
    flushAutosave: () => { flush(); return storage.written(); },  // save to IndexedDB now; resolves when written
    language: () => (runtimeReady ? call('language') : i18n.language),  // the interface's language code ("en", "es")
    languages: () => i18n.languages.map((language) => ({ ...language })),  // [{code, name}] every catalog, in its own name
    setLanguage: (code) => {                          // switches the app and the page at once; the new code, or false when unknown
      if (!runtimeReady) return i18n.setLanguage(String(code)) ? i18n.language : false;
      return call('setLanguage', String(code)) || false;
    },
    _resolveReady: () => { performance.mark('ecomap:ready'); statusBox.hidden = true; runtimeReady = true; storage.refreshRecent();
      // The keyboard goes to the map at once (Tab walks through the app from there), unless the page's focus is elsewhere.
      if (!document.activeElement || document.activeElement === document.body) canvas.focus({ preventScroll: true });
      resolveReady(); },
    _takeAutosave: storage.takeAutosave,
    _storeAutosave: storage.store,
    _beginMap: storage.beginMap,
    _keepAside: storage.keepAside,
    _openRecent: (id) => { openRecent(id); },
    _refreshRecent: storage.refreshRecent,
    _download: download,
    _loadScript: loadScript,
    _viewChanged: () => window.dispatchEvent(new Event('ecomap:viewchange')),  // names hidden or shown (web/ecomap-access.js)
    _showKeyboard: showKeyboard,
    _openPicker: openPicker,
    _notifyChange: (revision) => { changes++; for (const listener of changeListeners) {
      try { listener({ revision }); } catch (error) { console.error(error); } } },
  };

  function switchArgument(on) { return on === undefined ? '' : (on ? 'true' : 'false'); }

  // [SECTION] Start-up parameters: ?map=<URL of a map file on this server>, ?present
  // A facilitator prepares a map and hands out one link. Failures are told in the app.
  function notice(title, message) { call('showMessage', JSON.stringify({ title, message, error: true })); }
  async function loadMapFromUrl(value) {
    const title = t('page.url.error');
    let url;
    try { url = new URL(value, window.location.href); } catch { notice(title, t('page.url.not-address', { value })); return; }
    if (url.origin !== window.location.origin) {
      notice(title, t('page.url.other-server', { url: url.href, host: window.location.host }));
      return;
    }
    let response;
    try { response = await fetch(url.href, { credentials: 'same-origin' }); } catch (error) {
      notice(title, t('page.url.no-download', { path: url.pathname, error: error.message }));
      return;
    }
    if (!response.ok) { notice(title, t('page.url.status', { path: url.pathname, status: response.status })); return; }
    const size = Number(response.headers.get('Content-Length')) || 0;
    if (size > MAX_BYTES) { notice(title, t('page.file.too-big', { name: url.pathname, size: megabytes(size), max: megabytes(MAX_BYTES) })); return; }
    const bytes = new Uint8Array(await response.arrayBuffer());
    Module.ecomapBridge.open([{ name: url.pathname.split('/').pop() || url.pathname, bytes }], 'url', false);
  }
  const params = new URLSearchParams(window.location.search);
  window.ecomap.startup = ready.then(async () => {
    if (params.get('map')) await loadMapFromUrl(params.get('map'));
    if (params.has('present') && !['0', 'false', 'no', 'off'].includes(params.get('present').toLowerCase()))
      window.ecomap.present(true);
  });
  window.ecomap.startup.catch(() => {});

  function fail(title, detail) {
    showError(title, detail);
    rejectReady(new Error(title + ': ' + detail));
  }
  function noWebGL2() {
    fail(t('page.webgl.title'), t('page.webgl.text'));
  }

  // WebGL2: without it nothing can be drawn, so say so instead of a blank page. A browser that
  // lacks it altogether is told at once; one that has it but refuses a context (blocked GPU,
  // hardware acceleration off) is found out when the app cannot make its own: creating a probe
  // context up front would cost every start a second context (about 0.2 s).
  if (typeof WebGL2RenderingContext === 'undefined') { noWebGL2(); return; }

  // The module: downloaded and compiled from the page's start (ecomap-boot.js), with the progress
  // shown; ecomap.js instantiates it once the page's storage is ready.
  //
  // The loading screen appears only when the start takes a while (index.html delays it): until
  // then the page changes nothing on screen, since every change is a frame for the browser's
  // compositor, which competes with the app's own GL context on a machine without a GPU.
  const loading = { received: 0, total: 0, starting: false, shown: false };
  function showLoading() {
    // Shown after the delay (its animationstart), or at once where animations are off (reduced motion).
    if (!loading.shown) loading.shown = getComputedStyle(statusBox).visibility === 'visible';
    if (!loading.shown) return;
    if (loading.starting) {
      bar.style.width = '100%';
      statusText.setAttribute('data-i18n', 'page.loading.starting');
      statusText.textContent = t('page.loading.starting');
      return;
    }
    if (loading.received === 0) return;
    const { received, total } = loading;
    if (total > 0) bar.style.width = Math.min(100, (100 * received) / total).toFixed(1) + '%';
    statusText.removeAttribute('data-i18n');
    statusText.textContent = total > 0
      ? t('page.loading.progress-of', { received: (received / 1048576).toFixed(1), total: (total / 1048576).toFixed(1) })
      : t('page.loading.progress', { received: (received / 1048576).toFixed(1) });
  }
  statusBox.addEventListener('animationstart', () => { loading.shown = true; showLoading(); });
  function progress(received, total) {
    loading.received = received;
    loading.total = total;
    showLoading();
  }
  window.ecomapBoot.onProgress(progress);
  const compiled = window.ecomapBoot.compiled;  // begun by ecomap-boot.js, in the page's head
  storage.ready.then(() => performance.mark('ecomap:storage-ready'), () => {});

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    instantiateWasm(imports, receiveInstance) {
      Promise.all([compiled, storage.ready])
        .then(([module]) => { loading.starting = true;
                              showLoading();
                              return WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)); })
        .catch((error) => fail(t('page.load.failed'), String(error.message || error)));
      return {};
    },
    onRuntimeInitialized: () => { runtimeStarted = true; performance.mark('ecomap:runtime-ready'); },
    onAbort: (what) => { if (runtimeStarted) showCrash(String(what)); else fail(t('page.crash.title'), t(what ? 'page.crash.reload-reason' : 'page.crash.reload-text', { reason: what })); },
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
  script.onerror = () => fail(t('page.load.failed'), t('page.load.no-script'));
  document.body.appendChild(script);
})();
