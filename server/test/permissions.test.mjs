// Server-enforced permissions: a raw Yjs client (not the page client) with a participant's or the
// projector's secret tries to change what it must not; nothing changes on the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { startService, createRoom, joinRoom, rawClient, waitFor, sleep, entity, api } from './helpers.mjs';
import { indexDoc, facilitatorDoc, participantDoc } from '../src/protocol.mjs';

let svc, room, amina, bo;
const opened = [];
const open = (...args) => { const c = rawClient(...args); opened.push(c); return c; };

// The server's own copy of a document (what every other client will get).
function serverDoc(name) { return svc.hocuspocus.documents.get(name); }
function serverEntities(name) { return serverDoc(name)?.getMap('entities').toJSON() || {}; }

before(async () => {
  svc = await startService({ limits: { maxRecordsPerDoc: 5, maxMessageBytes: 64 * 1024 } });
  room = await createRoom(svc.url);
  amina = await joinRoom(svc.url, room.code, 'Amina');
  bo = await joinRoom(svc.url, room.code, 'Bo');
});
after(async () => { for (const c of opened) await c.destroy(); await svc.stop(); });

test('a participant writes their own document and the facilitator receives it', async () => {
  const mine = open(svc.url, participantDoc(room.code, amina.participant), amina.token);
  await mine.synced();
  assert.equal(mine.events.authenticated, 'read-write');
  const fac = open(svc.url, participantDoc(room.code, amina.participant), room.token);
  await fac.synced();
  mine.doc.getMap('entities').set('p1', entity('p1', 'Amina'));
  await waitFor(() => fac.doc.getMap('entities').get('p1')?.name === 'Amina', 'the entry at the facilitator');
});

test("a participant's secret cannot change another participant's entries", async () => {
  const boDoc = participantDoc(room.code, bo.participant);
  const bos = open(svc.url, boDoc, bo.token);
  await bos.synced();
  bos.doc.getMap('entities').set('b1', entity('b1', 'Bo'));
  await waitFor(() => serverEntities(boDoc).b1, "Bo's entry on the server");
  // Amina, with a modified client, opens Bo's document with her own secret.
  await api(svc.url, 'POST', `/api/rooms/${room.code}/settings`, { groupVisible: true }, { Authorization: `Bearer ${room.token}` });
  const intruder = open(svc.url, boDoc, amina.token);
  await waitFor(() => intruder.events.authenticated, 'authentication');
  assert.equal(intruder.events.authenticated, 'readonly');
  await intruder.synced();
  intruder.doc.getMap('entities').delete('b1');
  intruder.doc.getMap('entities').set('x', entity('x', 'Forged'));
  await sleep(400);
  assert.deepEqual(Object.keys(serverEntities(boDoc)), ['b1']);
  assert.equal(serverEntities(boDoc).b1.name, 'Bo');
  assert.equal(bos.doc.getMap('entities').has('x'), false);
});

test("without the group shared, a participant cannot even read another's document", async () => {
  await api(svc.url, 'POST', `/api/rooms/${room.code}/settings`, { groupVisible: false }, { Authorization: `Bearer ${room.token}` });
  const peek = open(svc.url, participantDoc(room.code, bo.participant), amina.token);
  await waitFor(() => peek.events.denied.length, 'permission denied');
  assert.equal(peek.events.denied[0], 'forbidden');
  assert.equal(peek.doc.getMap('entities').size, 0);
});

test('the room index and the facilitator document refuse a participant; the index refuses even the facilitator', async () => {
  const index = open(svc.url, indexDoc(room.code), amina.token);
  await index.synced();
  await waitFor(() => index.doc.getMap('participants').size === 2, 'participants in the index');
  index.doc.getMap('settings').set('locked', true);
  index.doc.getMap('participants').set('forged', { name: 'Ghost' });
  const facIndex = open(svc.url, indexDoc(room.code), room.token);
  await facIndex.synced();
  facIndex.doc.getMap('settings').set('ended', true);
  const facDoc = open(svc.url, facilitatorDoc(room.code), amina.token);
  await facDoc.synced();
  facDoc.doc.getMap('room').set('title', 'Hijacked');
  await sleep(400);
  const server = serverDoc(indexDoc(room.code));
  assert.equal(server.getMap('settings').get('locked'), false);
  assert.equal(server.getMap('settings').get('ended'), false);
  assert.equal(server.getMap('participants').has('forged'), false);
  assert.equal(serverDoc(facilitatorDoc(room.code)).getMap('room').get('title'), undefined);
  assert.equal((await api(svc.url, 'POST', `/api/rooms/${room.code}/join`, { name: 'still open' })).status, 200);
});

test('the projector cannot write anywhere', async () => {
  const proj = open(svc.url, participantDoc(room.code, amina.participant), room.projectorToken);
  await proj.synced();
  assert.equal(proj.events.authenticated, 'readonly');
  assert.ok(proj.doc.getMap('entities').has('p1'), 'the projector reads entries');
  proj.doc.getMap('entities').delete('p1');
  const projFac = open(svc.url, facilitatorDoc(room.code), room.projectorToken);
  await projFac.synced();
  projFac.doc.getMap('room').set('title', 'x');
  await sleep(400);
  assert.ok(serverEntities(participantDoc(room.code, amina.participant)).p1);
  assert.equal(serverDoc(facilitatorDoc(room.code)).getMap('room').get('title'), undefined);
});

test('wrong secrets and unknown rooms are refused', async () => {
  const forged = open(svc.url, participantDoc(room.code, amina.participant), `p.${amina.participant}.not-the-secret`);
  const noRoom = open(svc.url, indexDoc('ZZZZZZ'), room.token);
  const crossRoom = open(svc.url, indexDoc(room.code), (await createRoom(svc.url)).token);
  await waitFor(() => forged.events.denied.length && noRoom.events.denied.length && crossRoom.events.denied.length, 'three refusals');
  assert.deepEqual([forged.events.denied[0], noRoom.events.denied[0], crossRoom.events.denied[0]], ['invalid-token', 'room-not-found', 'invalid-token']);
});

test('malformed records, unknown parts and entries over the cap are refused with a reason; nothing is applied', async () => {
  const name = participantDoc(room.code, amina.participant);
  const before = JSON.stringify(serverEntities(name));
  const tries = [
    (d) => d.getMap('entities').set('e9', { id: 'other', kind: 'person', name: 'x' }),
    (d) => d.getMap('entities').set('e9', { id: 'e9', kind: 'alien', name: 'x' }),
    (d) => d.getMap('entities').set('e9', { id: 'e9', kind: 'person', name: 'x'.repeat(20000) }),
    (d) => d.getMap('secrets').set('a', 1),
    (d) => d.getArray('entities').insert(0, [1]),
    (d) => { for (let i = 0; i < 6; i++) d.getMap('placements').set(`pl${i}`, { id: `pl${i}`, entity: 'p1', role: 'weavers' }); },
  ];
  const reasons = [];
  for (const change of tries) {
    const c = open(svc.url, name, amina.token);
    await c.synced();
    change(c.doc);
    await waitFor(() => c.events.closed.length, 'the refusal');
    reasons.push(c.events.closed[0]);
    await c.destroy();
  }
  assert.match(reasons[0], /id field differs/);
  assert.match(reasons[1], /kind must be/);
  assert.match(reasons[2], /larger than|not a JSON record/);
  assert.match(reasons[3], /unknown part "secrets"/);
  assert.match(reasons[4], /must be a map/);
  assert.match(reasons[5], /at most 5 entries/);
  assert.equal(JSON.stringify(serverEntities(name)), before);
  // The burst of six placements: those up to the cap (1 entity + 4 placements = 5) were taken, the rest refused.
  assert.equal(serverDoc(name).getMap('placements').size + serverDoc(name).getMap('entities').size, 5);
});

test('an oversized websocket message closes that socket with 1009; the server goes on', async () => {
  const ws = new WebSocket(svc.url.replace('http', 'ws') + '/rooms');
  await new Promise((r) => ws.once('open', r));
  const closed = new Promise((r) => ws.once('close', (code, reason) => r({ code, reason: String(reason) })));
  const e = encoding.createEncoder();
  encoding.writeVarString(e, participantDoc(room.code, amina.participant));
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, new Uint8Array(100 * 1024));
  ws.send(encoding.toUint8Array(e));
  const { code } = await closed;
  assert.equal(code, 1009);
  assert.equal((await api(svc.url, 'GET', '/api/health')).status, 200);
});

test('the facilitator can remove a participant entry; after the room ends nobody can write', async () => {
  const name = participantDoc(room.code, amina.participant);
  const fac = open(svc.url, name, room.token);
  await fac.synced();
  fac.doc.getMap('entities').delete('p1');
  await waitFor(() => !serverEntities(name).p1, 'removal on the server');
  const mine = open(svc.url, name, amina.token);
  await mine.synced();
  await api(svc.url, 'POST', `/api/rooms/${room.code}/settings`, { ended: true }, { Authorization: `Bearer ${room.token}` });
  await sleep(100);
  mine.doc.getMap('entities').set('late', entity('late'));
  fac.doc.getMap('entities').set('late2', entity('late2'));
  await sleep(400);
  assert.equal(serverEntities(name).late, undefined);
  assert.equal(serverEntities(name).late2, undefined);
});

test('websockets from another origin, text frames and unknown documents are refused', async () => {
  const url = svc.url.replace('http', 'ws') + '/rooms';
  const foreign = new WebSocket(url, { headers: { Origin: 'http://evil.example' } });
  const status = await new Promise((r) => { foreign.on('unexpected-response', (req, res) => r(res.statusCode)); foreign.on('open', () => r('open')); foreign.on('error', () => {}); });
  assert.equal(status, 403);
  const same = new WebSocket(url, { headers: { Origin: svc.url } });
  await new Promise((r) => same.once('open', r));
  const closedText = new Promise((r) => same.once('close', (code, reason) => r({ code, reason: String(reason) })));
  same.send('hello');
  assert.deepEqual(await closedText, { code: 4400, reason: 'malformed message: rooms speak binary Yjs messages' });
  const other = new WebSocket(url);
  await new Promise((r) => other.once('open', r));
  const closedName = new Promise((r) => other.once('close', (code, reason) => r({ code, reason: String(reason) })));
  const e = encoding.createEncoder();
  encoding.writeVarString(e, 'some/other/doc');
  encoding.writeVarUint(e, 0);
  other.send(encoding.toUint8Array(e));
  assert.deepEqual(await closedName, { code: 4400, reason: 'malformed message: unknown document' });
});

test('deleting a room closes its open documents with room-deleted and frees them', async () => {
  const r2 = await createRoom(svc.url);
  const p2 = await joinRoom(svc.url, r2.code, 'Del');
  const c = open(svc.url, participantDoc(r2.code, p2.participant), p2.token);
  await c.synced();
  c.doc.getMap('entities').set('d1', entity('d1'));
  await waitFor(() => serverEntities(participantDoc(r2.code, p2.participant)).d1, 'stored entry');
  assert.equal((await api(svc.url, 'DELETE', `/api/rooms/${r2.code}`, undefined, { Authorization: `Bearer ${r2.token}` })).status, 200);
  await waitFor(() => c.events.closed.includes('room-deleted'), 'the room-deleted close');
  await waitFor(() => !svc.hocuspocus.documents.has(participantDoc(r2.code, p2.participant)), 'the document unloaded', 8000);
});

test('a flood of messages on one socket is closed with 4429; a facilitator opening many documents is not', async () => {
  const url = svc.url.replace('http', 'ws') + '/rooms';
  const ws = new WebSocket(url);
  await new Promise((r) => ws.once('open', r));
  const closed = new Promise((r) => ws.once('close', (code, reason) => r({ code, reason: String(reason) })));
  const e = encoding.createEncoder();
  encoding.writeVarString(e, indexDoc(room.code));
  encoding.writeVarUint(e, 3);  // query awareness: harmless on its own
  const msg = encoding.toUint8Array(e);
  for (let i = 0; i < 5000 && ws.readyState === WebSocket.OPEN; i++) ws.send(msg);
  assert.deepEqual(await closed, { code: 4429, reason: 'too many messages' });
});
