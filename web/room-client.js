// ecomap rooms, page side: create or join a live workshop room and keep the map's records in
// Yjs documents synced through the room server (docs/rooms.md). Bundled by server/build-client.mjs
// into build/web/dist/room.js, which sets window.ecomapRoomClient (a RoomClient) when loaded in a page.
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import { COLLECTIONS, indexDoc, facilitatorDoc, participantDoc, normalizeCode } from '../server/src/protocol.mjs';

const LOCAL = Symbol('ecomap-room-local');  // transaction origin of this person's own edits
const SESSION_KEY = 'ecomap.room.session';

// [SECTION] client -------------------------------------------------------------------

// One room session at a time. Options: base (origin of the server, default location.origin),
// WebSocketPolyfill (Node), storage (localStorage-like; remembers the session across reloads),
// persist (keep this person's edits in IndexedDB while offline; default when indexedDB exists),
// socket (options of HocuspocusProviderWebsocket, e.g. {delay, maxDelay} between reconnects).
export class RoomClient {
  constructor(options = {}) {
    this.options = options;
    this.base = (options.base || globalThis.location?.origin || '').replace(/\/+$/, '');
    this.listeners = new Map();
    this.session = null;   // {code, role, token, participant, title}
    this.docs = new Map(); // doc name -> {doc, provider, owner, persistence}
    this.socket = null;
    this.lastError = '';
    this.settings = {};
    this.participantsCount = 0;
  }

  // [SECTION] events: 'status' (status()), 'remote' ({owner, added, updated, removed}), 'settings', 'error' (text)
  on(event, fn) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(fn);
    return () => this.listeners.get(event).delete(fn);
  }

  emit(event, value) {
    for (const fn of this.listeners.get(event) || []) {
      try { fn(value); } catch (e) { console.error(e); }
    }
  }

  // [SECTION] page API
  async create({ title = '' } = {}) {
    const answer = await this.post('/api/rooms', { title });
    if (!answer.ok) throw new Error(answer.error);
    const r = answer.body;
    this.start({ code: r.code, role: 'facilitator', token: r.token, participant: null, title: r.title,
      projectorToken: r.projectorToken, joinUrl: r.joinUrl, projectorUrl: r.projectorUrl, limits: r.limits });
    return { code: r.code, joinUrl: r.joinUrl, projectorUrl: r.projectorUrl };
  }

  async join(code, { name = '', anonymous = false } = {}) {
    const clean = normalizeCode(code);
    if (!clean) return { ok: false, error: 'Type the room code.' };
    let answer;
    try {
      answer = await this.post(`/api/rooms/${encodeURIComponent(clean)}/join`, { name, anonymous: anonymous || !name });
    } catch {
      return { ok: false, error: 'The room server cannot be reached. Check the connection and try again.' };
    }
    if (!answer.ok) return { ok: false, error: answer.error, reason: answer.reason };
    const r = answer.body;
    this.start({ code: r.code, role: 'participant', token: r.token, participant: r.participant, title: r.title, limits: r.limits });
    return { ok: true, error: '' };
  }

  // The projector: read-only, follows every document of the room. key: the view= value of the projector link.
  watch(code, key) {
    this.start({ code: normalizeCode(code), role: 'projector', token: `v.${key}`, participant: null, title: '' });
    return { ok: true, error: '' };
  }

  // Picks up the session remembered in storage (after a reload); true when there was one.
  resume() {
    const text = this.storage()?.getItem(SESSION_KEY);
    if (!text) return false;
    try { this.start(JSON.parse(text)); return true; } catch { return false; }
  }

  status() {
    const own = this.ownEntry();
    let state = 'none';
    if (this.session) {
      const socketStatus = this.socket?.status;
      if (socketStatus === 'connected' && own?.provider.isAuthenticated && own.provider.synced !== false) state = 'live';
      else if (socketStatus === 'connected' || (socketStatus === 'connecting' && !this.wasLive)) state = 'connecting';
      else state = 'offline';
      if (state === 'live') this.wasLive = true;
    }
    return {
      state, code: this.session?.code || '', role: this.session?.role || '', participants: this.participantsCount,
      pending: own ? own.provider.unsyncedChanges : 0, error: this.lastError, settings: { ...this.settings },
    };
  }

  // Leaves the room on this device (the room goes on for the others). forget=false keeps local copies.
  async leave({ forget = true } = {}) {
    const entries = [...this.docs.values()];
    this.docs.clear();
    for (const e of entries) {
      e.provider.destroy();
      if (e.persistence) { if (forget) await e.persistence.clearData(); else await e.persistence.destroy(); }
      e.doc.destroy();
    }
    this.socket?.destroy();
    this.socket = null;
    if (forget) this.storage()?.removeItem(SESSION_KEY);
    this.session = null;
    this.wasLive = false;
    this.participantsCount = 0;
    this.settings = {};
    this.emitStatus();
  }

  // [SECTION] records: this person's own entries (the facilitator's go into the facilitator document)
  put(collection, record) { this.applyLocal({ updated: [{ collection, record }] }); }

  remove(collection, id) { this.applyLocal({ removed: [{ collection, id }] }); }

  // changes: {added: [{collection, record}], updated: [...], removed: [{collection, id}]}. Throws when over the cap.
  applyLocal({ added = [], updated = [], removed = [] } = {}) {
    const own = this.ownEntry();
    if (!own || this.session.role === 'projector') throw new Error('not in a room as a participant or facilitator');
    const doc = own.doc;
    const cap = this.session.limits?.maxRecordsPerDoc ?? 500;
    const count = COLLECTIONS.reduce((n, c) => n + doc.getMap(c).size, 0);
    const adding = [...added, ...updated].filter(({ collection, record }) => !doc.getMap(checkCollection(collection)).has(record.id)).length;
    if (this.session.role === 'participant' && count + adding - removed.length > cap) {
      throw new Error(`A participant can add at most ${cap} entries in a room.`);
    }
    doc.transact(() => {
      for (const { collection, record } of [...added, ...updated]) doc.getMap(checkCollection(collection)).set(String(record.id), plain(record));
      for (const { collection, id } of removed) doc.getMap(checkCollection(collection)).delete(String(id));
    }, LOCAL);
  }

  // A patch from the app (core/room_sync.hpp): {docs: {owner: {set: {collection: {id: record}},
  // removed: {collection: [id]}}}, room: {title, centre, framework, reflections, votes}}. This
  // person's store, and for the facilitator anyone's store and the room's fields. Throws when a
  // participant would go over the cap (the app's map keeps the edit; the status says why).
  applyPatch(patch) {
    const own = this.ownEntry();
    if (!own || this.session.role === 'projector') throw new Error('not in a room as a participant or facilitator');
    for (const [owner, changes] of Object.entries(patch.docs || {})) {
      const entry = own.owner === owner ? own : [...this.docs.values()].find((e) => e.owner === owner);
      if (!entry) continue;  // a store this device does not follow: nothing it may write
      const set = changes.set || {}, removed = changes.removed || {};
      if (entry === own && this.session.role === 'participant') {
        const cap = this.session.limits?.maxRecordsPerDoc ?? 500;
        let count = COLLECTIONS.reduce((n, c) => n + own.doc.getMap(c).size, 0);
        for (const c of COLLECTIONS) {
          for (const id of Object.keys(set[c] || {})) if (!own.doc.getMap(c).has(id)) count++;
          for (const id of removed[c] || []) if (own.doc.getMap(c).has(id)) count--;
        }
        if (count > cap) throw new Error(`A participant can add at most ${cap} entries in a room.`);
      }
      entry.doc.transact(() => {
        for (const c of COLLECTIONS) {
          const map = entry.doc.getMap(c);
          for (const [id, record] of Object.entries(set[c] || {})) map.set(String(id), plain(record));
          for (const id of removed[c] || []) map.delete(String(id));
        }
      }, LOCAL);
    }
    if (patch.room && this.session.role === 'facilitator') {
      own.doc.transact(() => {
        const room = own.doc.getMap('room');
        for (const [field, value] of Object.entries(patch.room)) room.set(field, plain(value));
      }, LOCAL);
    }
  }

  // Facilitator: removes one entry of a participant (owner: participant id, or 'facilitator').
  removeEntry(owner, collection, id) {
    const entry = [...this.docs.values()].find((e) => e.owner === owner);
    if (!entry) throw new Error('no such participant in this room');
    entry.doc.transact(() => entry.doc.getMap(checkCollection(collection)).delete(String(id)), LOCAL);
  }

  // {owner: {entities: {id: record}, placements: {...}, relationships: {...}}} for every document followed.
  records() {
    const out = {};
    for (const e of this.docs.values()) {
      if (e.owner === null) continue;
      out[e.owner] = {};
      for (const c of COLLECTIONS) out[e.owner][c] = e.doc.getMap(c).toJSON();
    }
    return out;
  }

  // Every record of the room as one map's arrays, ids prefixed by owner ("<owner>~<id>") so that two
  // phones' "p1" stay two entities; references are rewritten the same way.
  groupRecords() {
    const out = { entities: [], placements: [], relationships: [] };
    for (const [owner, collections] of Object.entries(this.records())) {
      const tag = owner === 'facilitator' ? 'f' : owner.slice(0, 8);
      const id = (x) => `${tag}~${x}`;
      for (const r of Object.values(collections.entities)) out.entities.push({ ...r, id: id(r.id) });
      for (const r of Object.values(collections.placements)) out.placements.push({ ...r, id: id(r.id), entity: id(r.entity) });
      for (const r of Object.values(collections.relationships)) out.relationships.push({ ...r, id: id(r.id), from: id(r.from), to: id(r.to) });
    }
    return out;
  }

  participants() {  // [{id, name, joined}] from the room index
    const e = this.docs.get(indexDoc(this.session?.code));
    return e ? Object.entries(e.doc.getMap('participants').toJSON()).map(([id, p]) => ({ id, ...p })) : [];
  }

  // [SECTION] facilitator controls (HTTP; the server updates the room index)
  setLocked(locked) { return this.changeSettings({ locked: !!locked }); }
  hideNames(hidden) { return this.changeSettings({ namesHidden: !!hidden }); }
  showGroup(visible) { return this.changeSettings({ groupVisible: !!visible }); }
  end() { return this.changeSettings({ ended: true }); }

  // Ends and deletes the room: its data is gone from the server (disk or Redis) and from this device.
  async deleteRoom() {
    const s = this.facilitatorSession();
    const res = await this.fetch(`/api/rooms/${s.code}`, { method: 'DELETE', headers: { Authorization: `Bearer ${s.token}` } });
    if (!res.ok) throw new Error((await res.json().catch(() => ({}))).message || `HTTP ${res.status}`);
    await this.leave({ forget: true });
  }

  async changeSettings(patch) {
    const s = this.facilitatorSession();
    const answer = await this.post(`/api/rooms/${s.code}/settings`, patch, { Authorization: `Bearer ${s.token}` });
    if (!answer.ok) throw new Error(answer.error);
    this.settings = { ...this.settings, ...answer.body.settings };
    this.emitStatus();
    return answer.body.settings;
  }

  // [SECTION] internals
  facilitatorSession() {
    if (this.session?.role !== 'facilitator') throw new Error('only the facilitator can do this');
    return this.session;
  }

  storage() {
    if (this.options.storage !== undefined) return this.options.storage;
    try { return globalThis.localStorage || null; } catch { return null; }
  }

  fetch(path, init) { return (this.options.fetch || globalThis.fetch)(this.base + path, init); }

  async post(path, body, headers = {}) {
    const res = await this.fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (res.ok) return { ok: true, body: json };
    return { ok: false, status: res.status, reason: json.error || 'error', error: json.message || `The server answered ${res.status}.` };
  }

  ownName() {
    if (!this.session) return null;
    if (this.session.role === 'facilitator') return facilitatorDoc(this.session.code);
    if (this.session.role === 'participant') return participantDoc(this.session.code, this.session.participant);
    return null;
  }

  ownEntry() {
    const name = this.ownName();
    return name ? this.docs.get(name) : this.docs.get(indexDoc(this.session?.code));
  }

  start(session) {
    if (this.session) throw new Error('already in a room: leave() first');
    this.session = session;
    this.lastError = '';
    this.storage()?.setItem(SESSION_KEY, JSON.stringify(session));
    const wsUrl = (this.options.wsUrl || this.base.replace(/^http/, 'ws')) + '/rooms';
    this.socket = new HocuspocusProviderWebsocket({
      url: wsUrl, WebSocketPolyfill: this.options.WebSocketPolyfill, maxDelay: 10000, ...(this.options.socket || {}),
    });
    this.socket.on('status', () => this.emitStatus());
    this.follow(indexDoc(session.code), null);
    if (session.role === 'facilitator') this.follow(facilitatorDoc(session.code), 'facilitator');
    if (session.role === 'participant') this.follow(participantDoc(session.code, session.participant), session.participant);
    if (session.role === 'projector') this.follow(facilitatorDoc(session.code), 'facilitator');
    this.emitStatus();
  }

  // Opens one document of the room over the shared socket; owner null for the index.
  follow(name, owner) {
    if (this.docs.has(name)) return;
    const doc = new Y.Doc();
    const own = name === this.ownName();
    const entry = { doc, owner, provider: null, persistence: null };
    this.docs.set(name, entry);
    if (own && this.persistEnabled()) entry.persistence = new IndexeddbPersistence(`ecomap-room:${name}`, doc);
    if (owner === null) {
      doc.getMap('settings').observe(() => this.readIndex());
      doc.getMap('participants').observe(() => this.readIndex());
    } else {
      for (const c of COLLECTIONS) doc.getMap(c).observe((event, txn) => this.forward(owner, c, event, txn));
      if (owner === 'facilitator') doc.getMap('room').observe((event, txn) => this.forwardRoom(event, txn));
    }
    entry.provider = new HocuspocusProvider({
      websocketProvider: this.socket, name, document: doc, token: this.session.token,
      onAuthenticationFailed: ({ reason }) => this.problem(name, reason),
      onClose: ({ event }) => { if (event?.reason && event.code === 1000 && event.reason !== 'provider_initiated') this.problem(name, event.reason); },
      onSynced: () => this.emitStatus(),
      onUnsyncedChanges: () => this.emitStatus(),
    });
    entry.provider.attach();
  }

  persistEnabled() {
    if (this.options.persist === false) return false;
    return typeof globalThis.indexedDB !== 'undefined';
  }

  problem(name, reason) {
    const text = {
      'room-not-found': 'This room no longer exists (it ended or expired).',
      'room-deleted': 'The facilitator has deleted this room.',
      'invalid-token': 'This device is no longer part of the room.',
      'rate-limited': 'Too many attempts. Wait a minute and try again.',
      forbidden: 'Only the facilitator can see this.',
    }[reason] || `The room server refused a change: ${reason}`;
    if (reason === 'forbidden') return;  // the group map is not shared: the participant sees their own entries only
    this.lastError = text;
    this.emit('error', text);
    if (reason === 'room-deleted' || reason === 'room-not-found' || reason === 'invalid-token') {
      if (name === this.ownName() || name === indexDoc(this.session?.code)) this.leave({ forget: true });
    }
    this.emitStatus();
  }

  readIndex() {
    const e = this.docs.get(indexDoc(this.session?.code));
    if (!e) return;
    const settings = e.doc.getMap('settings').toJSON();
    const people = e.doc.getMap('participants');
    this.participantsCount = people.size;
    const changed = JSON.stringify(settings) !== JSON.stringify(this.settings);
    this.settings = settings;
    // The facilitator and the projector follow every participant; participants too when the group is shared.
    const all = this.session.role !== 'participant' || settings.groupVisible;
    if (all) for (const pid of people.keys()) this.follow(participantDoc(this.session.code, pid), pid);
    if (changed) this.emit('settings', { ...settings });
    this.emitStatus();
  }

  forward(owner, collection, event, txn) {
    if (txn.origin === LOCAL) return;
    const change = { owner, added: [], updated: [], removed: [] };
    event.changes.keys.forEach((info, id) => {
      if (info.action === 'delete') change.removed.push({ collection, id });
      else (info.action === 'add' ? change.added : change.updated).push({ collection, record: event.target.get(id) });
    });
    this.emit('remote', change);
  }

  forwardRoom(event, txn) {  // the room's title, values, framework...: {owner: 'facilitator', room: {field: value}}
    if (txn.origin === LOCAL) return;
    const room = {};
    event.changes.keys.forEach((info, field) => { if (info.action !== 'delete') room[field] = event.target.get(field); });
    if (Object.keys(room).length > 0) this.emit('remote', { owner: 'facilitator', added: [], updated: [], removed: [], room });
  }

  // Everything this device holds of the room, as one patch (what a map that starts empty needs).
  snapshot() {
    const patch = { docs: {} };
    for (const e of this.docs.values()) {
      if (e.owner === null) continue;
      const set = {};
      for (const c of COLLECTIONS) set[c] = e.doc.getMap(c).toJSON();
      patch.docs[e.owner] = { set };
      if (e.owner === 'facilitator') patch.room = e.doc.getMap('room').toJSON();
    }
    return patch;
  }

  emitStatus() { this.emit('status', this.status()); }
}

function checkCollection(c) {
  if (!COLLECTIONS.includes(c)) throw new Error(`unknown collection "${c}" (entities, placements or relationships)`);
  return c;
}

function plain(record) { return JSON.parse(JSON.stringify(record)); }

// [SECTION] page entry: window.ecomap.room

// room.js is loaded by web/room-app.js only where the room service answers; it hands the page
// its client as window.ecomapRoomClient (window.ecomap.room is room-app.js's API around it).
export function installInPage(win = globalThis) {
  if (!win.document) return null;
  const client = new RoomClient();
  win.ecomapRoomClient = client;
  return client;
}
