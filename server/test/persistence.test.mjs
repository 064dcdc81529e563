// File store: a restart of the service in the middle of a room loses nothing (also after a hard kill).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { startServiceProcess, freePort, tempDir, createRoom, joinRoom, rawClient, waitFor, sleep, entity, api } from './helpers.mjs';
import { facilitatorDoc, participantDoc, indexDoc } from '../src/protocol.mjs';

for (const signal of ['SIGTERM', 'SIGKILL']) {
  test(`a restart (${signal}) mid-room keeps entries, participants, settings and secrets`, async () => {
    const data = await tempDir();
    const port = await freePort();
    let server = await startServiceProcess(['--data', data], port);
    const clients = [];
    try {
      const room = await createRoom(server.url, 'Restart');
      const people = [];
      for (let i = 0; i < 3; i++) people.push(await joinRoom(server.url, room.code, `P${i}`));
      for (const [i, p] of people.entries()) {
        const c = rawClient(server.url, participantDoc(room.code, p.participant), p.token);
        clients.push(c);
        await c.synced();
        c.doc.getMap('entities').set(`e${i}`, entity(`e${i}`, `Person ${i}`));
      }
      const fac = rawClient(server.url, facilitatorDoc(room.code), room.token);
      clients.push(fac);
      await fac.synced();
      fac.doc.getMap('room').set('title', 'Restart');
      await api(server.url, 'POST', `/api/rooms/${room.code}/settings`, { locked: true }, { Authorization: `Bearer ${room.token}` });
      await sleep(2500);  // past the store debounce (max 2 s): what a crash may lose is only the last moments
      for (const c of clients) await c.destroy();
      clients.length = 0;
      await server.kill(signal);

      server = await startServiceProcess(['--data', data], port);
      const fac2 = rawClient(server.url, facilitatorDoc(room.code), room.token);
      clients.push(fac2);
      await fac2.synced();
      assert.equal(fac2.doc.getMap('room').get('title'), 'Restart');
      const index = rawClient(server.url, indexDoc(room.code), room.token);
      clients.push(index);
      await waitFor(() => index.doc.getMap('participants').size === 3, 'three participants in the index');
      assert.equal(index.doc.getMap('settings').get('locked'), true);
      for (const [i, p] of people.entries()) {
        const c = rawClient(server.url, participantDoc(room.code, p.participant), p.token);  // old secrets still work
        clients.push(c);
        await c.synced();
        assert.equal(c.doc.getMap('entities').get(`e${i}`)?.name, `Person ${i}`);
        assert.equal(c.events.authenticated, 'read-write');
      }
    } finally {
      for (const c of clients) await c.destroy();
      await server.kill('SIGTERM');
      await rm(data, { recursive: true, force: true });
    }
  });
}
