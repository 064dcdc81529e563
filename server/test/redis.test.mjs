// Two instances sharing rooms through redis-server on loopback: a participant on B reaches the
// facilitator on A; after A stops, B still serves the whole room; deleting leaves nothing in Redis.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import IORedis from 'ioredis';
import { startRedis, startService, createRoom, joinRoom, rawClient, waitFor, entity, api, sleep } from './helpers.mjs';
import { facilitatorDoc, participantDoc, indexDoc } from '../src/protocol.mjs';

let redis, a, b;
const clients = [];
const open = (...args) => { const c = rawClient(...args); clients.push(c); return c; };

before(async () => {
  redis = await startRedis();
  a = await startService({ redisUrl: redis.url, instanceId: 'A' });
  b = await startService({ redisUrl: redis.url, instanceId: 'B' });
});
after(async () => {
  for (const c of clients) await c.destroy();
  await a?.stop().catch(() => {});
  await b?.stop().catch(() => {});
  await redis?.stop();
});

test('a participant on instance B reaches the facilitator on instance A; A stops, B serves the whole room', async () => {
  const room = await createRoom(a.url, 'Two instances');
  const p = await joinRoom(b.url, room.code, 'Bo');  // the room made on A is known on B
  const facOnA = open(a.url, participantDoc(room.code, p.participant), room.token);
  await facOnA.synced();
  const facDocOnA = open(a.url, facilitatorDoc(room.code), room.token);
  await facDocOnA.synced();
  facDocOnA.doc.getMap('room').set('title', 'Two instances');
  facDocOnA.doc.getMap('entities').set('f1', entity('f1', 'Facilitator org'));
  const mineOnB = open(b.url, participantDoc(room.code, p.participant), p.token);
  await mineOnB.synced();
  const t0 = Date.now();
  mineOnB.doc.getMap('entities').set('b1', entity('b1', 'Bo'));
  await waitFor(() => facOnA.doc.getMap('entities').get('b1')?.name === 'Bo', 'the entry from B at the facilitator on A');
  const latency = Date.now() - t0;
  assert.ok(latency < 3000, `took ${latency} ms`);
  // The facilitator on A removes an entry; B's participant sees it.
  mineOnB.doc.getMap('entities').set('b2', entity('b2', 'Extra'));
  await waitFor(() => facOnA.doc.getMap('entities').has('b2'), 'b2 on A');
  facOnA.doc.getMap('entities').delete('b2');
  await waitFor(() => !mineOnB.doc.getMap('entities').has('b2'), 'the removal on B');
  await sleep(2500);  // the stores' debounce

  await facOnA.destroy();
  await facDocOnA.destroy();
  await a.stop();
  a = null;
  const facOnB = open(b.url, facilitatorDoc(room.code), room.token);
  await facOnB.synced();
  assert.equal(facOnB.doc.getMap('room').get('title'), 'Two instances');
  assert.equal(facOnB.doc.getMap('entities').get('f1')?.name, 'Facilitator org');
  const again = open(b.url, participantDoc(room.code, p.participant), room.token);
  await again.synced();
  assert.deepEqual(Object.keys(again.doc.getMap('entities').toJSON()), ['b1']);
  const index = open(b.url, indexDoc(room.code), room.projectorToken);
  await waitFor(() => index.doc.getMap('participants').size === 1, 'the participant in the index on B');
});

test('a room held only in Redis survives every instance; settings made on one apply on the other; delete empties Redis', async () => {
  const c = await startService({ redisUrl: redis.url, instanceId: 'C' });
  try {
    const room = await createRoom(c.url, 'Shared');
    const p = await joinRoom(c.url, room.code, 'Cy');
    const w = open(c.url, participantDoc(room.code, p.participant), p.token);
    await w.synced();
    w.doc.getMap('entities').set('c1', entity('c1'));
    await sleep(2500);
    await w.destroy();
    await c.stop();
    // Lock on B: joining is refused on B (and the index on B says so).
    const lock = await api(b.url, 'POST', `/api/rooms/${room.code}/settings`, { locked: true }, { Authorization: `Bearer ${room.token}` });
    assert.equal(lock.status, 200);
    assert.equal((await api(b.url, 'POST', `/api/rooms/${room.code}/join`, { name: 'late' })).status, 423);
    const r = open(b.url, participantDoc(room.code, p.participant), room.token);
    await r.synced();
    assert.ok(r.doc.getMap('entities').has('c1'));
    await r.destroy();
    const client = new IORedis(redis.url);
    try {
      assert.ok((await client.keys(`ecomap:room:${room.code}*`)).length > 0);
      assert.equal((await api(b.url, 'DELETE', `/api/rooms/${room.code}`, undefined, { Authorization: `Bearer ${room.token}` })).status, 200);
      await sleep(1500);  // a late store from an unloading document must not bring it back
      assert.deepEqual(await client.keys(`ecomap:room:${room.code}*`), []);
      assert.equal(await client.sismember('ecomap:rooms', room.code), 0);
    } finally { client.disconnect(); }
  } finally { await c.stop().catch(() => {}); }
});
