// ecomap rooms: what a document may contain after a client's update (checked before it is applied).
import * as Y from 'yjs';
import { COLLECTIONS } from './protocol.mjs';

const ENTITY_KINDS = new Set(['person', 'organization', 'network']);
const MAX_ID = 200;
const MAX_TEXT = 10000;

export class Refusal extends Error {
  // code: a websocket close code in the application range; reason: shown to the user (short).
  constructor(code, reason) { super(reason); this.code = code; this.reason = reason; }
}

function plainJson(value, depth) {  // only JSON values, bounded depth and text length
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_TEXT;
  if (depth > 6 || value instanceof Y.AbstractType || value instanceof Uint8Array) return false;
  if (Array.isArray(value)) return value.length <= 1000 && value.every((v) => plainJson(v, depth + 1));
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length <= 200 && keys.every((k) => k.length <= MAX_ID && plainJson(value[k], depth + 1));
  }
  return false;
}

// Refusal when a record is not a JSON record of its collection keyed by its own id.
export function checkRecord(collection, key, value, limits) {
  const where = `${collection} "${String(key).slice(0, 40)}"`;
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_ID) throw new Refusal(4400, `bad record id in ${collection}`);
  if (!value || typeof value !== 'object' || Array.isArray(value) || !plainJson(value, 0)) throw new Refusal(4400, `${where} is not a JSON record`);
  if (value.id !== key) throw new Refusal(4400, `${where}: its id field differs from its key`);
  if (JSON.stringify(value).length > limits.maxRecordBytes) throw new Refusal(4413, `${where} is larger than ${limits.maxRecordBytes} bytes`);
  if (collection === 'entities') {
    if (!ENTITY_KINDS.has(value.kind)) throw new Refusal(4400, `${where}: kind must be person, organization or network`);
    if (typeof value.name !== 'string') throw new Refusal(4400, `${where}: name must be text`);
  } else if (collection === 'placements') {
    if (typeof value.entity !== 'string' || typeof value.role !== 'string') throw new Refusal(4400, `${where}: entity and role must be text`);
  } else if (typeof value.from !== 'string' || typeof value.to !== 'string') {
    throw new Refusal(4400, `${where}: from and to must be text`);
  }
}

// Checks client updates against a shadow copy of each document that already holds every update
// accepted so far: Hocuspocus applies an update only after the (asynchronous) hooks of earlier
// messages resolve, so checking against the live document alone would let a burst of small updates
// pass a cap one by one, or refuse an update whose predecessor was accepted but not yet applied.
// The update is applied to the shadow and only what it changed is checked; a refused update
// throws the shadow away (the next check rebuilds it from the live document).
export class UpdateGate {
  constructor() { this.shadows = new WeakMap(); }

  shadowOf(document) {
    let entry = this.shadows.get(document);
    if (!entry) {
      const doc = new Y.Doc({ gc: true, guid: 'shadow' });  // a given guid: no uuid per document
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(document));
      entry = { doc, bytes: Y.encodeStateAsUpdate(doc).length, changed: null };
      doc.on('afterTransaction', (txn) => { entry.changed = txn.changed; });
      this.shadows.set(document, entry);
    } else {
      const missing = Y.encodeStateAsUpdate(document, Y.encodeStateVector(entry.doc));  // changes from elsewhere
      if (missing.length > 2) { Y.applyUpdate(entry.doc, missing); entry.bytes += missing.length; }
    }
    return entry;
  }

  // Throws a Refusal, or accepts update into the shadow of document. Synchronous on purpose.
  check(document, update, kind, limits) {
    const entry = this.shadowOf(document);
    const shadow = entry.doc;
    try {
      entry.changed = null;
      try { Y.applyUpdate(shadow, update); }
      catch { throw new Refusal(4400, 'malformed update'); }
      // An update with missing dependencies stays pending in Yjs: it would sit in memory for ever.
      if (shadow.store.pendingStructs || shadow.store.pendingDs) throw new Refusal(4400, 'update depends on changes the server does not have');
      checkChanges(shadow, entry.changed, kind, limits);
      entry.bytes += update.length;
      if (entry.bytes > limits.maxDocBytes) {
        entry.bytes = Y.encodeStateAsUpdate(shadow).length;
        if (entry.bytes > limits.maxDocBytes) throw new Refusal(4413, `a document may hold at most ${limits.maxDocBytes} bytes`);
      }
    } catch (error) {
      this.shadows.delete(document);
      shadow.destroy();
      throw error;
    }
  }
}

// Checks only the maps and keys a transaction changed (plus the count).
function checkChanges(doc, changed, kind, limits) {
  const allowed = kind === 'facilitator' ? ['room', ...COLLECTIONS] : COLLECTIONS;
  let records = 0;
  for (const [name, type] of doc.share) {
    if (!allowed.includes(name)) throw new Refusal(4400, `unknown part "${String(name).slice(0, 40)}" in a ${kind} document`);
    if (type._start !== null) throw new Refusal(4400, `"${name}" must be a map, not a list or text`);
    if (name !== 'room') for (const item of type._map.values()) if (!item.deleted) records++;
  }
  if (!changed) return;
  for (const [type, keys] of changed) {
    const name = [...doc.share].find(([, t]) => t === type)?.[0];
    if (!name) throw new Refusal(4400, 'only top-level maps of plain JSON values are allowed');
    const map = doc.getMap(name);
    for (const key of keys) {
      if (key === null) throw new Refusal(4400, `"${name}" must be a map, not a list or text`);
      if (!map.has(key)) continue;
      const value = map.get(key);
      if (name === 'room') {
        if (!['title', 'centre', 'framework', 'votes', 'reflections'].includes(key)) throw new Refusal(4400, `unknown room field "${key.slice(0, 40)}"`);
        if (!plainJson(value, 0)) throw new Refusal(4400, `room field "${key}" is not JSON`);
      } else {
        checkRecord(name, key, value, limits);
      }
    }
  }
  if (kind === 'participant' && records > limits.maxRecordsPerDoc) throw new Refusal(4413, `at most ${limits.maxRecordsPerDoc} entries per participant`);
  if (kind === 'facilitator' && records > limits.maxRecordsPerDoc * 10) throw new Refusal(4413, `at most ${limits.maxRecordsPerDoc * 10} entries of the facilitator's own`);
}
