// Share links: the map travels in the URL fragment (#map=1.<base64url of the deflated compact
// text>; the fragment is never sent to a server). The app gives the compact text
// (core/share_link.hpp); the browser's CompressionStream deflates it. Opening a link inflates
// it with a limit on the inflated size and hands it to the app's door (origin "link"): it opens
// as a new map and the previous one stays in Recent maps. window.ecomap.shareLink() and the
// Share link panel (with the link's QR code).
'use strict';
(function () {
  const api = window.ecomap;
  const call = (name, argument) => Module.ecomapBridge.call(name, argument);
  const encoder = new TextEncoder();
  const VERSION = '1';
  const MAX_LINK = 2000;                 // messengers and email cut longer links
  const MAX_BYTES = 20 * 1024 * 1024;    // the importer's limit (core/limits.hpp), on the inflated text

  // [SECTION] Encoding
  function toBase64Url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1)
      throw new Error('the link is damaged (part of it is missing or changed): copy it again, whole');
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice(0, (4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }
  async function deflate(bytes) {
    return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  }
  async function inflate(bytes) {  // stops as soon as the text would pass the importer's limit
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      let part;
      try { part = await reader.read(); } catch { throw new Error('the link is damaged (its map cannot be unpacked): copy it again, whole'); }
      if (part.done) break;
      size += part.value.length;
      if (size > MAX_BYTES) {
        reader.cancel().catch(() => {});
        throw new Error(`the map in this link would be larger than ${MAX_BYTES / 1048576} MB, more than ecomap opens`);
      }
      chunks.push(part.value);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) { out.set(chunk, at); at += chunk.length; }
    return out;
  }

  const t = (key, args) => window.ecomapI18n.t(key, args);
  const number = (n) => n.toLocaleString(window.ecomapI18n.language);

  // [SECTION] window.ecomap.shareLink()
  api.shareLink = async () => {
    await api.ready;
    const packed = await deflate(encoder.encode(call('shareCompact')));
    const url = window.location.origin + window.location.pathname + '#map=' + VERSION + '.' + toBase64Url(packed);
    if (url.length > MAX_LINK) {
      const error = new Error(t(api._roomsAvailable && api._roomsAvailable() ? 'page.share.too-big-room' : 'page.share.too-big',
                                { n: number(url.length), max: number(MAX_LINK) }));
      error.tooBig = true;
      throw error;
    }
    return url;
  };

  // [SECTION] Opening a link
  function notice(message) {
    call('showMessage', JSON.stringify({ title: t('page.share.open-error'), message, error: true }));
  }
  async function openFromHash() {
    const hash = window.location.hash;
    if (!hash.startsWith('#map=')) return;
    history.replaceState(null, '', window.location.pathname + window.location.search);  // a reload does not open it again
    const value = hash.slice(5);
    const dot = value.indexOf('.');
    let bytes;
    try {
      if (dot < 0) throw new Error(t('page.share.damaged'));
      const version = value.slice(0, dot);
      if (version !== VERSION)
        throw new Error(t('page.share.version', { version: version.slice(0, 12), current: VERSION }));
      bytes = await inflate(fromBase64Url(value.slice(dot + 1)));
    } catch (error) { notice(String(error.message || error)); return; }
    Module.ecomapBridge.open([{ name: t('page.share.map-name'), bytes }], 'link', false);
  }
  api.linkOpened = api.ready.then(() => api.startup).then(openFromHash);  // resolved once a #map= link is opened (or refused)
  api.linkOpened.catch(() => {});
  window.addEventListener('hashchange', () => { api.ready.then(openFromHash); });

  // [SECTION] The Share link panel
  const style = document.createElement('style');
  style.textContent = `
  #share-panel { position: fixed; top: 56px; right: 12px; width: min(560px, calc(100vw - 24px)); z-index: 4; background: #fff;
    border: 1px solid #c9ced8; border-radius: 10px; padding: 16px 18px; box-shadow: 0 6px 24px rgba(0,0,0,.18); font-size: 15px;
    box-sizing: border-box; max-height: calc(100vh - 80px); overflow: auto; }
  #share-panel[hidden] { display: none; }
  #share-panel h2 { font-size: 19px; margin: 0 0 10px; }
  #share-panel input { font: inherit; width: 100%; box-sizing: border-box; padding: 8px; border: 1px solid #9aa1ad; border-radius: 6px; font-size: max(16px, 1em); }
  #share-panel button { font: inherit; padding: 9px 14px; border-radius: 6px; border: 1px solid #332288; background: #fff; color: #332288;
    cursor: pointer; margin: 8px 8px 0 0; }
  #share-panel button.primary { background: #332288; color: #fff; }
  #share-panel .close { position: absolute; top: 8px; right: 8px; margin: 0; border: none; font-size: 22px; padding: 4px 10px; }
  #share-panel .note { font-size: 13px; color: #4a505c; line-height: 1.4; }
  #share-panel .error { color: #a4122e; font-weight: 600; }
  #share-panel canvas { display: block; margin: 10px 0; image-rendering: pixelated; max-width: 100%; }
  @media (max-width: 600px) { #share-panel { inset: 0; width: 100vw; max-height: none; height: 100vh; border-radius: 0; } }`;
  document.head.appendChild(style);
  const panel = document.createElement('div');
  panel.id = 'share-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('data-i18n-aria-label', 'page.share.title');
  panel.setAttribute('aria-label', t('page.share.title'));
  document.body.appendChild(panel);
  panel.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); event.stopPropagation(); });
  panel.addEventListener('keyup', (event) => event.stopPropagation());
  const make = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children.filter(Boolean));
    return node;
  };
  function close() { panel.hidden = true; document.getElementById('canvas').focus(); }
  function qr(text, size) {
    if (!window.ecomapQrCanvas) return null;  // the encoder (qr.js) did not load: the link alone
    const canvas = window.ecomapQrCanvas(text, size, 'L');  // long links: level L, fewer modules
    canvas.setAttribute('aria-label', t('page.share.qr'));
    return canvas;
  }
  async function open() {
    const closeButton = make('button', { className: 'close', type: 'button', textContent: '×', onclick: close });
    closeButton.setAttribute('aria-label', t('page.close'));
    panel.replaceChildren(closeButton, make('h2', { textContent: t('page.share.title') }), make('p', { textContent: t('page.share.making') }));
    panel.hidden = false;
    const qrLoaded = api._loadScript('qr.js').catch((error) => console.warn('no QR code:', error.message));  // loaded on first use
    let url;
    try { url = await api.shareLink(); } catch (error) {
      panel.replaceChildren(closeButton, make('h2', { textContent: t('page.share.title') }),
        make('p', { className: 'error', id: 'share-error', textContent: String(error.message || error) }),
        make('button', { type: 'button', className: 'primary', textContent: t('page.share.save-json'), onclick: () => { call('action', 'save-json'); close(); } }),
        api._roomsAvailable && api._roomsAvailable()
          ? make('button', { type: 'button', textContent: t('page.share.start-room'), onclick: () => { close(); api.room.panel(true); } }) : null);
      return;
    }
    await qrLoaded;
    const field = make('input', { type: 'text', id: 'share-link', value: url, readOnly: true });
    const copy = make('button', { type: 'button', className: 'primary', id: 'share-copy', textContent: t('page.share.copy'), onclick: async () => {
      field.select();
      try { await navigator.clipboard.writeText(url); copy.textContent = t('page.share.copied'); } catch { copy.textContent = t('page.share.copy-by-hand'); }
    } });
    panel.replaceChildren(closeButton, make('h2', { textContent: t('page.share.title') }), field, copy, qr(url, 220),
      make('p', { className: 'note', textContent: t(JSON.parse(call('state')).hideNames ? 'page.share.note-hidden' : 'page.share.note',
                                                    { n: number(url.length) }) }));
    field.focus();
    field.select();
  }
  window.ecomapI18n.onChange(() => { if (!panel.hidden) open(); });  // an open panel speaks the new language at once
  const previous = api._pageEvent;
  api._pageEvent = (name) => { if (name === 'share') open(); else if (previous) previous(name); };
})();
