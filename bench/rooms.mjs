#!/usr/bin/env node
// Room service benchmark (figures, not a test): node bench/rooms.mjs [--participants 200] [--entries 5]
//   [--rooms 1000] [--idle 30] [--skip-idle]
// 1. One room, N headless Yjs participants (one websocket each) each adding K entries over ~10 s:
//    latency from the write to the facilitator (p50/p95/max), server CPU and memory.
// 2. R rooms x M idle participants (each: one websocket, room index + own document): server memory per room.
// The server runs as its own process (server/src/main.mjs, file store) on loopback; CPU and memory are
// read from /proc. The clients share this process, so latencies include its own event-loop delays.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { rm } from 'node:fs/promises';
import {
  startServiceProcess, freePort, tempDir, createRoom, joinRoom, waitFor, sleep, entity,
  Y, WebSocket, HocuspocusProvider, HocuspocusProviderWebsocket,
} from '../server/test/helpers.mjs';
import { facilitatorDoc, participantDoc, indexDoc } from '../server/src/protocol.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => a.startsWith('--') ? [a.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? true : all[i + 1]] : null).filter(Boolean));
const N = Number(args.participants ?? 200), K = Number(args.entries ?? 5);
const ROOMS = Number(args.rooms ?? 1000), IDLE = Number(args.idle ?? 30);
const TICK = Number(readFileSync('/proc/self/auxv').length ? 100 : 100);  // USER_HZ (100 on Linux)

function proc(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) / TICK;  // utime + stime, seconds
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;  // MiB
  return { cpu, rss };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];

function socket(url) {
  return new HocuspocusProviderWebsocket({ url: url.replace('http', 'ws') + '/rooms', WebSocketPolyfill: WebSocket, delay: 200, minDelay: 200, maxDelay: 2000 });
}
function provider(ws, name, token, doc = new Y.Doc()) {
  const p = new HocuspocusProvider({ websocketProvider: ws, name, document: doc, token });
  p.attach();
  return p;
}

async function inBatches(items, size, fn) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(...await Promise.all(items.slice(i, i + size).map(fn)));
  return out;
}

async function oneBigRoom() {
  const data = await tempDir('ecomap-bench-');
  const port = await freePort();
  const server = await startServiceProcess(['--data', data, '--joins-per-minute', '100000'], port);
  const pid = server.child.pid;
  const closers = [];
  try {
    const room = await createRoom(server.url, 'Bench');
    const people = await inBatches(Array.from({ length: N }, (_, i) => i), 20, (i) => joinRoom(server.url, room.code, `P${i}`));
    // The facilitator: one socket, one provider per participant document (as the page client does).
    const facSocket = socket(server.url);
    closers.push(() => facSocket.destroy());
    const latencies = [];
    const facProviders = people.map((p) => {
      const doc = new Y.Doc();
      doc.getMap('entities').observe((event, txn) => {
        if (txn.local) return;
        const now = Date.now();
        event.changes.keys.forEach((info, key) => { if (info.action === 'add') latencies.push(now - doc.getMap('entities').get(key).t); });
      });
      return provider(facSocket, participantDoc(room.code, p.participant), room.token, doc);
    });
    closers.push(() => facProviders.forEach((p) => p.destroy()));
    const phones = await inBatches(people, 25, async (p) => {
      const ws = socket(server.url);
      const prov = provider(ws, participantDoc(room.code, p.participant), p.token);
      closers.push(() => { prov.destroy(); ws.destroy(); });
      await waitFor(() => prov.synced, 'phone sync', 30000);
      return prov;
    });
    await waitFor(() => facProviders.every((p) => p.synced), 'facilitator sync', 60000);
    await sleep(1000);
    const before = proc(pid);
    const mine0 = proc(process.pid);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const t0 = Date.now();
    // Each participant adds K entries at random moments over ~10 s (a workshop's pace, compressed).
    const writes = [];
    for (const [i, prov] of phones.entries()) {
      for (let k = 0; k < K; k++) {
        writes.push(sleep(Math.random() * 10000).then(() => {
          prov.document.getMap('entities').set(`e${k}`, { ...entity(`e${k}`, `Person ${i}.${k}`), t: Date.now() });
        }));
      }
    }
    await Promise.all(writes);
    await waitFor(() => latencies.length >= N * K, `all ${N * K} entries at the facilitator (have ${latencies.length})`, 60000);
    const after = proc(pid);
    const mine1 = proc(process.pid);
    lag.disable();
    const seconds = (Date.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(`\n1) one room, ${N} participants x ${K} entries (${N * K} writes over ${seconds.toFixed(1)} s)`);
    console.log(`   latency write -> facilitator: p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${latencies[latencies.length - 1]} ms`);
    console.log(`   client process (all phones + facilitator): CPU ${(mine1.cpu - mine0.cpu).toFixed(2)} s, event-loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms`);
    console.log(`   server CPU ${(after.cpu - before.cpu).toFixed(2)} s over ${seconds.toFixed(1)} s (${(100 * (after.cpu - before.cpu) / seconds).toFixed(0)}% of one core); RSS ${before.rss.toFixed(0)} -> ${after.rss.toFixed(0)} MiB`);

    // The same entries as a burst: every participant writes at the same moment.
    const burst = [];
    const mark = latencies.length;
    const b0 = proc(pid), tb = Date.now();
    for (const [i, prov] of phones.entries()) prov.document.getMap('entities').set('burst', { ...entity('burst', `Burst ${i}`), t: Date.now() });
    await waitFor(() => latencies.length >= mark + N, 'the burst at the facilitator', 60000);
    burst.push(...latencies.slice(mark).sort((a, b) => a - b));
    const b1 = proc(pid);
    console.log(`   burst (all ${N} write at once): p50 ${pct(burst, 50)} ms, p95 ${pct(burst, 95)} ms, max ${burst[burst.length - 1]} ms; server CPU ${(b1.cpu - b0.cpu).toFixed(2)} s in ${((Date.now() - tb) / 1000).toFixed(1)} s`);
  } finally {
    for (const c of closers) { try { c(); } catch { /* gone */ } }
    await server.kill('SIGTERM');
    await rm(data, { recursive: true, force: true });
  }
}

async function idleRooms() {
  const data = await tempDir('ecomap-bench-');
  const port = await freePort();
  const server = await startServiceProcess(['--data', data, '--joins-per-minute', '1000000', '--rooms-per-hour', '1000000'], port);
  const pid = server.child.pid;
  const closers = [];
  const started = Date.now();
  let rooms = 0;
  try {
    await sleep(500);
    const base = proc(pid);
    // Stop adding rooms after 150 s so the run stays within a few minutes (the figure is per room).
    for (; rooms < ROOMS && Date.now() - started < 150000; rooms++) {
      const room = await createRoom(server.url, `Idle ${rooms}`);
      const people = await inBatches(Array.from({ length: IDLE }, (_, i) => i), 30, (i) => joinRoom(server.url, room.code, `P${i}`));
      await Promise.all(people.map(async (p) => {
        const ws = socket(server.url);
        const own = provider(ws, participantDoc(room.code, p.participant), p.token);
        const idx = provider(ws, indexDoc(room.code), p.token);
        own.document.getMap('entities').set('me', entity('me', p.name));
        closers.push(() => { own.destroy(); idx.destroy(); ws.destroy(); });
        await waitFor(() => own.synced && idx.synced, 'idle sync', 60000);
      }));
      if ((rooms + 1) % 50 === 0) process.stdout.write(`   ${rooms + 1} rooms, server RSS ${proc(pid).rss.toFixed(0)} MiB\n`);
    }
    await sleep(3000);
    const after = proc(pid);
    console.log(`\n2) ${rooms} rooms x ${IDLE} idle participants (${rooms * IDLE} websockets, ${rooms * (IDLE * 2)} participant+index subscriptions)${rooms < ROOMS ? ` (stopped at ${rooms} of ${ROOMS}: time limit)` : ''}`);
    console.log(`   server RSS ${base.rss.toFixed(0)} -> ${after.rss.toFixed(0)} MiB: ${((after.rss - base.rss) * 1024 / rooms).toFixed(0)} KiB per room (${((after.rss - base.rss) * 1024 / rooms / IDLE).toFixed(1)} KiB per participant)`);
  } finally {
    for (const c of closers) { try { c(); } catch { /* gone */ } }
    await server.kill('SIGTERM');
    await rm(data, { recursive: true, force: true });
  }
}

console.log(`ecomap room benchmark on ${process.platform}, Node ${process.version}, loopback`);
await oneBigRoom();
if (!args['skip-idle']) await idleRooms();
process.exit(0);
