// ecomap server: one HTTP server for the built app (static files) and live workshop rooms
// (HTTP API under /api/rooms, Yjs documents over a websocket at /rooms). See docs/rooms.md.
import { createServer } from 'node:http';
import { randomBytes, createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hocuspocus } from '@hocuspocus/server';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { serveStatic, securityHeaders } from './static.mjs';
import { FileStore, RedisStore } from './store.mjs';
import { UpdateGate, Refusal } from './validate.mjs';
import {
  CODE_ALPHABET, CODE_LENGTH, DEFAULT_LIMITS, parseDocName, normalizeCode, isValidCode,
} from './protocol.mjs';

// [SECTION] helpers -----------------------------------------------------------------

const hash = (secret) => createHash('sha256').update(String(secret)).digest('hex');

function sameHash(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function newCode(length) {
  const bytes = randomBytes(length * 2);
  let code = '';
  for (let i = 0; code.length < length && i < bytes.length; i++) {
    if (bytes[i] < 256 - (256 % CODE_ALPHABET.length)) code += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length];
  }
  return code.length === length ? code : newCode(length);
}

const newId = () => randomBytes(10).toString('hex').slice(0, 16);   // participant ids: 16 hex characters
const newSecret = () => randomBytes(24).toString('base64url');

// Fixed-window counters per key (client address), bounded in size.
class RateLimiter {
  constructor(limit, windowMs, maxKeys = 20000) { Object.assign(this, { limit, windowMs, maxKeys }); this.map = new Map(); }
  entry(key) {
    const now = Date.now();
    let e = this.map.get(key);
    if (!e || now >= e.reset) {
      if (this.map.size >= this.maxKeys) for (const [k, v] of this.map) if (now >= v.reset || this.map.size >= this.maxKeys) this.map.delete(k);
      e = { count: 0, reset: now + this.windowMs };
      this.map.set(key, e);
    }
    return e;
  }
  blocked(key) { const e = this.entry(key); return e.count >= this.limit ? Math.ceil((e.reset - Date.now()) / 1000) : 0; }
  hit(key) { this.entry(key).count++; }
}

class HttpError extends Error {
  constructor(status, error, message, extra = {}) { super(message); Object.assign(this, { status, error, extra }); }
}

async function readJson(req, maxBytes) {
  const type = String(req.headers['content-type'] || '');
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'bad-request', 'Send JSON (Content-Type: application/json).');
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'too-large', 'The request is too large.');
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error();
    return value;
  } catch { throw new HttpError(400, 'bad-request', 'The request is not a JSON object.'); }
}

function cleanText(value, max) {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, max);
}

const MESSAGES = {
  'not-found': 'No open room has this code. Check the code; the room may also have ended or expired.',
  locked: 'The facilitator has locked this room: no one new can join.',
  full: 'This room is full.',
  ended: 'This room has ended.',
  'rate-limited': 'Too many attempts. Wait a minute and try again.',
};

// [SECTION] service -------------------------------------------------------------------

// Starts the server; resolves to {url, port, close(), ...}. Options: port, host, dist, dataDir, redisUrl,
// limits, idleMs (rooms idle longer are deleted), sweepMs, publicUrl, trustProxy, log.
export async function createService(options = {}) {
  const limits = { ...DEFAULT_LIMITS, ...(options.limits || {}) };
  const log = options.log || (() => {});
  const idleMs = options.idleMs ?? 24 * 3600 * 1000;
  const sweepMs = options.sweepMs ?? 60 * 1000;
  const instanceId = options.instanceId || `i-${randomUUID().slice(0, 8)}`;
  const joinLimiter = new RateLimiter(options.joinAttemptsPerMinute ?? 600, 60 * 1000);  // a whole workshop behind one NAT
  const failLimiter = new RateLimiter(options.failedCodesPerMinute ?? 20, 60 * 1000);  // wrong codes and secrets
  const createLimiter = new RateLimiter(options.roomsPerHour ?? 30, 3600 * 1000);

  let redis = null, sub = null, store;
  if (options.redisUrl) {
    redis = new IORedis(options.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
    await redis.connect();
    sub = redis.duplicate();
    store = new RedisStore(redis, instanceId);
  } else {
    store = new FileStore(options.dataDir);
  }
  await store.init();

  // [SECTION] room state cache (authoritative state is the store; the cache avoids a store read per message)
  const cache = new Map();  // code -> {meta, at}
  async function room(code, maxAgeMs = 1000) {
    const hit = cache.get(code);
    if (hit && Date.now() - hit.at < maxAgeMs) return hit.meta;
    const meta = await store.getRoom(code);
    if (meta) cache.set(code, { meta, at: Date.now() }); else cache.delete(code);
    if (cache.size > 5000) cache.delete(cache.keys().next().value);
    return meta;
  }

  // For the message path: never waits on the store when the room is cached (a store busy writing
  // documents would hold every message up); a stale entry is refreshed in the background.
  function roomNow(code) {
    const hit = cache.get(code);
    if (!hit) return room(code);
    if (Date.now() - hit.at >= 1000 && !hit.refreshing) {
      hit.refreshing = true;
      room(code, 0).catch(() => { hit.refreshing = false; });
    }
    return hit.meta;
  }

  const lastTouch = new Map();
  function touch(code) {
    const now = Date.now();
    if (now - (lastTouch.get(code) || 0) < Math.min(10000, idleMs / 4)) return;
    lastTouch.set(code, now);
    store.touch(code, now).catch((e) => log(`touch ${code}: ${e.message}`));
  }

  // [SECTION] the room index document (written by the server only)
  function writeIndex(doc, meta) {
    doc.transact(() => {
      const settings = doc.getMap('settings');
      const values = { title: meta.title, ...meta.settings, maxRecords: limits.maxRecordsPerDoc };
      for (const [k, v] of Object.entries(values)) if (settings.get(k) !== v) settings.set(k, v);
      const people = doc.getMap('participants');
      for (const [pid, p] of Object.entries(meta.participants)) {
        if (!people.has(pid)) people.set(pid, { name: p.name, joined: p.joined });
      }
      for (const pid of [...people.keys()]) if (!meta.participants[pid]) people.delete(pid);
    }, 'server');
  }

  function roomDocuments(code) {
    return [...hocuspocus.documents.values()].filter((d) => d.name.startsWith(`room/${code}/`));
  }

  // Brings this instance's open documents of a room in line with the store (settings, participants, deletion).
  async function refreshRoom(code) {
    cache.delete(code);
    const meta = await room(code, 0);
    for (const doc of roomDocuments(code)) {
      if (!meta) {
        for (const c of doc.getConnections()) c.close({ code: 4404, reason: 'room-deleted' });
        continue;
      }
      if (doc.name.endsWith('/index')) writeIndex(doc, meta);
      if (meta.settings.ended) for (const c of doc.getConnections()) c.readOnly = true;
    }
  }

  async function announce(code) {
    await refreshRoom(code);
    if (redis) await redis.publish('ecomap:control', JSON.stringify({ from: instanceId, code }));
  }

  async function deleteRoom(code) {
    await store.deleteRoom(code);
    await announce(code);
    log(`room ${code} deleted`);
  }

  // [SECTION] hocuspocus extension: permissions, limits, persistence
  const gate = new UpdateGate();
  const roomsExtension = {
    priority: 1000,  // before the Redis extension: its store lock must not skip our per-instance store

    async onAuthenticate({ documentName, token, connectionConfig, request }) {
      const ip = clientAddress(request);
      if (failLimiter.blocked(ip)) throw { reason: 'rate-limited' };
      const parsed = parseDocName(documentName);
      const meta = parsed && await room(parsed.code);
      if (!meta) { failLimiter.hit(ip); throw { reason: 'room-not-found' }; }
      const who = identify(meta, token);
      if (!who) { failLimiter.hit(ip); throw { reason: 'invalid-token' }; }
      let write = false;
      if (parsed.kind === 'facilitator') write = who.role === 'facilitator';
      else if (parsed.kind === 'participant') {
        if (!meta.participants[parsed.pid]) throw { reason: 'no-such-participant' };
        if (who.role === 'participant' && who.pid !== parsed.pid && !meta.settings.groupVisible) throw { reason: 'forbidden' };
        write = who.role === 'facilitator' || who.pid === parsed.pid;
      }
      if (meta.settings.ended) write = false;
      connectionConfig.readOnly = !write;
      touch(parsed.code);
      return { code: parsed.code, kind: parsed.kind, pid: parsed.pid, role: who.role, who: who.pid };
    },

    async onLoadDocument({ documentName, document }) {
      const parsed = parseDocName(documentName);
      if (!parsed) return;
      const stored = await store.loadDoc(parsed.code, documentName.slice(`room/${parsed.code}/`.length));
      if (stored) Y.applyUpdate(document, stored, 'store');
      if (parsed.kind === 'index') {
        const meta = await room(parsed.code, 0);
        if (meta) writeIndex(document, meta);
      }
    },

    async onStoreDocument({ documentName, document }) {
      const parsed = parseDocName(documentName);
      if (!parsed) return;
      await store.storeDoc(parsed.code, documentName.slice(`room/${parsed.code}/`.length), Y.encodeStateAsUpdate(document));
    },

    async beforeHandleMessage({ update, connection, document, context }) {
      const decoder = decoding.createDecoder(update);
      let type, sub, body;
      try {
        decoding.readVarString(decoder);
        type = decoding.readVarUint(decoder);
        if (type === 0 || type === 4) {
          sub = decoding.readVarUint(decoder);
          if (sub === 1 || sub === 2) body = decoding.readVarUint8Array(decoder);
        }
      } catch { throw new Refusal(4400, 'malformed message'); }
      if (type === 1) { if (update.length > 4096) throw new Refusal(4413, 'awareness message too large'); return; }
      if (type === 2 || type === 3 || type === 7 || type === 8) return;
      if (type !== 0 && type !== 4) throw new Refusal(4400, `message type ${type} is not used by rooms`);
      if (sub === 0) return;
      if (sub !== 1 && sub !== 2) throw new Refusal(4400, 'malformed sync message');
      if (connection.readOnly) return;  // Hocuspocus refuses it (and tells the client nothing was saved)
      gate.check(document, body, context.kind, limits);  // before any await: updates are checked in arrival order
      const meta = await roomNow(context.code);
      if (!meta) throw new Refusal(4404, 'room-deleted');
      if (meta.settings.ended) { connection.readOnly = true; throw new Refusal(4403, 'the room has ended'); }
    },

    async onChange({ context, documentName }) {
      const parsed = parseDocName(documentName);
      if (parsed) touch(parsed.code);
    },
  };

  const extensions = [roomsExtension];
  if (redis) {
    const url = new URL(options.redisUrl);
    extensions.push(new RedisExtension({
      host: url.hostname, port: Number(url.port || 6379), identifier: instanceId, prefix: 'ecomap:sync',
      options: { password: url.password || undefined, maxRetriesPerRequest: 2 },
    }));
  }
  const hocuspocus = new Hocuspocus({
    name: instanceId, quiet: true, timeout: 30000,
    debounce: options.debounceMs ?? 300, maxDebounce: options.maxDebounceMs ?? 2000,
    unloadImmediately: true, extensions,
  });

  function identify(meta, token) {
    if (typeof token !== 'string' || token.length > 200) return null;
    const [kind, a, b] = token.split('.');
    if (kind === 'f' && sameHash(hash(a), meta.facilitatorHash)) return { role: 'facilitator', pid: null };
    if (kind === 'v' && sameHash(hash(a), meta.projectorHash)) return { role: 'projector', pid: null };
    if (kind === 'p' && meta.participants[a] && sameHash(hash(b), meta.participants[a].hash)) return { role: 'participant', pid: a };
    return null;
  }

  function clientAddress(req) {
    if (options.trustProxy) {
      const forwarded = String(req.headers['x-forwarded-for'] || '').split(',')[0].trim();
      if (forwarded) return forwarded;
    }
    return req.socket?.remoteAddress || 'unknown';
  }

  function publicBase(req) {
    if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
    const host = String(req.headers.host || `127.0.0.1:${port}`).replace(/[^\w.:[\]-]/g, '');
    return `http://${host}`;
  }

  // [SECTION] HTTP API
  async function createRoom(req) {
    const ip = clientAddress(req);
    const wait = createLimiter.blocked(ip);
    if (wait) throw new HttpError(429, 'rate-limited', MESSAGES['rate-limited'], { 'Retry-After': String(wait) });
    createLimiter.hit(ip);
    const body = await readJson(req, 16 * 1024);
    const title = cleanText(body.title, limits.maxTitleLength);
    const facilitator = newSecret(), projector = newSecret();
    const now = Date.now();
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newCode(CODE_LENGTH);
      const meta = {
        code, title, created: now, lastActive: now, facilitatorHash: hash(facilitator), projectorHash: hash(projector),
        settings: { locked: false, namesHidden: false, groupVisible: false, ended: false }, participants: {},
      };
      if (!(await store.createRoom(meta))) continue;
      const base = publicBase(req);
      log(`room ${code} created`);
      return { status: 201, body: {
        code, title, role: 'facilitator', token: `f.${facilitator}`, projectorToken: `v.${projector}`,
        joinUrl: `${base}/?join=${code}`, projectorUrl: `${base}/?room=${code}&view=${projector}`, limits,
      } };
    }
    throw new HttpError(503, 'busy', 'Could not find a free room code; try again.');
  }

  async function joinRoom(req, code) {
    const ip = clientAddress(req);
    const wait = Math.max(failLimiter.blocked(ip), joinLimiter.blocked(ip));
    if (wait) throw new HttpError(429, 'rate-limited', MESSAGES['rate-limited'], { 'Retry-After': String(wait) });
    joinLimiter.hit(ip);
    const body = await readJson(req, 16 * 1024);
    const meta = isValidCode(code) ? await room(code, 0) : null;
    if (!meta) { failLimiter.hit(ip); throw new HttpError(404, 'not-found', MESSAGES['not-found']); }
    if (meta.settings.ended) throw new HttpError(410, 'ended', MESSAGES.ended);
    if (meta.settings.locked) throw new HttpError(423, 'locked', MESSAGES.locked);
    const name = body.anonymous ? '' : cleanText(body.name, limits.maxNameLength);
    const pid = newId(), secret = newSecret();
    const outcome = await store.addParticipant(code, pid, { name, joined: Date.now(), hash: hash(secret) }, limits.maxParticipants);
    if (outcome === 'full') throw new HttpError(409, 'full', MESSAGES.full);
    if (outcome !== 'ok') throw new HttpError(404, 'not-found', MESSAGES['not-found']);
    await announce(code);
    return { status: 200, body: { code, title: meta.title, role: 'participant', participant: pid, name, token: `p.${pid}.${secret}`, limits } };
  }

  async function facilitatorOnly(req, code) {
    const meta = isValidCode(code) ? await room(code, 0) : null;
    const auth = String(req.headers.authorization || '').replace(/^Bearer\s+/i, '');
    if (!meta) throw new HttpError(404, 'not-found', MESSAGES['not-found']);
    if (identify(meta, auth)?.role !== 'facilitator') throw new HttpError(403, 'forbidden', 'Only the facilitator of this room can do this.');
    return meta;
  }

  async function changeSettings(req, code) {
    await facilitatorOnly(req, code);
    const body = await readJson(req, 16 * 1024);
    const patch = {};
    for (const key of ['locked', 'namesHidden', 'groupVisible', 'ended']) {
      if (key in body) {
        if (typeof body[key] !== 'boolean') throw new HttpError(400, 'bad-request', `${key} must be true or false.`);
        patch[key] = body[key];
      }
    }
    if (patch.ended === false) throw new HttpError(400, 'bad-request', 'An ended room cannot be reopened.');
    const settings = await store.updateRoom(code, (meta) => { Object.assign(meta.settings, patch); return meta.settings; });
    if (!settings) throw new HttpError(404, 'not-found', MESSAGES['not-found']);
    await announce(code);
    return { status: 200, body: { code, settings } };
  }

  async function handleApi(req, res, path) {
    let m;
    let result;
    if (path === '/api/rooms' && req.method === 'POST') result = await createRoom(req);
    else if ((m = /^\/api\/rooms\/([^/]{1,40})\/join$/.exec(path)) && req.method === 'POST') result = await joinRoom(req, normalizeCode(decodeURIComponent(m[1])));
    else if ((m = /^\/api\/rooms\/([^/]{1,40})\/settings$/.exec(path)) && req.method === 'POST') result = await changeSettings(req, normalizeCode(m[1]));
    else if ((m = /^\/api\/rooms\/([^/]{1,40})$/.exec(path)) && req.method === 'DELETE') {
      const code = normalizeCode(m[1]);
      await facilitatorOnly(req, code);
      await deleteRoom(code);
      result = { status: 200, body: { code, deleted: true } };
    } else if (path === '/api/health' && req.method === 'GET') {
      result = { status: 200, body: { ok: true, instance: instanceId, documents: hocuspocus.documents.size, connections: hocuspocus.getConnectionsCount() } };
    } else throw new HttpError(404, 'not-found', 'No such endpoint.');
    res.writeHead(result.status, { ...securityHeaders(), 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(result.body));
  }

  // [SECTION] HTTP + websocket server
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const server = createServer(async (req, res) => {
    const path = (req.url || '/').split('?')[0];
    try {
      if (path.startsWith('/api/')) await handleApi(req, res, path);
      else if (options.dist) await serveStatic(options.dist, req, res);
      else { res.writeHead(404, securityHeaders()); res.end('Not found\n'); }
    } catch (error) {
      const e = error instanceof HttpError ? error : new HttpError(500, 'internal', 'The server could not do this.');
      if (!(error instanceof HttpError)) log(`error on ${req.method} ${path}: ${error.stack || error}`);
      if (res.headersSent) { res.destroy(); return; }
      res.writeHead(e.status, { ...securityHeaders(), 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...e.extra });
      res.end(JSON.stringify({ error: e.error, message: e.message }));
    }
  });
  server.requestTimeout = 30000;
  server.headersTimeout = 15000;

  server.on('upgrade', (req, socket, head) => {
    const path = (req.url || '').split('?')[0];
    const origin = req.headers.origin;
    let sameOrigin = true;
    if (origin) {
      try { sameOrigin = new URL(origin).host === req.headers.host || (options.allowedOrigins || []).includes(origin); }
      catch { sameOrigin = false; }
    }
    if (path !== '/rooms' || !sameOrigin || closing) {
      socket.end(`HTTP/1.1 ${path !== '/rooms' ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      guardSocket(ws);
      hocuspocus.handleConnection(ws, req);
    });
  });

  // Per-socket guards that run before Hocuspocus reads a message: malformed framing, floods, too many documents.
  function guardSocket(ws) {
    const names = new Set();
    // Token bucket: a facilitator opening 200 participants' documents sends about 3 messages per
    // document at once; after that, a steady 200 messages a second is far above any real use.
    const burst = options.messageBurst ?? 10 * (limits.maxParticipants + 4);
    const rate = options.messagesPerSecond ?? 200;
    let tokens = burst, last = Date.now(), closed = false;
    const refuse = (code, reason) => {
      if (closed) return;
      closed = true;
      ws.close(code, reason);
      setTimeout(() => ws.terminate(), 1000).unref();
    };
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
      if (closed) return;
      // Hocuspocus re-emits messages it queued during authentication without isBinary: not counted again.
      if (isBinary !== undefined) {
        const now = Date.now();
        tokens = Math.min(burst, tokens + (now - last) * rate / 1000);
        last = now;
        if (tokens < 1) return refuse(4429, 'too many messages');
        tokens -= 1;
      }
      if (isBinary === false) return refuse(4400, 'malformed message: rooms speak binary Yjs messages');
      try {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        const name = decoding.readVarString(decoder);
        decoding.readVarUint(decoder);
        if (!parseDocName(name)) return refuse(4400, 'malformed message: unknown document');
        names.add(name);
        if (names.size > limits.maxParticipants + 4) return refuse(4429, 'too many documents on one connection');
      } catch { return refuse(4400, 'malformed message'); }
    });
  }

  // [SECTION] expiry and cross-instance control
  async function sweep() {
    const now = Date.now();
    for (const code of await store.listRooms()) {
      const meta = await store.getRoom(code);
      if (!meta) continue;
      if (roomDocuments(code).some((d) => d.getConnectionsCount() > 0)) { touch(code); continue; }
      if (now - meta.lastActive > idleMs) { log(`room ${code} expired`); await deleteRoom(code); }
    }
  }
  let sweeping = null;
  const sweepTimer = setInterval(() => {
    if (!sweeping) sweeping = sweep().catch((e) => log(`sweep: ${e.message}`)).finally(() => { sweeping = null; });
  }, sweepMs);

  if (sub) {
    await sub.subscribe('ecomap:control');
    sub.on('message', (channel, text) => {
      try {
        const msg = JSON.parse(text);
        if (msg.from !== instanceId && typeof msg.code === 'string') refreshRoom(msg.code).catch(() => {});
      } catch { /* not ours */ }
    });
  }

  const port = await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolveListen(server.address().port));
  });
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;

  let closing = false;
  async function close() {
    if (closing) return;
    closing = true;  // refuses new websockets (clients reconnect at once)
    clearInterval(sweepTimer);
    const closed = new Promise((r) => server.close(r));
    server.closeIdleConnections?.();
    await sweeping;
    for (const ws of wss.clients) ws.terminate();
    // Store every open document now, then let Hocuspocus unload them (the Redis extension
    // unsubscribes then) before Redis goes away.
    await Promise.all([...hocuspocus.documents.values()].map(async (doc) => {
      try { await roomsExtension.onStoreDocument({ documentName: doc.name, document: doc }); } catch { /* room deleted */ }
    }));
    const deadline = Date.now() + 5000;
    while (hocuspocus.documents.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    server.closeAllConnections?.();
    await closed;
    for (const ext of extensions) {
      if (ext !== roomsExtension) { try { ext.pub?.disconnect(); ext.sub?.disconnect(); } catch { /* already gone */ } }
    }
    if (sub) sub.disconnect();
    if (redis) redis.disconnect();
    await store.close();
  }

  return { url, port, close, hocuspocus, store, instanceId, limits, sweep };
}
