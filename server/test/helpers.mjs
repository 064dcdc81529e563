// Test helpers: services on loopback, redis-server on a free port, raw Yjs clients, polling with a deadline.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import RawWebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createService } from '../src/service.mjs';

export const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(SERVER_DIR, '..');

// ws emits 'error' with no listener when a connection is closed before it opened (the provider does so on
// its connection timeout under load): that would end the process, so every socket gets a listener.
export class WebSocket extends RawWebSocket {
  constructor(...args) { super(...args); this.on('error', () => {}); }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls fn until it returns a truthy value; throws with message after timeoutMs.
export async function waitFor(fn, message = 'condition', timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${message}${last instanceof Error ? `: ${last.message}` : ''}`);
}

export async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

export async function tempDir(prefix = 'ecomap-rooms-') { return mkdtemp(join(tmpdir(), prefix)); }

export async function startService(options = {}) {
  const dataDir = options.redisUrl ? undefined : (options.dataDir || await tempDir());
  const service = await createService({ port: 0, host: '127.0.0.1', dataDir, ...options });
  return { ...service, dataDir, async stop() { await service.close(); if (!options.dataDir && dataDir) await rm(dataDir, { recursive: true, force: true }); } };
}

// The server as its own process (for restarts that kill it).
export async function startServiceProcess(args, port) {
  const child = spawn(process.execPath, [...(process.env.ECOMAP_SERVER_NODE_ARGS ? process.env.ECOMAP_SERVER_NODE_ARGS.split(' ') : []), join(SERVER_DIR, 'src/main.mjs'), '--quiet', '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  await waitFor(() => output.includes('ecomap is served at') || child.exitCode !== null, 'the server process to start', 10000);
  if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
  return { child, url: `http://127.0.0.1:${port}`, output: () => output,
    kill(signal = 'SIGKILL') { return new Promise((r) => { if (child.exitCode !== null) return r(); child.once('exit', r); child.kill(signal); }); } };
}

export async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  await waitFor(() => output.includes('Ready to accept connections') || child.exitCode !== null, 'redis-server', 10000);
  if (child.exitCode !== null) throw new Error(`redis-server did not start: ${output}`);
  return { url: `redis://127.0.0.1:${port}`, port,
    stop() { return new Promise((r) => { if (child.exitCode !== null) return r(); child.once('exit', r); child.kill('SIGTERM'); }); } };
}

export async function api(base, method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method, headers: { 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, json, text };
}

export async function createRoom(base, title = 'Workshop') {
  const r = await api(base, 'POST', '/api/rooms', { title });
  if (r.status !== 201) throw new Error(`create: ${r.status} ${r.text}`);
  return r.json;
}

export async function joinRoom(base, code, name = 'Amina') {
  const r = await api(base, 'POST', `/api/rooms/${code}/join`, { name });
  if (r.status !== 200) throw new Error(`join: ${r.status} ${r.text}`);
  return r.json;
}

// A raw Yjs client on one document: nothing of the page client, so it can try anything.
export function rawClient(base, name, token) {
  const socket = new HocuspocusProviderWebsocket({ url: base.replace(/^http/, 'ws') + '/rooms', WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const doc = new Y.Doc();
  const events = { closed: [], denied: [], authenticated: null, status: [] };
  const provider = new HocuspocusProvider({
    websocketProvider: socket, name, document: doc, token,
    onAuthenticated: ({ scope }) => { events.authenticated = scope; },
    onAuthenticationFailed: ({ reason }) => events.denied.push(reason),
    onClose: ({ event }) => events.closed.push(event?.reason),
  });
  provider.attach();
  return {
    doc, provider, socket, events,
    synced: () => waitFor(() => provider.isSynced || provider.synced, `sync of ${name}`),
    async destroy() { provider.destroy(); socket.destroy(); },
  };
}

export const entity = (id, name = id) => ({ id, kind: 'person', name, anonymous: false, notes: '', source: '' });
export { Y, HocuspocusProvider, HocuspocusProviderWebsocket };
