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
  // The crash screen: the reason, and the last map known good as a download (kept in
  // JavaScript, since the app's memory may be gone).
  let crashed = false;
  function showCrash(reason) {
    if (crashed) return;
    crashed = true;
    showError('ecomap stopped', 'The app hit an internal error (' + reason + '). Download your map, then reload the page.');
    const button = document.getElementById('crash-download');
    if (typeof lastGoodText === 'string' && lastGoodText.length > 0) {
      button.hidden = false;
      button.onclick = () => download('last-saved-map.ecomap.json', 'application/json', encoder.encode(lastGoodText));
    }
    if (typeof rejectReady === 'function') rejectReady(new Error('ecomap stopped: ' + reason));
  }
  window.ecomapShowError = (message) => showCrash(message);
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
  const megabytes = (n) => (n / 1048576).toFixed(1) + ' MB';

  // [SECTION] Maps kept in this browser: IndexedDB, one record per map ("maps": text,
  // "meta": {id, title, entities, modified, bytes, aside}). Each tab edits its own map:
  // its id is in sessionStorage (a reload continues it) and held with a Web Lock (another
  // tab never opens it). A map that cannot be read is marked aside and never written again.
  const DB_NAME = 'ecomap', DB_VERSION = 2, MAPS = 'maps', META = 'meta', LEGACY_KEY = 'autosave';
  const TAB_KEY = 'ecomap-map-id', LOCK_PREFIX = 'ecomap-map:', STORAGE_TIMEOUT_MS = 3000;
  const NOT_SAVED = 'Changes are not being saved in this browser: use Save JSON';
  let db = null;                 // the open database; null while storage does not work
  let mapId = null;              // this tab's map
  let releaseLock = () => {};    // lets go of this tab's map
  let pendingRecent = null;      // {id, release} of a map from Recent maps being opened
  let autosaveText = null;       // the text handed to the app at start-up
  let asideText = null;          // saved data the app could not read (downloadable)
  let lastGoodText = null;       // the last map known good (the crash screen downloads it)
  let recentCache = [];          // last list given to the app
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('ecomap-maps') : null;

  const newId = () => 'map-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
  function withTimeout(promise, ms, what) {
    return Promise.race([promise, new Promise((_, reject) =>
      setTimeout(() => reject(new Error(what + ' did not answer within ' + ms / 1000 + ' s')), ms))]);
  }
  function done(request) {
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error || new Error('IndexedDB request failed'));
    });
  }
  function openDb() {
    return new Promise((resolve, reject) => {
      if (!window.indexedDB) { reject(new Error('IndexedDB is not available')); return; }
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = (event) => {
        const upgrade = request.result;
        if (!upgrade.objectStoreNames.contains(MAPS)) upgrade.createObjectStore(MAPS);
        if (!upgrade.objectStoreNames.contains(META)) upgrade.createObjectStore(META, { keyPath: 'id' });
        if (event.oldVersion === 1) {  // the one map of version 1 becomes a map of the list
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
  function tryLock(id) {  // resolves to a release function, or null when another tab holds the map
    if (!navigator.locks) return Promise.resolve(() => {});
    return new Promise((resolve) => {
      navigator.locks.request(LOCK_PREFIX + id, { ifAvailable: true }, (lock) => {
        if (!lock) { resolve(null); return undefined; }
        return new Promise((release) => resolve(release));
      }).catch(() => resolve(null));
    });
  }
  async function heldElsewhere() {
    if (!navigator.locks || !navigator.locks.query) return new Set();
    const state = await navigator.locks.query();
    return new Set((state.held || []).map((lock) => lock.name).filter((name) => name.startsWith(LOCK_PREFIX))
      .map((name) => name.slice(LOCK_PREFIX.length)).filter((id) => id !== mapId));
  }
  function setMap(id, release) {
    releaseLock();
    mapId = id;
    releaseLock = release || (() => {});
    try { sessionStorage.setItem(TAB_KEY, id); } catch {}
  }
  async function listMeta() {
    if (!db) return [];
    return (await done(db.transaction(META, 'readonly').objectStore(META).getAll())) || [];
  }
  async function readText(id) {
    const text = await done(db.transaction(MAPS, 'readonly').objectStore(MAPS).get(id));
    return typeof text === 'string' ? text : null;
  }

  // Start-up: the tab's own map, else the most recent map no other tab has, else a new one.
  async function chooseMap() {
    db = await openDb();
    let wanted = null;
    try { wanted = sessionStorage.getItem(TAB_KEY); } catch {}
    const metas = (await listMeta()).filter((m) => !m.aside).sort((a, b) => b.modified - a.modified);
    const candidates = metas.map((m) => m.id).filter((id) => id !== wanted);
    if (wanted) {
      for (let attempt = 0; attempt < 5; attempt++) {  // a reload: the previous page may still hold it a moment
        const release = await tryLock(wanted);
        if (release) { setMap(wanted, release); autosaveText = await readText(wanted); return; }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    for (const id of candidates) {
      const release = await tryLock(id);
      if (release) { setMap(id, release); autosaveText = await readText(id); return; }
    }
    const id = newId();
    setMap(id, await tryLock(id));
  }
  function storageFailed(error) {
    db = null;
    if (!mapId) setMap(newId(), null);
    showStorageWarning(NOT_SAVED + ' (' + String(error && error.message || error) + ').');
  }
  const storageReady = withTimeout(chooseMap(), STORAGE_TIMEOUT_MS, 'The browser storage (IndexedDB)')
    .catch((error) => storageFailed(error))
    .then(() => {
      if (autosaveText !== null && autosaveText.length > MAX_BYTES) {  // larger than the app can open: keep it aside
        asideText = autosaveText;
        autosaveText = null;
        keepAside('it is ' + megabytes(asideText.length) + ', more than the ' + megabytes(MAX_BYTES) + ' a map can have');
      }
      lastGoodText = autosaveText;
    });

  let pendingWrite = Promise.resolve(true);
  function storeAutosave(text, summaryJson) {
    lastGoodText = text;
    if (!db) return;
    const id = mapId;
    let summary = {};
    try { summary = JSON.parse(summaryJson); } catch {}
    pendingWrite = pendingWrite.then(() => new Promise((resolve) => {
      let tx;
      try { tx = db.transaction([MAPS, META], 'readwrite'); } catch (error) { resolve(writeFailed(error)); return; }
      tx.objectStore(MAPS).put(text, id);
      tx.objectStore(META).put({ id, title: summary.title || '', entities: summary.entities || 0, modified: Date.now(),
                                 bytes: text.length });
      tx.oncomplete = () => { clearStorageWarning(); resolve(true); if (channel) channel.postMessage('changed'); refreshRecent(); };
      tx.onerror = tx.onabort = () => resolve(writeFailed(tx.error));
    }));
  }
  function writeFailed(error) {
    const reason = error && error.name === 'QuotaExceededError' ? 'the browser storage is full' : String(error && error.message || error);
    showStorageWarning(NOT_SAVED + ' (' + reason + ').');
    return false;
  }
  function beginMap() {  // the map is replaced: the old record stays in Recent maps, the new one gets its own
    if (pendingRecent) { setMap(pendingRecent.id, pendingRecent.release); pendingRecent = null; return; }
    const id = newId();
    setMap(id, null);
    tryLock(id).then((release) => { if (mapId === id && release) releaseLock = release; else if (release) release(); });
  }
  function keepAside(reason) {  // saved data the app cannot read: marked aside, never written again; downloadable
    if (asideText === null) asideText = autosaveText;
    const id = mapId;
    if (db && id) {
      const tx = db.transaction(META, 'readwrite');
      tx.objectStore(META).put({ id, title: '', entities: 0, modified: Date.now(), aside: true, reason,
                                 bytes: asideText ? asideText.length : 0 });
    }
    beginMap();
    showAsideNotice(reason);
  }
  async function recentMaps() {  // newest first: [{id, title, modified, entities, openElsewhere, current}]
    await storageReady;
    if (!db) return [];
    const [metas, held] = await Promise.all([listMeta(), heldElsewhere()]);
    return metas.filter((m) => !m.aside).sort((a, b) => b.modified - a.modified).map((m) => ({
      id: m.id, title: m.title, modified: new Date(m.modified).toISOString(), entities: m.entities,
      openElsewhere: held.has(m.id), current: m.id === mapId }));
  }
  let refreshTimer = 0;
  function refreshRecent() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(async () => {
      if (!runtimeReady) return;
      try {
        const list = await recentMaps();
        const pad = (n) => String(n).padStart(2, '0');
        recentCache = list.map((m) => {
          const d = new Date(m.modified);
          return { ...m, elsewhere: m.openElsewhere,
                   modifiedText: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}` };
        });
        call('setRecentMaps', JSON.stringify(recentCache));
      } catch (error) { console.warn('ecomap: Recent maps: ' + error.message); }
    }, 50);
  }
  if (channel) channel.onmessage = () => refreshRecent();
  async function openRecent(id) {  // Promise of {ok, errors, warnings}; the current map stays in Recent maps
    await storageReady;
    const fail = (message) => { notice('This map could not be opened', message); return { ok: false, errors: [message], warnings: [] }; };
    if (!db) return fail('The browser storage is not available.');
    if (id === mapId) return { ok: true, errors: [], warnings: [] };
    const meta = (await listMeta()).find((m) => m.id === id);
    if (!meta || meta.aside) return fail('There is no map "' + id + '" in this browser.');
    const release = await tryLock(id);
    if (!release) return fail('"' + (meta.title || 'Untitled map') + '" is open in another tab; switch to that tab to edit it.');
    const text = await readText(id);
    if (text === null) { release(); return fail('The map "' + id + '" is gone from this browser.'); }
    pendingRecent = { id, release };
    const result = Module.ecomapBridge.open([{ name: meta.title || 'Untitled map', bytes: encoder.encode(text) }], 'recent', false);
    if (pendingRecent) { pendingRecent.release(); pendingRecent = null; }  // not opened: let go
    refreshRecent();
    return result;
  }

  // [SECTION] Notices outside the canvas: storage problems, saved data kept aside
  const warning = document.createElement('div');
  warning.id = 'ecomap-storage-warning';
  warning.setAttribute('role', 'alert');
  warning.hidden = true;
  document.body.appendChild(warning);
  function showStorageWarning(text) { warning.textContent = text; warning.hidden = false; }
  function clearStorageWarning() { if (!warning.hidden && db) warning.hidden = true; }
  const aside = document.createElement('div');
  aside.id = 'ecomap-aside';
  aside.setAttribute('role', 'alert');
  aside.hidden = true;
  document.body.appendChild(aside);
  function showAsideNotice(reason) {
    const text = document.createElement('span');
    text.textContent = 'The map saved in this browser could not be opened (' + reason + '). It is kept aside, untouched. ';
    const button = document.createElement('button');
    button.id = 'ecomap-aside-download';
    button.textContent = 'Download it';
    button.addEventListener('click', () => download('unreadable-map.ecomap.json', 'application/json', encoder.encode(asideText || '')));
    const close = document.createElement('button');
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => { aside.hidden = true; });
    aside.replaceChildren(text, button, close);
    aside.hidden = false;
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
  function tooBig(file) {  // checked before reading: a huge file is never loaded
    if (file.size <= MAX_BYTES) return false;
    notice('This file could not be opened', `${file.name} is ${megabytes(file.size)}; maps up to ${megabytes(MAX_BYTES)} can be opened.`);
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

  // [SECTION] The map as HTML tables for screen readers (the canvas is one image to them).
  // Rebuilt after every change; visually hidden, read in place of the canvas.
  const readout = document.createElement('section');
  readout.id = 'ecomap-readout';
  readout.setAttribute('aria-label', 'The map as text');
  readout.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);' +
                          'clip-path:inset(50%);white-space:nowrap;';
  document.body.appendChild(readout);
  function cell(tag, text) { const el = document.createElement(tag); el.textContent = String(text); return el; }
  function table(caption, headings, rows) {
    const t = document.createElement('table');
    t.appendChild(cell('caption', caption));
    const head = t.createTHead().insertRow();
    for (const h of headings) head.appendChild(cell('th', h));
    const body = t.createTBody();
    for (const row of rows) { const tr = body.insertRow(); for (const v of row) tr.appendChild(cell('td', v)); }
    return t;
  }
  let readoutTimer = 0;
  function updateReadout() {
    clearTimeout(readoutTimer);
    readoutTimer = setTimeout(() => {
      const data = JSON.parse(call('readout'));
      readout.replaceChildren(
        cell('h2', data.title || 'Untitled map'),
        cell('p', 'Values: ' + data.values.join(', ') + (data.cause ? '. Cause: ' + data.cause : '')),
        table('People, organizations and networks', ['Name', 'Kind', 'Roles'],
              data.entities.map((e) => [e.name, e.kind, e.roles || 'no role yet'])),
        table('Roles', ['Role', 'People', 'Organizations', 'Networks', 'Votes', 'Gap'],
              data.roles.map((r) => [r.name, r.people, r.organizations, r.networks, r.votes, r.gap])));
    }, 200);
  }

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
    loadMap: (text) => Module.ecomapBridge.open([{ name: 'loadMap', bytes: encoder.encode(String(text)) }], 'api', true),  // {ok, errors, warnings}; one undo step; the map is kept on error
    exportPNG(options) {                             // Promise of the PNG bytes (Uint8Array), map embedded
      const result = JSON.parse(call('exportPNG', JSON.stringify(options || {})));
      if (!result.ok) return Promise.reject(new Error(result.error));
      const binary = atob(result.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return Promise.resolve(bytes);
    },
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
    flushAutosave: () => { flush(); return pendingWrite; },  // save to IndexedDB now; resolves when written
    _resolveReady: () => { statusBox.hidden = true; runtimeReady = true; updateReadout(); refreshRecent(); resolveReady(); },
    _takeAutosave: () => autosaveText,
    _storeAutosave: storeAutosave,
    _beginMap: beginMap,
    _keepAside: keepAside,
    _openRecent: (id) => { openRecent(id); },
    _refreshRecent: refreshRecent,
    _download: download,
    _viewChanged: () => updateReadout(),
    _showKeyboard: showKeyboard,
    _openPicker: openPicker,
    _notifyChange: (revision) => { updateReadout(); for (const listener of changeListeners) {
      try { listener({ revision }); } catch (error) { console.error(error); } } },
  };

  function switchArgument(on) { return on === undefined ? '' : (on ? 'true' : 'false'); }

  // [SECTION] Start-up parameters: ?map=<URL of a map file on this server>, ?present
  // A facilitator prepares a map and hands out one link. Failures are told in the app.
  function notice(title, message) { call('showMessage', JSON.stringify({ title, message, error: true })); }
  async function loadMapFromUrl(value) {
    const title = 'The map from the link could not be opened';
    let url;
    try { url = new URL(value, window.location.href); } catch { notice(title, `"${value}" is not a web address.`); return; }
    if (url.origin !== window.location.origin) {
      notice(title, `${url.href} is on another server; only maps on ${window.location.host} can be opened by link.`);
      return;
    }
    let response;
    try { response = await fetch(url.href, { credentials: 'same-origin' }); } catch (error) {
      notice(title, `${url.pathname} did not download (${error.message}). Check the connection and reload.`);
      return;
    }
    if (!response.ok) { notice(title, `${url.pathname}: the server answered ${response.status}.`); return; }
    const size = Number(response.headers.get('Content-Length')) || 0;
    if (size > MAX_BYTES) { notice(title, `${url.pathname} is ${megabytes(size)}; maps up to ${megabytes(MAX_BYTES)} can be opened.`); return; }
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
                           return Promise.all([WebAssembly.instantiate(bytes, imports), storageReady]); })
        .then(([result]) => result)
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((error) => fail('The map could not be loaded', String(error.message || error)));
      return {};
    },
    onRuntimeInitialized: () => { runtimeStarted = true; },
    onAbort: (what) => { if (runtimeStarted) showCrash(String(what)); else fail('ecomap stopped', 'The app hit an internal error (' + what + '). Reload the page to start again.'); },
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
