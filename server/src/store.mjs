// ecomap rooms: where rooms live. FileStore (one folder per room under --data) for the embedded
// default; RedisStore (--redis) so that several instances share rooms and none holds them alone.
import { mkdir, readFile, writeFile, rename, rm, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';

// A room's metadata: {code, title, created, lastActive, facilitatorHash, projectorHash,
// settings: {locked, namesHidden, groupVisible, ended}, participants: {pid: {name, joined, hash}}}.

// [SECTION] files ------------------------------------------------------------------

export class FileStore {
  constructor(dir) {
    this.dir = dir;
    this.chains = new Map();  // per-room promise chain: metadata writes never interleave
    this.writes = 0;          // temporary file names
  }

  async init() {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // Finish deletions a crash interrupted: a deleted room's data must not stay on disk.
    for (const e of await readdir(this.dir)) {
      if (e.startsWith('.deleted-')) await rm(join(this.dir, e), { recursive: true, force: true });
    }
  }

  roomDir(code) { return join(this.dir, code); }

  // Runs fn after every earlier operation on this room (read-modify-write safety inside one process).
  serial(code, fn) {
    const prev = this.chains.get(code) || Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => {});
    this.chains.set(code, tail);
    tail.then(() => { if (this.chains.get(code) === tail) this.chains.delete(code); });
    return next;
  }

  async writeAtomic(path, data) {
    const tmp = `${path}.${process.pid}-${++this.writes}.tmp`;
    await writeFile(tmp, data, { mode: 0o600 });
    await rename(tmp, path);
  }

  async readMeta(code) {
    try { return JSON.parse(await readFile(join(this.roomDir(code), 'room.json'), 'utf8')); }
    catch { return null; }
  }

  async createRoom(meta) {
    return this.serial(meta.code, async () => {
      try { await mkdir(this.roomDir(meta.code), { mode: 0o700 }); }
      catch { return false; }  // the code is taken
      await this.writeAtomic(join(this.roomDir(meta.code), 'room.json'), JSON.stringify(meta));
      return true;
    });
  }

  getRoom(code) { return this.readMeta(code); }

  updateRoom(code, change) {  // change(meta) edits meta in place; returns its result
    return this.serial(code, async () => {
      const meta = await this.readMeta(code);
      if (!meta) return undefined;
      const result = change(meta);
      await this.writeAtomic(join(this.roomDir(code), 'room.json'), JSON.stringify(meta));
      return result;
    });
  }

  addParticipant(code, pid, record, cap) {
    return this.updateRoom(code, (meta) => {
      if (Object.keys(meta.participants).length >= cap) return 'full';
      meta.participants[pid] = record;
      return 'ok';
    });
  }

  touch(code, time) { return this.updateRoom(code, (meta) => { meta.lastActive = Math.max(meta.lastActive, time); }); }

  // The folder is first renamed out of the way (atomic: a document store racing with the deletion
  // then fails with ENOENT), then removed.
  deleteRoom(code) {
    return this.serial(code, async () => {
      const trash = join(this.dir, `.deleted-${code}-${process.pid}-${++this.writes}`);
      try { await rename(this.roomDir(code), trash); }
      catch (error) { if (error.code === 'ENOENT') return; throw error; }
      await rm(trash, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    });
  }

  async listRooms() {
    try {
      return (await readdir(this.dir, { withFileTypes: true }))
        .filter((e) => e.isDirectory() && /^[2-9A-Z]{6,12}$/.test(e.name)).map((e) => e.name);
    } catch { return []; }
  }

  docPath(code, docKey) { return join(this.roomDir(code), `${docKey.replace(/\//g, '-')}.ydoc`); }

  async loadDoc(code, docKey) {
    try { return new Uint8Array(await readFile(this.docPath(code, docKey))); }
    catch { return null; }
  }

  // Documents are written outside the metadata chain (one file each); a deleted room's folder is gone,
  // so a late store fails with ENOENT and stores nothing (the folder is never re-created here).
  async storeDoc(code, docKey, update) {
    try { await this.writeAtomic(this.docPath(code, docKey), update); }
    catch (error) { if (error.code !== 'ENOENT') throw error; }
  }

  async close() {}
}

// [SECTION] redis --------------------------------------------------------------------

// Keys: ecomap:rooms (set of codes), ecomap:room:<code> (hash: meta JSON without participants),
// ecomap:room:<code>:p (hash pid -> participant JSON), ecomap:room:<code>:doc:<doc> (hash instance id ->
// that instance's full document state). Each instance writes only its own field, so concurrent stores
// never overwrite each other; loading merges every field (Yjs updates merge without conflicts).
const ADD_PARTICIPANT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1`;
const DELETE_IF_SAME = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0`;
const STORE_IF_ROOM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[3], KEYS[2])
return 1`;

export class RedisStore {
  constructor(redis, instanceId) {
    this.redis = redis;
    this.instance = instanceId;
  }

  async init() {}

  key(code) { return `ecomap:room:${code}`; }

  async createRoom(meta) {
    const { participants, ...rest } = meta;
    const ok = await this.redis.hsetnx(this.key(meta.code), 'meta', JSON.stringify(rest));
    if (!ok) return false;
    await this.redis.sadd('ecomap:rooms', meta.code);
    return true;
  }

  async getRoom(code) {
    const [meta, parts] = await Promise.all([
      this.redis.hget(this.key(code), 'meta'), this.redis.hgetall(`${this.key(code)}:p`)]);
    if (!meta) return null;
    const room = JSON.parse(meta);
    const last = await this.redis.hget(this.key(code), 'lastActive');
    if (last) room.lastActive = Math.max(room.lastActive, Number(last));
    room.participants = {};
    for (const [pid, json] of Object.entries(parts)) room.participants[pid] = JSON.parse(json);
    return room;
  }

  // Settings and title only (participants have their own hash); WATCH makes it atomic across instances.
  async updateRoom(code, change) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const conn = this.redis.duplicate();
      try {
        await conn.watch(this.key(code));
        const json = await conn.hget(this.key(code), 'meta');
        if (!json) { await conn.unwatch(); return undefined; }
        const meta = JSON.parse(json);
        meta.participants = {};
        const result = change(meta);
        delete meta.participants;
        const done = await conn.multi().hset(this.key(code), 'meta', JSON.stringify(meta)).exec();
        if (done) return result;
      } finally { conn.disconnect(); }
    }
    throw new Error('the room is changed by too many instances at once; try again');
  }

  async addParticipant(code, pid, record, cap) {
    const r = await this.redis.eval(ADD_PARTICIPANT, 2, this.key(code), `${this.key(code)}:p`, pid, JSON.stringify(record), cap);
    return r === 1 ? 'ok' : r === 0 ? 'full' : undefined;
  }

  async touch(code, time) {
    // lastActive lives in its own field so that touching never races with settings changes.
    await this.redis.eval(`if redis.call('EXISTS', KEYS[1]) == 1 then
      local t = tonumber(redis.call('HGET', KEYS[1], 'lastActive') or '0')
      if tonumber(ARGV[1]) > t then redis.call('HSET', KEYS[1], 'lastActive', ARGV[1]) end end return 0`, 1, this.key(code), time);
  }

  async deleteRoom(code) {
    const docs = await this.redis.smembers(`${this.key(code)}:docs`);
    await this.redis.del(this.key(code), `${this.key(code)}:p`, `${this.key(code)}:docs`, ...docs);
    await this.redis.srem('ecomap:rooms', code);
  }

  listRooms() { return this.redis.smembers('ecomap:rooms'); }

  docKey(code, docKey) { return `${this.key(code)}:doc:${docKey}`; }

  async loadDoc(code, docKey) {
    const key = this.docKey(code, docKey);
    const fields = await this.redis.hgetallBuffer(key);
    const entries = Object.entries(fields);
    if (entries.length === 0) return null;
    const merged = Y.mergeUpdates(entries.map(([, v]) => new Uint8Array(v)));
    // Compact: keep the merged state under this instance's field, drop the fields just read if unchanged.
    if (entries.length > 1) {
      await this.storeDoc(code, docKey, merged);
      for (const [field, value] of entries) {
        if (field !== this.instance) await this.redis.eval(DELETE_IF_SAME, 1, key, field, value);
      }
    }
    return merged;
  }

  async storeDoc(code, docKey, update) {
    await this.redis.eval(STORE_IF_ROOM, 3, this.key(code), this.docKey(code, docKey), `${this.key(code)}:docs`,
      this.instance, Buffer.from(update));
  }

  async close() {}
}
