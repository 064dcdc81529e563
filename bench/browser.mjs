#!/usr/bin/env node
// Browser benchmark of the built web app (figures, not a test; builds nothing):
//   node bench/browser.mjs [--dist build/web/dist] [--cli build/native/src/cli/ecomap-cli]
//                          [--runs 3] [--pan-seconds 3] [--tab-wait 500] [--static] [--startup-only] [--export-only]
// 1. Shipped bytes: every file the first load fetches before the first frame, raw and gzip -9,
//    and what went over the wire (the room service sends precompressed .br/.gz siblings).
// 2. First frame: navigation start to window.ecomap.ready (the first frame drawn, the app
//    ready), median of --runs cold loads (new browser context: empty cache, no service worker,
//    no storage), with where the time went (page marks of web/ecomap-page.js, resource timing).
//    Each load goes into a tab that is open and idle, as when someone follows a link: without a
//    GPU, opening a tab keeps the GPU process busy for 0.3-0.5 s (its first frames), which is the
//    browser's own start, not the page's. The browser's very first page (its processes and
//    SwiftShader warming up) is printed apart, outside the median (--tab-wait 0: no wait).
// 3. Exports of a 1,000-entity map: a 4000 px PNG, an SVG (median of --runs; --export-only: this alone).
// 4. Panning by mouse drag a 200- and a 1,000-entity map: frames per second, wall time and wasm
//    self time per frame (Chrome's sampling CPU profiler, CDP Profiler domain).
// The app is served by the room service (server/src/service.mjs, as ./ecomap serve does), or
// with --static by the browser tests' plain file server (no compression). Maps come from the CLI
// (ecomap-cli sample). Chromium is Debian's, with WebGL2 on SwiftShader (tests/browser/harness.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serve as serveStatic, settle } from '../tests/browser/harness.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = { dist: 'build/web/dist', cli: 'build/native/src/cli/ecomap-cli', runs: '3', 'pan-seconds': '3', 'tab-wait': '500' };
for (let i = 2; i < process.argv.length; i++) {
  const key = process.argv[i].replace(/^--/, '');
  if (['static', 'help', 'startup-only', 'export-only'].includes(key)) args[key] = true;
  else args[key] = process.argv[++i];
}
if (args.help) {
  console.log(execFileSync('sed', ['-n', '2,15p', new URL(import.meta.url).pathname], { encoding: 'utf8' }).replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}
const dist = resolve(root, args.dist), cli = resolve(root, args.cli);
const RUNS = Math.max(1, Number(args.runs)), PAN_SECONDS = Number(args['pan-seconds']), TAB_WAIT = Number(args['tab-wait']);
for (const [what, path, hint] of [['the built app', join(dist, 'ecomap.wasm'), './ecomap build web'],
                                  ['the command line', cli, './ecomap build native']]) {
  if (!existsSync(path)) { console.error(`bench/browser.mjs: ${what} is missing (${path}); run ${hint} first`); process.exit(2); }
}

// [SECTION] Helpers
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(0));
function table(rows, heads) {  // rows of cells; first column left-aligned, the others right-aligned
  const all = [heads, ...rows].map((r) => r.map(String));
  const widths = heads.map((_, c) => Math.max(...all.map((r) => (r[c] || '').length)));
  const line = (r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
const gzip9 = (bytes) => gzipSync(bytes, { level: 9 }).length;

// Records when the app said it was ready, whatever the page's version (wraps _resolveReady).
function readyProbe() {
  let api;
  Object.defineProperty(window, 'ecomap', { configurable: true, get: () => api, set: (value) => {
    api = value;
    if (value && value._resolveReady && !value._resolveReady.probed) {
      const original = value._resolveReady;
      value._resolveReady = (...a) => { window.__benchReadyAt = performance.now(); return original.apply(value, a); };
      value._resolveReady.probed = true;
    }
  } });
}

async function sample(entities, dir) {
  const file = join(dir, `sample-${entities}.ecomap.json`);
  execFileSync(cli, ['sample', '--entities', String(entities), '-o', file]);
  return readFile(file, 'utf8');
}

// [SECTION] Start-up: one cold load
async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(readyProbe);
  await new Promise((resolve) => setTimeout(resolve, TAB_WAIT));  // the new tab settles (see the top)
  await page.goto(url);
  await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: 60000 });
  const timing = await page.evaluate(() => {
    const ready = window.__benchReadyAt;
    const nav = performance.getEntriesByType('navigation')[0];
    const files = [nav, ...performance.getEntriesByType('resource').filter((r) => r.startTime <= ready)].map((r) => ({
      name: new URL(r.name).pathname.replace(/^\//, '') || 'index.html', start: r.startTime, end: r.responseEnd,
      sent: r.encodedBodySize, size: r.decodedBodySize }));
    const marks = {};
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('ecomap:')) marks[m.name.slice(7)] = m.startTime;
    return { ready, files, marks, domContentLoaded: nav.domContentLoadedEventEnd };
  });
  await context.close();
  await new Promise((resolve) => setTimeout(resolve, TAB_WAIT / 2));  // the closed tab's processes go away
  return timing;
}

// [SECTION] Exports and panning on a loaded map
async function openWithMap(browser, url, text) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  if (process.env.ECOMAP_BENCH_CONSOLE) page.on('console', (msg) => console.log('  page:', msg.text()));
  await page.goto(url);
  await page.waitForFunction(() => window.ecomap && window.ecomap.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.ecomap.ready);
  const outcome = await page.evaluate((t) => window.ecomap.loadMap(t), text);
  if (!outcome.ok) throw new Error('loadMap: ' + outcome.errors.join('; '));
  await settle(page);
  return { context, page, problems };
}

async function timeExports(page) {
  return page.evaluate(async () => {
    let t = performance.now();
    const png = await window.ecomap.exportPNG({ width: 4000 });
    const pngMs = performance.now() - t;
    t = performance.now();
    const svg = window.ecomap.exportSVG();
    const svgMs = performance.now() - t;
    return { pngMs, pngBytes: png.length, svgMs, svgBytes: svg.length };
  });
}

// Self time of wasm functions in a CPU profile (ms): nodes whose frame is in the module.
function wasmSelfMs(profile) {
  const isWasm = new Map(profile.nodes.map((n) => [n.id, /^wasm:|\.wasm$/.test(n.callFrame.url) ||
                                                        /^\$?(wasm-function|\d+$)/.test(n.callFrame.functionName)]));
  let total = 0;
  profile.samples.forEach((id, i) => { if (isWasm.get(id)) total += profile.timeDeltas[i] || 0; });
  return total / 1000;
}

// Drags empty map space (outside the ring) around a circle for `seconds`, with the profiler on.
async function pan(page, seconds) {
  const { map, layout } = await page.evaluate(() => ({ map: window.ecomap.uiItems().map, layout: window.ecomap.layout() }));
  const start = [map.x + 30, map.y + map.h - 30];
  const dist = Math.hypot(start[0] - layout.centre.x, start[1] - layout.centre.y);
  if (dist < layout.ring.outer + 10) throw new Error('no empty map space to drag in this window size');
  const before = await page.evaluate(() => JSON.stringify(window.ecomap.state().camera));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });  // microseconds
  await page.mouse.move(...start);
  await page.mouse.down();
  const frames0 = await page.evaluate(() => window.ecomap.frameCount());
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  let step = 0;
  while (Date.now() - t0 < seconds * 1000) {
    const a = (step++ / 30) * Math.PI;  // a circle of 60 px radius, one turn a second at 60 moves/s
    await page.mouse.move(start[0] + 60 * Math.sin(a), start[1] - 60 + 60 * Math.cos(a));
    await page.waitForTimeout(8);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const elapsed = Date.now() - t0;
  const frames = (await page.evaluate(() => window.ecomap.frameCount())) - frames0;
  await page.mouse.move(start[0] + 40, start[1] - 40);  // off the circle's start: the camera must have moved
  await page.waitForTimeout(100);
  const moved = before !== await page.evaluate(() => JSON.stringify(window.ecomap.state().camera));
  await page.mouse.up();
  await cdp.detach();
  if (!moved) throw new Error('the drag did not pan the map (camera unchanged)');
  return { frames, fps: (frames * 1000) / elapsed, wallPerFrame: elapsed / Math.max(1, frames),
           wasmPerFrame: wasmSelfMs(profile) / Math.max(1, frames) };
}

// [SECTION] Main
const work = await mkdtemp(join(tmpdir(), 'ecomap-bench-'));
let server;
if (args.static) {
  server = await serveStatic(dist);
} else {
  const { createService } = await import('../server/src/service.mjs');
  const service = await createService({ port: 0, host: '127.0.0.1', dist, dataDir: join(work, 'rooms') });
  server = { url: service.url.replace(/\/?$/, '/'), close: () => service.close() };
}
const browser = await launch();
try {
  const cpuModel = (cpus()[0] && cpus()[0].model) || 'unknown CPU';
  console.log(`ecomap browser benchmark: ${dist}`);
  console.log(`machine: ${cpus().length} cores (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), ${cpuModel}; ` +
              `Chromium ${browser.version()} headless, WebGL2 on SwiftShader; served by ${args.static ? 'a plain file server' : 'the room service'} on loopback\n`);

  // Start-up
  if (!args['export-only']) {
  const freshBrowser = await coldLoad(browser, server.url);  // the browser's first page: printed apart
  const loads = [];
  for (let i = 0; i < RUNS; i++) loads.push(await coldLoad(browser, server.url));
  const first = loads[0].files;
  const rows = [];
  let rawTotal = 0, gzTotal = 0, wireTotal = 0;
  for (const f of first) {
    const bytes = await readFile(join(dist, f.name)).catch(() => null);
    if (!bytes) continue;
    const gz = gzip9(bytes);
    rawTotal += bytes.length; gzTotal += gz; wireTotal += f.sent;
    rows.push([f.name, kb(bytes.length), kb(gz), kb(f.sent)]);
  }
  rows.push(['first load, total', kb(rawTotal), kb(gzTotal), kb(wireTotal)]);
  console.log('Shipped bytes (KB = 1024 bytes): the files fetched before the first frame; sent = body bytes on the wire');
  console.log(table(rows, ['file', 'raw KB', 'gzip -9 KB', 'sent KB']));
  const later = [];
  for (const name of (await readFile(join(dist, 'sw.js'), 'utf8').then((t) => JSON.parse(/const FILES = (\[.*?\]);/s.exec(t)[1])).catch(() => []))) {
    if (first.some((f) => f.name === name)) continue;
    later.push(name);
  }
  if (later.length) {
    let size = 0;
    for (const name of later) size += gzip9(await readFile(join(dist, name)));
    console.log(`(not in the first load: ${later.length} more files, ${kb(size)} KB gzip -9, fetched when needed (rooms, QR codes) or by the offline cache: ${later.join(', ')})`);
  }

  const span = (l, name) => { const f = l.files.find((x) => x.name === name); return f ? `${ms(f.start)}-${ms(f.end)}` : '-'; };
  const timingRows = loads.map((l, i) => [`load ${i + 1}`, ms(l.domContentLoaded), span(l, 'ecomap.js'), span(l, 'ecomap.wasm'),
    ms(l.marks['wasm-compiled']), ms(l.marks['storage-ready']), ms(l.marks['runtime-ready']), ms(l.marks['sdl-init']), ms(l.marks['fonts']),
    ms(l.marks['gl-context']), ms(l.marks['init-done']), ms(l.ready)]);
  console.log('\nStart-up (ms from navigation start; cold cache)');
  console.log(table(timingRows, ['run', 'DOM ready', 'ecomap.js fetch', 'ecomap.wasm fetch', 'wasm compiled', 'storage ready',
                                'main() starts', 'SDL started', 'fonts built', 'GL context', 'init done', 'first frame']));
  console.log(`first interactive frame, median of ${RUNS} cold loads into ${TAB_WAIT > 0 ? 'an idle' : 'a just opened'} tab: ` +
              `${ms(median(loads.map((l) => l.ready)))} ms ` +
              `(the browser's first page, not counted: ${ms(freshBrowser.ready)} ms; --tab-wait ${TAB_WAIT} ms)`);
  }

  // Exports and panning
  if (!args['startup-only']) {
    const results = [];
    const map1000 = await sample(1000, work);
    {
      const { context, page, problems } = await openWithMap(browser, server.url, map1000);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeExports(page));
      const e = runs[runs.length - 1];
      const times = (key) => (RUNS > 1 ? ` (runs: ${runs.map((r) => ms(r[key])).join(', ')})` : '');
      results.push(['export PNG 4000 px, 1,000 entities', `${ms(median(runs.map((r) => r.pngMs)))} ms${times('pngMs')}`, `${kb(e.pngBytes)} KB`]);
      results.push(['export SVG, 1,000 entities', `${ms(median(runs.map((r) => r.svgMs)))} ms${times('svgMs')}`, `${kb(e.svgBytes)} KB`]);
      if (problems.length) console.warn('page errors:', problems.join('; '));
      await context.close();
    }
    const panRows = [];
    for (const n of args['export-only'] ? [] : [200, 1000]) {
      const { context, page, problems } = await openWithMap(browser, server.url, n === 1000 ? map1000 : await sample(n, work));
      const p = await pan(page, PAN_SECONDS);
      if (p.frames === 0) console.warn(`pan, ${n} entities: the camera moved but frameCount() did not grow`);
      panRows.push([`pan by drag, ${n.toLocaleString('en')} entities`, p.frames, p.fps.toFixed(1),
                    p.frames ? p.wallPerFrame.toFixed(1) : '-', p.frames ? p.wasmPerFrame.toFixed(1) : '-']);
      if (problems.length) console.warn('page errors:', problems.join('; '));
      await context.close();
    }
    console.log('\nExports');
    console.log(table(results, ['what', 'time', 'size']));
    if (panRows.length) {
      console.log(`\nPanning (~${PAN_SECONDS} s of mouse drag; wasm = self time of the module's functions, sampled)`);
      console.log(table(panRows, ['what', 'frames', 'fps', 'wall ms/frame', 'wasm ms/frame']));
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
