// Property test: random bytes and randomly damaged Yjs messages thrown at the websocket never crash the
// service, never change a document they should not, and a well-behaved client still works afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { startService, createRoom, joinRoom, rawClient, waitFor, entity, api, sleep } from './helpers.mjs';
import { participantDoc, indexDoc } from '../src/protocol.mjs';

const SEED = Number(process.env.ECOMAP_FUZZ_SEED || Date.now() % 1e9);
let state = SEED >>> 0;
const rand = () => { state = (state * 1664525 + 1013904223) >>> 0; return state / 2 ** 32; };
const int = (n) => Math.floor(rand() * n);
const bytes = (n) => Uint8Array.from({ length: n }, () => int(256));

let svc, room, p;
before(async () => {
  svc = await startService({ limits: { maxMessageBytes: 256 * 1024 } });
  room = await createRoom(svc.url);
  p = await joinRoom(svc.url, room.code, 'Fuzz');
});
after(async () => { await svc.stop(); });

function message(docName, type, write) {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, docName);
  encoding.writeVarUint(e, type);
  write?.(e);
  return encoding.toUint8Array(e);
}
const auth = (name, token) => message(name, 2, (e) => { encoding.writeVarUint(e, 0); encoding.writeVarString(e, token); });
const syncUpdate = (name, update) => message(name, 0, (e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, update); });

// A valid update adding one entity, to be damaged.
function validUpdate(i) {
  const d = new Y.Doc();
  d.getMap('entities').set(`z${i}`, entity(`z${i}`));
  return Y.encodeStateAsUpdate(d);
}

function mutate(buf) {
  const b = Uint8Array.from(buf);
  const kind = int(4);
  if (kind === 0) for (let k = 0; k < 1 + int(4); k++) b[int(b.length)] = int(256);
  if (kind === 1) return b.slice(0, int(b.length));
  if (kind === 2) return Uint8Array.from([...b.slice(0, int(b.length)), ...bytes(int(64))]);
  if (kind === 3) b[int(b.length)] ^= 1 << int(8);
  return b;
}

async function throwAt(frames) {
  const ws = new WebSocket(svc.url.replace('http', 'ws') + '/rooms');
  ws.on('error', () => {});
  const closed = new Promise((r) => ws.once('close', r));
  await new Promise((r) => { ws.once('open', r); ws.once('close', r); });
  for (const f of frames) { if (ws.readyState !== WebSocket.OPEN) break; ws.send(f); }
  await Promise.race([closed, sleep(300)]);
  ws.terminate();
}

test(`random bytes and damaged messages never crash the service (seed ${SEED})`, async () => {
  const name = participantDoc(room.code, p.participant);
  const good = rawClient(svc.url, name, p.token);
  await good.synced();
  good.doc.getMap('entities').set('keep', entity('keep', 'Kept'));
  await waitFor(() => svc.hocuspocus.documents.get(name)?.getMap('entities').has('keep'), 'the kept entry');
  const started = Date.now();
  let sent = 0;
  for (let round = 0; round < 60 && Date.now() - started < 30000; round++) {
    const frames = [];
    const mode = round % 3;
    if (mode === 0) for (let k = 0; k < 10; k++) frames.push(bytes(int(200)));          // pure noise
    if (mode === 1) {                                                                   // authenticated, then damaged updates
      frames.push(auth(name, p.token));
      for (let k = 0; k < 10; k++) frames.push(mutate(syncUpdate(name, validUpdate(round * 100 + k))));
    }
    if (mode === 2) {                                                                   // damaged framing of every message type
      for (let k = 0; k < 10; k++) frames.push(mutate(message(int(2) ? name : indexDoc(room.code), int(10), (e) => encoding.writeUint8Array(e, bytes(int(40))))));
    }
    sent += frames.length;
    await throwAt(frames);
  }
  assert.ok(sent >= 300, `only ${sent} frames sent`);
  // Still alive and correct.
  assert.equal((await api(svc.url, 'GET', '/api/health')).status, 200);
  const entries = svc.hocuspocus.documents.get(name)?.getMap('entities');
  assert.equal(entries.get('keep')?.name, 'Kept');
  for (const [id, value] of entries) assert.equal(value.id, id, 'every stored record is well-formed');
  const check = rawClient(svc.url, name, p.token);
  await check.synced();
  check.doc.getMap('entities').set('after', entity('after'));
  await waitFor(() => good.doc.getMap('entities').has('after'), 'an edit after the fuzzing reaching the other client');
  await check.destroy();
  await good.destroy();
});
