// Phones and preferences: the browser's Back closes the app's open dialog before it
// leaves the page; the page never zooms by accident (double tap, a pinch outside the
// map, focus on a small field) while the map keeps its own pinch zoom; the reader's
// prefers-reduced-motion and prefers-contrast reach the app, and follow live changes.
'use strict';
(function () {
  const api = window.ecomap;  // web/ecomap-page.js, loaded before
  if (!api) return;
  const call = (name, argument) => (window.Module && Module.ecomapBridge ? Module.ecomapBridge.call(name, argument) : '');

  // [SECTION] The page's own look under the preferences, and no accidental zoom.
  // The canvas takes every touch itself (touch-action: none in index.html): the map's pinch
  // is the app's. Everything else only pans: no double-tap or pinch zoom of the page (the
  // browser's own zoom setting and Ctrl/Cmd +/- still work), and fields are at least 16 px
  // (smaller ones make iOS zoom in on focus).
  const style = document.createElement('style');
  style.id = 'ecomap-phone-style';
  style.textContent = [
    'html, body { touch-action: pan-x pan-y; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }',
    'input, select, textarea { font-size: max(16px, 1em); }',
    '@media (prefers-reduced-motion: reduce) {',
    '  *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }',
    '}',
    '@media (prefers-contrast: more) {',
    '  #status, #status p { color: #000; background: #fff; }',
    '  #progress { background: #fff; outline: 2px solid #000; }',
    '  #progress > div { background: #000; }',
    '  #status button, #ecomap-aside button { border-width: 2px; }',
    '  #ecomap-storage-warning, #ecomap-aside { color: #000; border: 2px solid #000; }',
    '}',
  ].join('\n');
  document.head.appendChild(style);
  // iOS Safari ignores touch-action for pinches on the page and zooms on gesture events:
  // stop those outside the canvas (the canvas' own touches never reach the page's zoom).
  const canvas = document.getElementById('canvas');
  for (const type of ['gesturestart', 'gesturechange']) {
    document.addEventListener(type, (event) => { if (event.target !== canvas) event.preventDefault(); }, { passive: false });
  }
  // [SECTION] Preferences: reduced motion and more contrast, now and on every change.
  const motion = matchMedia('(prefers-reduced-motion: reduce)');
  const contrast = matchMedia('(prefers-contrast: more)');
  const forced = matchMedia('(forced-colors: active)');  // Windows high contrast: the same wish
  const preferences = () => ({ reducedMotion: motion.matches, highContrast: contrast.matches || forced.matches });
  function sendPreferences() { if (started) call('preferences', JSON.stringify(preferences())); }
  for (const query of [motion, contrast, forced]) query.addEventListener('change', sendPreferences);
  let started = false;
  api.preferences = preferences;  // what the page passes to the app: {reducedMotion, highContrast}

  // [SECTION] Back closes a dialog.
  // While the app shows a dialog (state().dialogs) or the page one of its sheets (Share,
  // Live room: role="dialog", not hidden), the page keeps one history entry of its own on
  // top: Back takes it off (popstate) and the topmost dialog closes instead of the page
  // going away. A dialog closed otherwise takes the entry off again.
  let appDialogs = false;  // the app said "dialog-open" last
  let entry = false;       // our entry is on top of the history
  let leaving = false;     // we are taking it off ourselves: that popstate is ours
  const pageDialogs = () => Array.from(document.querySelectorAll('[role="dialog"]')).filter((el) => !el.hidden && el.isConnected);
  let closing = 0;         // timer: the entry goes once no dialog has shown for a moment
  function follow() {
    if (leaving) return;  // our entry is still being taken off: follow again once it is
    const open = appDialogs || pageDialogs().length > 0;
    if (open) {
      clearTimeout(closing);
      closing = 0;
      if (!entry) {
        entry = true;
        history.pushState({ ecomapDialog: true }, '');
      }
    } else if (entry && !closing) {
      // One dialog may follow another (Menu, then Export): wait before taking the entry off.
      closing = setTimeout(() => {
        closing = 0;
        if (leaving || !entry || appDialogs || pageDialogs().length > 0) return;
        entry = false;
        leaving = true;
        history.back();
      }, 250);
    }
  }
  // A language chosen while our entry was on top rewrote ?lang= there (ecomapI18n.setLanguage):
  // the entry below still has the old one, so the address is brought back in step.
  function keepLanguageInAddress() {
    const i18n = window.ecomapI18n;
    const url = new URL(location.href);
    if (!i18n || !url.searchParams.has('lang') || url.searchParams.get('lang') === i18n.language) return;
    url.searchParams.set('lang', i18n.language);
    history.replaceState(history.state, '', url.href);
  }
  window.addEventListener('popstate', () => {
    keepLanguageInAddress();
    if (leaving) { leaving = false; follow(); return; }
    if (!entry) return;
    entry = false;
    const sheets = pageDialogs();
    if (sheets.length > 0) {  // the page's sheet lies above the app: it closes on Escape
      const sheet = sheets[sheets.length - 1];
      sheet.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      if (!sheet.hidden) { const close = sheet.querySelector('.close'); if (close) close.click(); }
    } else {
      call('back');  // the next frame closes the app's topmost dialog ("dialog-open" again if one is left)
    }
  });
  new MutationObserver(follow).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['hidden'], childList: true });
  const previous = api._pageEvent;
  api._pageEvent = (name) => {
    if (name === 'dialog-open' || name === 'dialog-closed') {
      appDialogs = name === 'dialog-open';
      follow();
    } else if (previous) previous(name);
  };

  api.ready.then(() => {
    started = true;
    sendPreferences();
    appDialogs = (api.state().dialogs || []).length > 0;  // e.g. a message shown during start-up
    follow();
  }).catch(() => {});
})();
