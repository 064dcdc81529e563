// Maps kept in this browser, for web/ecomap-page.js: IndexedDB (opened by ecomap-boot.js), one
// record per map ("maps": text, "meta": {id, title, entities, modified, bytes, aside}). Each tab edits its
// own map: its id is in sessionStorage (a reload continues it) and held with a Web Lock
// (another tab never opens it). A map that cannot be read is marked aside and never
// written again. Storage problems are told on the page; start-up never waits > 3 s.
// A first visit does not wait at all: see firstVisit().
'use strict';
// hooks: {call(name, arg), notice(title, message), download(name, mime, bytes), ready(),
//         started() (Promise: the app has applied its start-up parameters), pristine() (the app's
//         map is still the one it started with: no change, no room)}
window.ecomapStorage = function createStorage(hooks) {
  const encoder = new TextEncoder();
  const MAX_BYTES = 20 * 1024 * 1024;  // the importer's limit (core/limits.hpp)
  const t = (key, args) => window.ecomapI18n.t(key, args);  // the page's words (ecomap-i18n.js)
  const megabytes = (n) => t('page.megabytes', { n: (n / 1048576).toFixed(1) });
  const { MAPS, META } = window.ecomapBoot.stores;  // the database is opened by ecomap-boot.js, from the page's start
  const TAB_KEY = 'ecomap-map-id', LOCK_PREFIX = 'ecomap-map:', STORAGE_TIMEOUT_MS = 3000;
  const KEPT_KEY = 'ecomap-maps-kept';  // localStorage: set before this browser first keeps a map

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
      setTimeout(() => reject(new Error(t('page.storage.timeout', { what, seconds: ms / 1000 }))), ms))]);
  }
  function done(request) {
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error || new Error('IndexedDB request failed'));
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
    db = await window.ecomapBoot.db;
    let wanted = null;
    try { wanted = sessionStorage.getItem(TAB_KEY); } catch {}
    const metas = (await listMeta()).filter((m) => !m.aside).sort((a, b) => b.modified - a.modified);
    if (metas.length > 0) markKept();  // kept by a version before the mark: the next start asks the database too
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
    showStorageWarning('page.storage.not-saved', { reason: String(error && error.message || error) });
  }

  // A first visit: this browser never kept a map (no mark in localStorage, which is set before the
  // first write) and this tab has none. The start-up then needs nothing from the database, which
  // takes 0.1-0.2 s to create in a new profile: the app starts at once with a new map, and the
  // database opens meanwhile (a write waits for it). Where localStorage cannot be read, the
  // start-up asks the database, as on any other visit.
  function firstVisit() {
    try { return localStorage.getItem(KEPT_KEY) === null && sessionStorage.getItem(TAB_KEY) === null; } catch { return false; }
  }
  function markKept() { try { localStorage.setItem(KEPT_KEY, '1'); } catch {} }
  let untouched = true;  // nothing written yet by this tab (adoptEarlier may still open an earlier map)
  // Maps kept without the mark (by a version before it, or with localStorage cleared alone):
  // the app opens the most recent one, as a start-up that waited would have, unless this tab
  // already has work of its own (an edit, a file, a ?map= link, a room); it stays in Recent maps.
  async function adoptEarlier() {
    const metas = (await listMeta()).filter((m) => !m.aside).sort((a, b) => b.modified - a.modified);
    if (metas.length === 0) return;
    markKept();
    await hooks.started();
    if (!untouched || !hooks.pristine()) return;
    const held = await heldElsewhere();
    const earlier = metas.find((m) => !held.has(m.id) && m.id !== mapId);
    if (earlier && untouched && hooks.pristine()) await openRecent(earlier.id);
  }
  let storageReady, databaseReady;  // the tab's map is chosen / the database is open (or given up)
  let opening = false;               // a first visit's database is still opening
  if (firstVisit()) {
    opening = true;
    beginMap();
    storageReady = Promise.resolve();
    databaseReady = withTimeout(window.ecomapBoot.db, STORAGE_TIMEOUT_MS, t('page.storage.name'))
      .then((opened) => { db = opened; })
      .catch((error) => storageFailed(error))
      .finally(() => { opening = false; });
    databaseReady.then(() => db && adoptEarlier()).catch((error) => console.warn('ecomap: earlier maps: ' + error.message));
  } else {
    storageReady = databaseReady = withTimeout(chooseMap(), STORAGE_TIMEOUT_MS, t('page.storage.name'))
      .catch((error) => storageFailed(error))
      .then(() => {
        if (autosaveText !== null && autosaveText.length > MAX_BYTES) {  // larger than the app can open: keep it aside
          asideText = autosaveText;
          autosaveText = null;
          keepAside(t('page.aside.too-big', { size: megabytes(asideText.length), max: megabytes(MAX_BYTES) }));
        }
        lastGoodText = autosaveText;
      });
  }

  let pendingWrite = Promise.resolve(true);
  let queued = null;  // a first visit's latest text while its database opens: [text, summaryJson]
  function storeAutosave(text, summaryJson) {
    lastGoodText = text;
    untouched = false;
    markKept();
    if (!db && opening) {  // written once the database is open; only the latest text counts
      const waiting = queued !== null;
      queued = [text, summaryJson];
      if (!waiting) pendingWrite = Promise.all([pendingWrite, databaseReady.then(() => {
        const [latest, latestSummary] = queued;
        queued = null;
        return db ? write(latest, latestSummary) : false;
      })]).then(([, ok]) => ok);
      return;
    }
    if (!db) return;
    pendingWrite = Promise.all([pendingWrite, write(text, summaryJson)]).then(([, ok]) => ok);
  }
  function write(text, summaryJson) {  // Promise of true once written, false (the warning shown) when not
    const id = mapId;
    let summary = {};
    try { summary = JSON.parse(summaryJson); } catch {}
    // The transaction starts now, not after the previous write: IndexedDB runs read-write
    // transactions on the same stores in the order they are created, and a write begun in
    // pagehide (a reload) must reach the browser before the page goes.
    return new Promise((resolve) => {
      let tx;
      try { tx = db.transaction([MAPS, META], 'readwrite'); } catch (error) { resolve(writeFailed(error)); return; }
      tx.objectStore(MAPS).put(text, id);
      tx.objectStore(META).put({ id, title: summary.title || '', entities: summary.entities || 0, modified: Date.now(),
                                 bytes: text.length });
      tx.oncomplete = () => { clearStorageWarning(); resolve(true); if (channel) channel.postMessage('changed'); refreshRecent(); };
      tx.onerror = tx.onabort = () => resolve(writeFailed(tx.error));
      if (typeof tx.commit === 'function') tx.commit();
    });
  }
  function writeFailed(error) {
    const reason = error && error.name === 'QuotaExceededError' ? t('page.storage.full') : String(error && error.message || error);
    showStorageWarning('page.storage.not-saved', { reason });
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
    await databaseReady;
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
      if (!hooks.ready()) return;
      try {
        const list = await recentMaps();
        const pad = (n) => String(n).padStart(2, '0');
        recentCache = list.map((m) => {
          const d = new Date(m.modified);
          return { ...m, elsewhere: m.openElsewhere,
                   modifiedText: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}` };
        });
        hooks.call('setRecentMaps', JSON.stringify(recentCache));
      } catch (error) { console.warn('ecomap: Recent maps: ' + error.message); }
    }, 50);
  }
  if (channel) channel.onmessage = () => refreshRecent();
  async function openRecent(id) {  // Promise of {ok, errors, warnings}; the current map stays in Recent maps
    await databaseReady;
    const fail = (message) => { hooks.notice(t('page.recent.error'), message); return { ok: false, errors: [message], warnings: [] }; };
    if (!db) return fail(t('page.recent.no-storage'));
    if (id === mapId) return { ok: true, errors: [], warnings: [] };
    const meta = (await listMeta()).find((m) => m.id === id);
    if (!meta || meta.aside) return fail(t('page.recent.no-map', { id }));
    const release = await tryLock(id);
    if (!release) return fail(t('page.recent.elsewhere', { title: meta.title || t('page.untitled') }));
    const text = await readText(id);
    if (text === null) { release(); return fail(t('page.recent.gone', { id })); }
    pendingRecent = { id, release };
    const result = Module.ecomapBridge.open([{ name: meta.title || t('page.untitled'), bytes: encoder.encode(text) }], 'recent', false);
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
  let warningWords = null;       // [key, args] of the warning on screen (re-written when the language changes)
  function showStorageWarning(key, args) {
    warningWords = [key, args];
    warning.textContent = t(key, args);
    warning.hidden = false;
  }
  function clearStorageWarning() { if (!warning.hidden && db) warning.hidden = true; }
  const aside = document.createElement('div');
  aside.id = 'ecomap-aside';
  aside.setAttribute('role', 'alert');
  aside.hidden = true;
  document.body.appendChild(aside);
  let asideReason = null;        // the notice on screen (re-drawn when the language changes)
  function showAsideNotice(reason) {
    asideReason = reason;
    const text = document.createElement('span');
    text.textContent = t('page.aside.text', { reason }) + ' ';
    const button = document.createElement('button');
    button.id = 'ecomap-aside-download';
    button.textContent = t('page.aside.download');
    button.addEventListener('click', () => hooks.download('unreadable-map.ecomap.json', 'application/json', encoder.encode(asideText || '')));
    const close = document.createElement('button');
    close.textContent = '×';
    close.setAttribute('aria-label', t('page.close'));
    close.addEventListener('click', () => { aside.hidden = true; });
    aside.replaceChildren(text, button, close);
    aside.hidden = false;
  }
  window.ecomapI18n.onChange(() => {
    if (!warning.hidden && warningWords) warning.textContent = t(warningWords[0], warningWords[1]);
    if (!aside.hidden && asideReason !== null) showAsideNotice(asideReason);
  });

  return {
    ready: storageReady,                             // resolves once the tab's map is chosen (or storage given up)
    takeAutosave: () => autosaveText,                // the text of the tab's map, or null
    store: storeAutosave,                            // keep the map (text, summary JSON)
    written: () => pendingWrite,                     // resolves when every store so far is written
    beginMap, keepAside, recentMaps, openRecent, refreshRecent,
    lastGood: () => lastGoodText,                    // the last map known good (the crash screen)
  };
};
