// The installable, offline app: registers the service worker (sw.js, written by the build),
// says "A new version is available" when a new build is waiting (Reload saves the map first,
// then switches), and opens .json map files given by the system (file handling, where the
// browser supports it) through the app's door.
'use strict';
(function () {
  const api = window.ecomap;
  let resolveOffline;
  api.offlineReady = new Promise((resolve) => { resolveOffline = resolve; });  // resolved once the app works offline
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;

  const banner = document.createElement('div');
  banner.id = 'ecomap-update';
  banner.hidden = true;
  banner.setAttribute('role', 'status');
  banner.style.cssText = 'position:fixed;left:50%;bottom:64px;transform:translateX(-50%);z-index:5;background:#fff;' +
    'border:1px solid #332288;border-radius:8px;padding:8px 10px 8px 14px;font-size:14px;gap:10px;align-items:center;' +
    'box-shadow:0 2px 10px rgba(0,0,0,.15);max-width:90vw';
  const text = document.createElement('span');
  text.setAttribute('data-i18n', 'page.update.text');  // re-written when the language changes (ecomap-i18n.js)
  text.textContent = window.ecomapI18n.t('page.update.text');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.setAttribute('data-i18n', 'page.update.reload');
  reload.textContent = window.ecomapI18n.t('page.update.reload');
  reload.style.cssText = 'font:inherit;padding:5px 12px;border-radius:5px;border:1px solid #332288;background:#332288;color:#fff;cursor:pointer';
  banner.append(text, reload);
  document.body.appendChild(banner);
  banner.addEventListener('keydown', (event) => event.stopPropagation());

  let switching = false;
  function offer(worker) {
    banner.hidden = false;
    banner.style.display = 'flex';  // shown only now: an inline display would override [hidden]
    reload.onclick = async () => {
      switching = true;
      try { await api.flushAutosave(); } catch { /* the map is saved within a second anyway */ }
      worker.postMessage('ecomap-update');
    };
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => { if (switching) window.location.reload(); });
  // Registered once the map is on screen: installing downloads every file of the app again for
  // the offline cache, which on a first visit would compete with the start-up for the CPU.
  api.ready.then(() => {
    navigator.serviceWorker.register('sw.js').then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
      return navigator.serviceWorker.ready;
    }).then(() => resolveOffline(true)).catch((error) => console.warn('offline app not available:', error.message));
  }, () => {});  // the app did not start: the page says why

  // Files opened with ecomap from the system (installed app, Chromium's file handling).
  if ('launchQueue' in window) {
    window.launchQueue.setConsumer(async (params) => {
      if (!params.files || params.files.length === 0) return;
      await api.ready;
      const files = [];
      for (const handle of params.files) {
        const file = await handle.getFile();
        files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      }
      Module.ecomapBridge.open(files, files.length === 1 ? 'file' : 'merge', false);
    });
  }
})();
