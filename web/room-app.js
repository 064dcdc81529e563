// Live workshop rooms in the page: window.ecomap.room (create, join, status, leave), the room
// panel (start a room with its code and QR code, join by code, the facilitator's controls),
// the status line that is always visible in a room, the join screen of ?join=CODE and the
// projector of ?room=CODE&view=KEY. The sync itself: the app sends this person's changes as
// patches (window.ecomap._roomSend, core/room_sync.hpp), which the room client (room.js,
// web/room-client.js) writes to the Yjs documents; others' changes come back from the room
// client and enter the app through its door with origin "room". See docs/rooms.md.
'use strict';
(function () {
  const api = window.ecomap;
  let client = null;        // the room client (room.js), loaded once the room service answers
  const encoder = new TextEncoder();
  const call = (name, argument) => Module.ecomapBridge.call(name, argument);
  const i18n = window.ecomapI18n;  // the page's words (ecomap-i18n.js)
  const t = (key, args) => i18n.t(key, args);
  let available = false;   // the page is served by the room service (GET /api/health answered)
  let inRoom = false;      // the app's map is a room's map
  let links = null;        // facilitator: {code, joinUrl, projectorUrl}
  let leaving = false;     // this person leaves, ends or deletes the room: the caller says what happened

  // [SECTION] The sync between the app and the room client
  let pending = null;
  function mergeRemote(change) {  // {owner, added, updated, removed, room?} -> pending patch
    pending = pending || { docs: {} };
    const doc = pending.docs[change.owner] = pending.docs[change.owner] || { set: {}, removed: {} };
    for (const { collection, record } of [...change.added, ...change.updated]) {
      (doc.set[collection] = doc.set[collection] || {})[record.id] = record;
      if (doc.removed[collection]) doc.removed[collection] = doc.removed[collection].filter((id) => id !== record.id);
    }
    for (const { collection, id } of change.removed) {
      (doc.removed[collection] = doc.removed[collection] || []).push(id);
      if (doc.set[collection]) delete doc.set[collection][id];
    }
    if (change.room) pending.room = { ...(pending.room || {}), ...change.room };
  }
  let deliverTimer = 0;
  function deliver() {  // others' changes, batched (one import per batch), into the app's door
    deliverTimer = 0;
    if (!pending || !inRoom) { pending = null; return; }
    const text = JSON.stringify(pending);
    pending = null;
    const outcome = Module.ecomapBridge.open([{ name: 'room', bytes: encoder.encode(text) }], 'room', true);
    if (!outcome.ok) console.warn('room change not shown:', outcome.errors.join('; '));
  }
  function schedule() { if (!deliverTimer) deliverTimer = setTimeout(deliver, 40); }

  function begin(role, self, keepMap, title = '') {
    inRoom = true;
    call('roomBegin', JSON.stringify({ role, self, keepMap, title }));
    pending = null;
    if (!keepMap) { pending = client.snapshot(); schedule(); }  // what this device holds already (kept offline, synced before)
    render();
  }
  function finish(message) {  // the app's map becomes an ordinary map again
    if (!inRoom) return;
    inRoom = false;
    links = null;
    pending = null;
    call('roomEnd');
    if (message) call('showMessage', JSON.stringify({ title: t('page.room.title'), message, error: false }));
    render();
  }
  function attach(roomClient) {  // room.js has run: follow its events
    client = roomClient;
    client.on('remote', (change) => { if (inRoom) { mergeRemote(change); schedule(); } });
    client.on('status', () => {
      if (inRoom && !client.session && !leaving) finish(client.lastError || t('page.room.no-longer'));
      render();
    });
    client.on('settings', (settings) => {
      if (!inRoom) return;
      const role = client.session && client.session.role;
      if (role === 'projector') api.hideNames(Boolean(settings.namesHidden));
      if (settings.ended && role !== 'facilitator') {
        client.leave({ forget: true });
        finish(t('page.room.ended-by-facilitator'));
      }
      render();
    });
  }
  // Entries changed while their change has not reached the server yet (what "N changes not
  // sent yet" counts: entries, not the many small updates typing makes).
  const unsent = new Set();
  api._roomSend = (text) => {  // this person's changes, from the app
    if (!client || !client.session) return;
    try {
      const patch = JSON.parse(text);
      client.applyPatch(patch);
      if (client.status().pending > 0) {
        for (const [owner, doc] of Object.entries(patch.docs || {}))
          for (const part of [doc.set || {}, doc.removed || {}])
            for (const [collection, keys] of Object.entries(part))
              for (const key of Array.isArray(keys) ? keys : Object.keys(keys)) unsent.add(`${owner}/${collection}/${key}`);
        for (const field of Object.keys(patch.room || {})) unsent.add(`room/${field}`);
      }
    } catch (error) {
      call('showMessage', JSON.stringify({ title: t('page.room.change-stays'), message: String(error.message || error), error: true }));
    }
  };
  api._roomsAvailable = () => available;

  // [SECTION] window.ecomap.room
  const absolute = (url) => new URL(url, window.location.origin).href;
  async function serviceCheck() {
    if (!client) throw new Error(t('page.room.no-client'));
    if (!available) throw new Error(t('page.room.no-service'));
    if (inRoom) throw new Error(t('page.room.already'));
    await api.ready;
  }
  api.room = {
    async create({ title } = {}) {
      await serviceCheck();
      const mapTitle = JSON.parse(api.getMap()).meta.title;
      const created = await client.create({ title: title || mapTitle || t('page.room.workshop') });
      links = { code: created.code, joinUrl: absolute(created.joinUrl), projectorUrl: absolute(created.projectorUrl) };
      begin('facilitator', 'facilitator', true, title || mapTitle || t('page.room.workshop'));
      return { ...links };
    },
    async join(code, { name = '' } = {}) {
      try { await serviceCheck(); } catch (error) { return { ok: false, error: error.message }; }
      const answer = await client.join(code, { name: String(name || '').trim() });
      if (answer.ok) begin('participant', client.session.participant, false);
      return { ok: answer.ok, error: answer.error || '' };
    },
    status() {
      const s = client ? client.status() : { state: 'none', code: '', role: '', participants: 0, pending: 0 };
      if (s.pending === 0) unsent.clear();
      else s.pending = unsent.size || s.pending;
      return { state: inRoom ? s.state : 'none', code: inRoom ? s.code : '', role: inRoom ? s.role : '',
               participants: s.participants, pending: s.pending, error: s.error || '', settings: s.settings || {} };
    },
    async leave() {
      leaving = true;
      try { if (client && client.session) await client.leave({ forget: true }); } finally { leaving = false; }
      finish('');
    },
    // Facilitator controls (the panel's buttons)
    setLocked: (on) => client.setLocked(on).finally(render),
    hideNames: (on) => client.hideNames(on).finally(render),   // names hidden on the projector
    showGroup: (on) => client.showGroup(on).finally(render),   // participants see the group map (read only)
    async end() {
      await client.end();
      leaving = true;
      try { await client.leave({ forget: true }); } finally { leaving = false; }
      finish(t('page.room.ended'));
    },
    async deleteRoom() {
      leaving = true;
      try { await client.deleteRoom(); } finally { leaving = false; }
      finish(t('page.room.deleted'));
    },
    participants: () => (client ? client.participants() : []),
    links: () => (links ? { ...links } : null),
    panel: (open) => (open === false ? closePanel() : openPanel()),
  };

  // [SECTION] The status line and the panel (plain HTML: real fields for phones and screen readers)
  const style = document.createElement('style');
  style.textContent = `
  #room-status { position: fixed; top: 54px; left: 50%; transform: translateX(-50%); z-index: 3; display: flex;
    align-items: center; gap: 8px; padding: 6px 14px; border-radius: 18px; font-size: 14px; border: 1px solid #c9ced8;
    background: #fff; color: #1c2028; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.12); font-family: inherit; }
  #room-status[hidden], #room-panel[hidden], #room-qr-full[hidden], #room-corner[hidden] { display: none; }
  #room-status .dot { flex: none; width: 10px; height: 10px; border-radius: 50%; background: #999; }
  #room-status { white-space: nowrap; max-width: calc(100vw - 24px); }
  @media (max-width: 600px) { #room-status { font-size: 13px; padding: 5px 12px; } #room-status .wide { display: none; } }
  #room-status.live .dot { background: #117733; } #room-status.connecting .dot { background: #ddaa33; }
  #room-status.offline .dot { background: #cc3311; } #room-status.offline { border-color: #cc3311; }
  #room-panel { position: fixed; top: 56px; right: 12px; width: min(380px, calc(100vw - 24px)); max-height: calc(100vh - 80px);
    overflow: auto; z-index: 4; background: #fff; border: 1px solid #c9ced8; border-radius: 10px; padding: 16px 18px;
    box-shadow: 0 6px 24px rgba(0,0,0,.18); font-size: 15px; box-sizing: border-box; }
  @media (max-width: 600px) { #room-panel { inset: 0; top: 0; right: 0; width: 100vw; max-height: none; height: 100vh;
    border-radius: 0; padding: 20px; font-size: 17px; } }
  #room-panel h2 { font-size: 19px; margin: 0 0 10px; } #room-panel h3 { font-size: 16px; margin: 18px 0 8px; }
  #room-panel label { display: block; margin: 8px 0 4px; font-weight: 600; }
  #room-panel input[type=text] { font: inherit; width: 100%; box-sizing: border-box; padding: 9px 10px; border: 1px solid #9aa1ad;
    border-radius: 6px; font-size: max(16px, 1em); }
  #room-panel .check { display: flex; gap: 8px; align-items: center; font-weight: normal; }
  #room-panel button { font: inherit; padding: 9px 14px; border-radius: 6px; border: 1px solid #332288; background: #fff;
    color: #332288; cursor: pointer; margin: 8px 8px 0 0; }
  #room-panel button.primary { background: #332288; color: #fff; }
  #room-panel button.danger { border-color: #882255; color: #882255; }
  #room-panel .close { position: absolute; top: 8px; right: 8px; margin: 0; border: none; font-size: 22px; padding: 4px 10px; }
  #room-panel .note { font-size: 13px; color: #4a505c; line-height: 1.4; margin: 10px 0 0; }
  #room-panel .error { color: #a4122e; font-weight: 600; margin: 8px 0 0; }
  #room-panel .code { font-size: 34px; font-weight: 700; letter-spacing: 4px; margin: 4px 0; }
  #room-panel .link { font-size: 13px; word-break: break-all; color: #332288; }
  #room-panel canvas { display: block; margin: 8px 0; image-rendering: pixelated; }
  #room-qr-full { position: fixed; inset: 0; z-index: 6; background: #fff; display: flex; flex-direction: column;
    align-items: center; justify-content: center; gap: 2vh; cursor: pointer; }
  #room-qr-full .code { font-size: min(9vh, 9vw); font-weight: 700; letter-spacing: .15em; }
  #room-qr-full .link { font-size: min(3.2vh, 3.2vw); color: #333; }
  #room-corner { position: fixed; right: 16px; bottom: 56px; z-index: 3; background: #fff; border: 1px solid #c9ced8;
    border-radius: 10px; padding: 10px 14px; text-align: center; font-size: 16px; }
  #room-corner .code { font-size: 28px; font-weight: 700; letter-spacing: 3px; }`;
  document.head.appendChild(style);

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
      else if (key === 'text') node.textContent = value;
      else if (value !== false && value !== undefined) node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  };
  const statusLine = el('button', { id: 'room-status', type: 'button', hidden: true, 'aria-live': 'polite',
                                    on: { click: () => openPanel() } });
  const panel = el('div', { id: 'room-panel', role: 'dialog', 'aria-label': t('page.room.title'), 'data-i18n-aria-label': 'page.room.title',
                            hidden: true });
  const qrFull = el('div', { id: 'room-qr-full', hidden: true, role: 'dialog', 'aria-label': t('page.room.join-code'),
                             'data-i18n-aria-label': 'page.room.join-code',
                             on: { click: () => { qrFull.hidden = true; } } });
  const corner = el('div', { id: 'room-corner', hidden: true });
  document.body.append(statusLine, panel, qrFull, corner);
  panel.addEventListener('keydown', (event) => { if (event.key === 'Escape') closePanel(); event.stopPropagation(); });
  panel.addEventListener('keyup', (event) => event.stopPropagation());
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && !qrFull.hidden) qrFull.hidden = true; });

  function qrCanvas(text, size) {  // the QR code drawn crisp, with its quiet zone (room.js)
    const canvas = window.ecomapQrCanvas(text, size);
    canvas.setAttribute('aria-label', t('page.room.qr'));
    return canvas;
  }
  function showQrFull() {
    const url = links ? links.joinUrl : absolute('/?join=' + client.status().code);
    const size = Math.min(window.innerWidth, window.innerHeight) * 0.72;
    qrFull.replaceChildren(qrCanvas(url, size), el('div', { class: 'code', text: client.status().code }),
                           el('div', { class: 'link', text: url }));
    qrFull.hidden = false;
  }

  let panelOpen = false;
  let joinCode = '';
  let panelError = '';
  function openPanel() { panelOpen = true; render(); const first = panel.querySelector('input, button.primary'); if (first) first.focus(); }
  function closePanel() { panelOpen = false; panelError = ''; render(); document.getElementById('canvas').focus(); }
  api._pageEvent = (name) => { if (name === 'room') openPanel(); };

  const stateWords = { live: 'page.room.state.live', connecting: 'page.room.state.connecting', offline: 'page.room.state.offline' };
  function render() {
    const s = api.room.status();
    const role = s.role;
    statusLine.hidden = !inRoom || role === 'projector';
    if (inRoom) {
      statusLine.className = s.state;
      const unsent = s.pending > 0 ? '· ' + i18n.plural('page.room.unsent', s.pending) : '';
      const reconnecting = s.state === 'offline' ? t('page.room.state.reconnecting') : stateWords[s.state] ? t(stateWords[s.state]) : s.state;
      const people = role === 'facilitator' ? ' · ' + t('page.room.joined', { n: s.participants }) : '';  // the spans are spaced by the line's gap
      statusLine.replaceChildren(...[el('span', { class: 'dot' }), el('span', { text: reconnecting }),
                                     el('span', { class: 'wide', text: '· ' + t('page.room.code', { code: s.code }) + people }),
                                     unsent && el('span', { text: unsent })].filter(Boolean));
      statusLine.setAttribute('aria-label', `${t('page.room.title')} ${s.code}: ${reconnecting} ${unsent}`.trim());
    }
    corner.hidden = !(inRoom && role === 'projector');
    if (!corner.hidden && (corner.dataset.code !== s.code || corner.dataset.language !== i18n.language)) {
      corner.dataset.code = s.code;
      corner.dataset.language = i18n.language;
      corner.replaceChildren(qrCanvas(absolute('/?join=' + s.code), 150), el('div', { text: t('page.room.join-with-code') }),
                             el('div', { class: 'code', text: s.code }));
    }
    panel.hidden = !panelOpen;
    if (panelOpen) panel.replaceChildren(...panelContent(s).filter(Boolean));
  }

  function panelContent(s) {
    const close = el('button', { class: 'close', type: 'button', 'aria-label': t('page.close'), text: '×', on: { click: closePanel } });
    const error = panelError ? el('p', { class: 'error', role: 'alert', text: panelError }) : null;
    const privacy = el('p', { class: 'note', text: t('page.room.privacy') });
    if (!inRoom) {
      if (!available) return [close, el('h2', { text: t('page.room.title') }), el('p', { text: t('page.room.unavailable') })];
      const code = el('input', { type: 'text', id: 'room-code', value: joinCode, autocomplete: 'off', autocapitalize: 'characters',
                                 spellcheck: 'false', placeholder: t('page.room.code-example'), 'aria-describedby': 'room-join-note' });
      const name = el('input', { type: 'text', id: 'room-name', autocomplete: 'name', placeholder: t('page.room.your-name') });
      const anonymous = el('input', { type: 'checkbox', id: 'room-anonymous' });
      const joinButton = el('button', { type: 'button', class: 'primary', id: 'room-join', text: t('page.room.join'), on: { click: async () => {
        joinCode = code.value;
        if (!code.value.trim()) { panelError = t('page.room.type-code'); render(); return; }
        joinButton.disabled = true;
        const answer = await api.room.join(code.value, { name: anonymous.checked ? '' : name.value });
        panelError = answer.ok ? '' : answer.error;
        if (answer.ok) { panelOpen = false; joinCode = ''; }
        render();
      } } });
      const title = el('input', { type: 'text', id: 'room-title', placeholder: t('page.room.workshop-title'),
                                  value: JSON.parse(api.getMap()).meta.title || '' });
      const startButton = el('button', { type: 'button', class: 'primary', id: 'room-start', text: t('page.room.start'), on: { click: async () => {
        startButton.disabled = true;
        try { await api.room.create({ title: title.value }); panelError = ''; } catch (e) { panelError = String(e.message || e); }
        render();
      } } });
      return [close, el('h2', { text: t('page.room.join-title') }),
        el('label', { for: 'room-code', text: t('page.room.code-label') }), code,
        el('label', { for: 'room-name', text: t('page.room.your-name') }), name,
        el('label', { class: 'check' }, anonymous, t('page.room.anonymous')),
        joinButton, error, el('div', { id: 'room-join-note' }, privacy),
        el('h3', { text: t('page.room.or-run') }),
        el('p', { class: 'note', text: t('page.room.start-note') }),
        el('label', { for: 'room-title', text: t('page.room.title-label') }), title, startButton];
    }
    const settings = s.settings || {};
    if (s.role === 'facilitator') {
      const toggle = (id, label, value, fn) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', id, checked: Boolean(value), on: { change: (e) => fn(e.target.checked).catch((x) => { panelError = x.message; render(); }) } }),
        label);
      const joinUrl = links ? links.joinUrl : absolute('/?join=' + s.code);
      return [close, el('h2', { text: t('page.room.heading', { code: s.code }) }),
        el('div', { class: 'code', id: 'room-code-shown', text: s.code }),
        qrCanvas(joinUrl, 200),
        el('button', { type: 'button', class: 'primary', id: 'room-qr-button', text: t('page.room.full-screen'), on: { click: showQrFull } }),
        el('p', {}, t('page.room.join-link') + ' ', el('span', { class: 'link', id: 'room-join-link', text: joinUrl })),
        links ? el('p', {}, t('page.room.projector') + ' ', el('a', { class: 'link', id: 'room-projector-link',
          href: links.projectorUrl, target: '_blank', rel: 'noopener', text: t('page.room.open-projector') })) : null,
        el('p', { text: i18n.plural('page.room.people-joined', s.participants) }),
        toggle('room-lock', t('page.room.lock'), settings.locked, api.room.setLocked),
        toggle('room-hide-names', t('page.room.hide-names'), settings.namesHidden, api.room.hideNames),
        toggle('room-share', t('page.room.group-visible'), settings.groupVisible, api.room.showGroup),
        el('p', { class: 'note', text: t('page.room.remove-note') }),
        el('button', { type: 'button', class: 'danger', id: 'room-end', text: t('page.room.end'), on: { click: () => {
          if (confirm(t('page.room.end-confirm'))) api.room.end().then(closePanel);
        } } }),
        el('button', { type: 'button', class: 'danger', id: 'room-delete', text: t('page.room.delete'), on: { click: () => {
          if (confirm(t('page.room.delete-confirm'))) api.room.deleteRoom().then(closePanel);
        } } }),
        error, privacy];
    }
    const words = { live: t('page.room.words.live'),
      connecting: t('page.room.words.connecting'),
      offline: s.pending ? i18n.plural('page.room.words.offline', s.pending) : t('page.room.words.offline-none') };
    return [close, el('h2', { text: t('page.room.heading', { code: s.code }) }), el('p', { text: words[s.state] || '' }),
      el('p', { class: 'note', text: t(settings.groupVisible ? 'page.room.sees-everyone' : 'page.room.sees-own') }),
      el('button', { type: 'button', id: 'room-leave', text: t('page.room.leave'), on: { click: () => api.room.leave().then(closePanel) } }),
      error, privacy];
  }
  i18n.onChange(() => render());  // the panel and the status line speak the new language at once
  setInterval(() => { if (inRoom) render(); }, 1000);  // the count of unsent changes

  // [SECTION] Start: ?join=CODE opens the join screen, ?room=CODE&view=KEY is the projector,
  // otherwise a room this device was in continues after a reload.
  const params = new URLSearchParams(window.location.search);
  api.ready.then(async () => {
    try {  // the room service marks its answers; a page served as plain files gets no Room button (and no 404 noise)
      const answer = await fetch(window.location.pathname, { method: 'HEAD', cache: 'no-store' });
      if (answer.headers.get('X-Ecomap-Rooms') === '1') {
        await Promise.all([api._loadScript('room.js'), api._loadScript('qr.js')]);
        if (window.ecomapRoomClient) attach(window.ecomapRoomClient);
      }
      available = Boolean(client);
    } catch (error) {
      available = false;
      if (error instanceof Error && /did not download/.test(error.message)) console.warn('live rooms unavailable:', error.message);
    }
    if (available) call('redraw');  // the toolbar shows the Room button
    if (!available) { if (params.has('join') || params.has('room')) { joinCode = params.get('join') || ''; openPanel(); } return; }
    if (params.has('room') && params.has('view')) {
      client.watch(params.get('room'), params.get('view'));
      begin('projector', 'projector', false);
      api.present(true);
    } else if (params.has('join')) {
      const wanted = params.get('join').toUpperCase().replace(/[^0-9A-Z]/g, '');
      if (client.resume() && client.session.role === 'participant' && client.session.code === wanted) {
        begin('participant', client.session.participant, false);  // this phone is in the room already
      } else {
        if (client.session) await client.leave({ forget: false });
        joinCode = params.get('join');
        openPanel();
        const name = document.getElementById('room-name');
        if (name) name.focus();
      }
    } else if (client.resume()) {
      const s = client.session;
      if (s.role === 'facilitator' && s.joinUrl) links = { code: s.code, joinUrl: absolute(s.joinUrl), projectorUrl: absolute(s.projectorUrl) };
      begin(client.session.role, client.session.role === 'participant' ? client.session.participant : client.session.role, false);
    }
    render();
  }).catch(() => {});
})();
