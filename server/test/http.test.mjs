// Static serving (headers, listing, MIME, precompressed files) and the room HTTP API (create, join, limits).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, access } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startService, tempDir, api, createRoom, joinRoom, waitFor } from './helpers.mjs';
import { CODE_ALPHABET } from '../src/protocol.mjs';

let dist, svc;
before(async () => {
  dist = await tempDir('ecomap-dist-');
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>ecomap</title>');
  await writeFile(join(dist, 'inline.html'), '<!doctype html><script>window.started = 1;</script><script src="app.js"></script>' +
                  '<noscript>no</noscript><script type="text/javascript">window.more = 2</script>');
  await writeFile(join(dist, 'app.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(join(dist, 'app.js'), 'console.log("plain")');
  await writeFile(join(dist, 'app.js.gz'), gzipSync('console.log("gzipped")'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'assets', 'secret.txt'), 'x');
  await writeFile(join(dist, '.hidden'), 'x');
  svc = await startService({ dist, limits: { maxParticipants: 3 }, failedCodesPerMinute: 5 });
});
after(async () => { await svc.stop(); });

test('static files carry nosniff, a CSP for the app and wasm, and no-referrer', async () => {
  const r = await fetch(svc.url + '/');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  const csp = r.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(csp, /connect-src 'self'(;|$)/);
  assert.match(csp, /img-src 'self' data: blob:/);
  assert.doesNotMatch(csp, / 'unsafe-eval'/);
  assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  assert.match(r.headers.get('content-type'), /^text\/html/);
});

test("a page's own inline scripts are allowed by their SHA-256, and nothing else inline", async () => {
  const { createHash } = await import('node:crypto');
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const csp = (await fetch(svc.url + '/inline.html')).headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' [^;]+;/);
  const sources = csp.match(/script-src ([^;]+)/)[1].split(' ');
  assert.deepEqual(sources, ["'self'", "'wasm-unsafe-eval'", hash('window.started = 1;'), hash('window.more = 2')]);
  assert.doesNotMatch(csp, /unsafe-inline'[^;]*script|script-src[^;]*unsafe-inline/);
  // A file that is not a page, and a page without inline scripts, get the plain policy.
  assert.match((await fetch(svc.url + '/app.js')).headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match((await fetch(svc.url + '/')).headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval';/);
});

test('.wasm is served as application/wasm; unknown paths and API errors keep the headers', async () => {
  const r = await fetch(svc.url + '/app.wasm');
  assert.equal(r.headers.get('content-type'), 'application/wasm');
  assert.equal(Buffer.from(await r.arrayBuffer()).length, 8);
  const missing = await fetch(svc.url + '/nothing.js');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('x-content-type-options'), 'nosniff');
  const apiMissing = await fetch(svc.url + '/api/nothing');
  assert.equal(apiMissing.headers.get('x-content-type-options'), 'nosniff');
});

test('no directory listing, no hidden files, no escaping the folder', async () => {
  for (const path of ['/assets/', '/assets', '/.hidden', '/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e/%2e%2e/package.json', '/%00', '/%E0%A4%A']) {
    const r = await fetch(svc.url + path);
    assert.ok([400, 404].includes(r.status), `${path} answered ${r.status}`);
    assert.doesNotMatch(await r.text(), /secret\.txt|Directory listing|ecomap-rooms/);
  }
  assert.equal((await fetch(svc.url + '/assets/secret.txt')).status, 200);
  assert.equal((await fetch(svc.url + '/', { method: 'POST' })).status, 405);
});

test('precompressed .gz is sent with Content-Encoding only when accepted', async () => {
  const { request } = await import('node:http');
  const get = (enc) => new Promise((res, rej) => {
    request(svc.url + '/app.js', { headers: enc ? { 'Accept-Encoding': enc } : {} }, (r) => {
      const chunks = []; r.on('data', (c) => chunks.push(c)); r.on('end', () => res({ headers: r.headers, body: Buffer.concat(chunks) }));
    }).on('error', rej).end();
  });
  const gz = await get('gzip, deflate');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gz.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(gz.headers.vary, 'Accept-Encoding');
  const plain = await get('');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString(), 'console.log("plain")');
  const refused = await get('gzip;q=0, br;q=0');
  assert.equal(refused.headers['content-encoding'], undefined);
});

test('create gives a code from the unambiguous alphabet, links and secrets', async () => {
  const room = await createRoom(svc.url, 'Housing coalition');
  assert.match(room.code, new RegExp(`^[${CODE_ALPHABET}]{6}$`));
  assert.ok(room.joinUrl.endsWith(`/?join=${room.code}`));
  assert.match(room.projectorUrl, new RegExp(`/\\?room=${room.code}&view=`));
  assert.match(room.token, /^f\.[\w-]{20,}$/);
  const joined = await joinRoom(svc.url, room.code.toLowerCase().replace(/^(...)/, '$1-'), 'Amina');
  assert.equal(joined.role, 'participant');
  assert.equal(joined.name, 'Amina');
  assert.match(joined.token, /^p\.[0-9a-f]{16}\.[\w-]{20,}$/);
  const anon = await api(svc.url, 'POST', `/api/rooms/${room.code}/join`, { anonymous: true, name: 'ignored' });
  assert.equal(anon.json.name, '');
});

test('bad requests get clear messages', async () => {
  const notJson = await fetch(svc.url + '/api/rooms', { method: 'POST', body: 'title=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(notJson.status, 415);
  const broken = await fetch(svc.url + '/api/rooms', { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json' } });
  assert.equal(broken.status, 400);
  assert.match((await broken.json()).message, /not a JSON object/);
  const huge = await fetch(svc.url + '/api/rooms', { method: 'POST', body: JSON.stringify({ title: 'x'.repeat(40000) }), headers: { 'Content-Type': 'application/json' } });
  assert.equal(huge.status, 413);
});

test('locked room refuses joining; only the facilitator may lock; unlock lets people in again', async () => {
  const room = await createRoom(svc.url);
  const other = await createRoom(svc.url);
  const wrong = await api(svc.url, 'POST', `/api/rooms/${room.code}/settings`, { locked: true }, { Authorization: `Bearer ${other.token}` });
  assert.equal(wrong.status, 403);
  const p = await joinRoom(svc.url, room.code);
  const asParticipant = await api(svc.url, 'POST', `/api/rooms/${room.code}/settings`, { locked: true }, { Authorization: `Bearer ${p.token}` });
  assert.equal(asParticipant.status, 403);
  const lock = await api(svc.url, 'POST', `/api/rooms/${room.code}/settings`, { locked: true }, { Authorization: `Bearer ${room.token}` });
  assert.equal(lock.status, 200);
  assert.equal(lock.json.settings.locked, true);
  const refused = await api(svc.url, 'POST', `/api/rooms/${room.code}/join`, { name: 'Late' });
  assert.equal(refused.status, 423);
  assert.match(refused.json.message, /locked/);
  await api(svc.url, 'POST', `/api/rooms/${room.code}/settings`, { locked: false }, { Authorization: `Bearer ${room.token}` });
  assert.equal((await api(svc.url, 'POST', `/api/rooms/${room.code}/join`, { name: 'Late' })).status, 200);
});

test('a full room refuses the participant over the cap', async () => {
  const room = await createRoom(svc.url);
  for (let i = 0; i < 3; i++) await joinRoom(svc.url, room.code, `P${i}`);
  const r = await api(svc.url, 'POST', `/api/rooms/${room.code}/join`, { name: 'One too many' });
  assert.equal(r.status, 409);
  assert.match(r.json.message, /full/);
});

test('an ended room refuses joining and cannot be reopened', async () => {
  const room = await createRoom(svc.url);
  const auth = { Authorization: `Bearer ${room.token}` };
  assert.equal((await api(svc.url, 'POST', `/api/rooms/${room.code}/settings`, { ended: true }, auth)).status, 200);
  const r = await api(svc.url, 'POST', `/api/rooms/${room.code}/join`, { name: 'x' });
  assert.equal(r.status, 410);
  assert.equal((await api(svc.url, 'POST', `/api/rooms/${room.code}/settings`, { ended: false }, auth)).status, 400);
});

test('deleting a room removes its folder; its code is then unknown', async () => {
  const room = await createRoom(svc.url);
  await access(join(svc.dataDir, room.code));
  assert.equal((await api(svc.url, 'DELETE', `/api/rooms/${room.code}`, undefined, { Authorization: 'Bearer f.wrong' })).status, 403);
  assert.equal((await api(svc.url, 'DELETE', `/api/rooms/${room.code}`, undefined, { Authorization: `Bearer ${room.token}` })).status, 200);
  await assert.rejects(access(join(svc.dataDir, room.code)));
  assert.equal((await api(svc.url, 'POST', `/api/rooms/${room.code}/join`, { name: 'x' })).status, 404);
});

test('code guessing is rate-limited per address (then even a right code waits)', async () => {
  const svc = await startService({ failedCodesPerMinute: 5 });
  after(() => svc.stop());
  const room = await createRoom(svc.url);
  const statuses = [];
  for (let i = 0; i < 8; i++) statuses.push((await api(svc.url, 'POST', '/api/rooms/ZZZZZ9/join', { name: 'guess' })).status);
  assert.deepEqual(statuses.slice(0, 5), [404, 404, 404, 404, 404]);
  assert.ok(statuses.slice(5).every((s) => s === 429), statuses.join());
  const right = await api(svc.url, 'POST', `/api/rooms/${room.code}/join`, { name: 'x' });
  assert.equal(right.status, 429);
  assert.ok(Number(right.headers.get('retry-after')) > 0);
  assert.match(right.json.message, /Too many attempts/);
});

test('idle rooms expire: their data is deleted and the code no longer works', async () => {
  const s = await startService({ idleMs: 300, sweepMs: 100 });
  try {
    const room = await createRoom(s.url);
    await access(join(s.dataDir, room.code));
    await waitFor(async () => { try { await access(join(s.dataDir, room.code)); return false; } catch { return true; } }, 'expiry', 5000);
    const r = await api(s.url, 'POST', `/api/rooms/${room.code}/join`, { name: 'x' });
    assert.equal(r.status, 404);
    assert.match(r.json.message, /expired/);
  } finally { await s.stop(); }
});
