// Shared pieces of the browser tests: a static server for build/web/dist, Debian's
// Chromium through playwright-core (never a downloaded browser), a tiny runner that
// prints one line per test and "browser: N passed, M failed" at the end, and the helpers
// the test files share (reading the app's state, driving the mouse and keyboard, pixels).
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

export function parseArgs(argv) {
  const args = { dist: 'build/web/dist', out: 'build/browser', filter: '' };
  for (let i = 2; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    args[key] = argv[++i];
  }
  return args;
}

// Serves `dir` on 127.0.0.1 at a free port; resolves to { url, close }.
export function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream',
                           'Content-Length': body.length, 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() });
  }));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
           '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
}

// Opens the app in a fresh page; collects console errors and page errors.
export async function openApp(browser, url, { width = 1280, height = 800, deviceScaleFactor = 1, init } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${msg.location().url || 'page'})`);
  });
  page.on('pageerror', (err) => problems.push('pageerror: ' + err.message));
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return { context, page, problems };
}

export async function waitReady(page, timeout = 60000) {
  await page.waitForFunction(() => window.ecomap && window.ecomap.ready, null, { timeout });
  await page.evaluate(() => window.ecomap.ready);
}

// Waits until the app has stopped drawing: it renders only while something happens, so
// a frame counter that stays still for two intervals in a row means every input so far
// has been handled (one interval could fall inside a slow frame).
export async function settle(page, quietMs = 100, timeout = 10000) {
  const end = Date.now() + timeout;
  let last = await page.evaluate(() => window.ecomap.frameCount());
  let quiet = 0;
  while (quiet < 2 && Date.now() < end) {
    await page.waitForTimeout(quietMs);
    const now = await page.evaluate(() => window.ecomap.frameCount());
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function ensureDir(dir) { await mkdir(dir, { recursive: true }); }

// Runs the named tests in order; prints a line per test and the summary line. `filter`
// keeps the tests whose name contains it, or one of its parts separated by '|'.
export async function runTests(tests, filter = '') {
  let passed = 0, failed = 0;
  const parts = filter ? filter.split('|') : [];
  for (const [name, fn] of tests) {
    if (parts.length && !parts.some((part) => name.includes(part))) continue;
    const started = Date.now();
    try {
      await fn();
      passed++;
      console.log(`  ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  FAIL ${name}: ${error.message}`);
    }
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

// [SECTION] Screenshots

// Takes a screenshot that the README and docs show: written to OUT/docs-screenshots/NAME
// (under build/, never over docs/); `./ecomap screenshots` copies them to docs/screenshots.
// Returns the PNG bytes.
export async function docScreenshot(page, out, name, options = {}) {
  const dir = join(out, 'docs-screenshots');
  await ensureDir(dir);
  return page.screenshot({ ...options, path: join(dir, name) });
}

// [SECTION] Helpers shared by the test files

export const getMap = (page) => page.evaluate(() => JSON.parse(window.ecomap.getMap()));
export const getState = (page) => page.evaluate(() => window.ecomap.state());
export const getLayout = (page) => page.evaluate(() => window.ecomap.layout());
export const getItems = (page) => page.evaluate(() => window.ecomap.uiItems());

// Runs `action` (an input) and waits until the app has drawn `n` frames after it and has
// taken all of it. The count is read before the input, since the app may draw all its frames
// for it before a later read. An input of several events (a click is a press and a release,
// typing a key per letter) can take long enough for frames to pass between them, and ImGui
// takes a quick burst a little per frame: so it also waits for two frames after the action's
// end (unless the app has gone idle, having drawn them already) and for ecomap.inputPending()
// to be false.
export async function input(page, action, n = 2, timeout = 5000) {
  const start = await page.evaluate(() => window.ecomap.frameCount());
  await action();
  const end = await page.evaluate(() => window.ecomap.frameCount());
  try {
    await page.waitForFunction((target) => window.ecomap.frameCount() >= target, start + n, { timeout, polling: 20 });
  } catch {
    throw new Error(`the app drew no frame for ${timeout} ms after an input`);
  }
  await page.waitForFunction((target) => window.ecomap.frameCount() >= target, end + 2, { timeout: 1000, polling: 20 })
    .catch(() => {});
  try {
    await page.waitForFunction(() => !window.ecomap.inputPending(), null, { timeout, polling: 20 });
  } catch {
    throw new Error(`the app had not taken an input after ${timeout} ms`);
  }
}

// Polls `fn(arg)` in the page until it is truthy; the message says what was awaited.
export async function waitFor(page, fn, arg, message, timeout = 5000) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  } catch {
    throw new Error(`timed out waiting for ${message}`);
  }
}

// The rectangle of a named widget; waits up to `timeout` ms for it to be drawn (a dialog,
// for example, appears a frame after the state that opens it).
export async function item(page, name, timeout = 3000) {
  try {
    await page.waitForFunction((n) => window.ecomap.uiItems()[n] !== undefined, name, { timeout, polling: 50 });
  } catch {
    throw new Error(`no widget "${name}" on screen (have: ${Object.keys(await getItems(page)).join(', ')})`);
  }
  return (await getItems(page))[name];
}

// Scrolls the inspector with the mouse wheel until the widget is fully visible (it grows
// as fields are added; uiItems() reports clipped widgets too). The tabs, the add buttons
// and the list rows above it do not scroll.
export async function scrollIntoView(page, name) {
  const fixed = (n) => /^(add-(person|organization|network)|entity:|tab-)/.test(n);
  for (let i = 0; i < 15; i++) {
    const items = await getItems(page);
    const it = items[name] || await item(page, name);
    const map = items.map;
    if (!map || it.x < map.x + map.w || fixed(name)) return it;  // not in the inspector
    const bottom = map.y + map.h - 4;  // the panel ends where the map area ends (footer below)
    const top = Math.max(0, ...Object.entries(items).filter(([n, r]) => fixed(n) && r.x >= map.x + map.w)
                                                     .map(([, r]) => r.y + r.h)) + 36;
    if (it.y + it.h <= bottom && it.y >= top) return it;
    await page.mouse.move(it.x + 4, (top + bottom) / 2);
    await input(page, () => page.mouse.wheel(0, it.y + it.h > bottom ? 80 : -80));
  }
  return item(page, name);
}

export async function clickItem(page, name, { dx = 0.5, dy = 0.5 } = {}) {
  await settle(page, 60);  // a window that just opened (a dialog) is placed in its second frame
  const it = await scrollIntoView(page, name);
  const x = it.x + it.w * dx, y = it.y + it.h * dy;
  await page.mouse.move(x, y);  // hover first, as a hand does (no frame if it was already there)
  await settle(page, 60);
  await input(page, () => page.mouse.click(x, y));
}

// Screen point at angle (radians clockwise from the top) and radius (CSS px).
export function polar(layout, angle, radius) {
  return [layout.centre.x + Math.sin(angle) * radius, layout.centre.y - Math.cos(angle) * radius];
}

// The middle of a role's sector (half way across the ring), a good place to drop on.
export function roleSpot(layout, roleId, fraction = 0.5) {
  const role = layout.roles.find((r) => r.id === roleId);
  assert(role, `no role ${roleId} in layout()`);
  const radius = layout.ring.inner + (layout.ring.outer - layout.ring.inner) * fraction;
  return polar(layout, (role.arc.start + role.arc.end) / 2, radius);
}

// A press, a move past the drag threshold, a move to `to`, and a release.
export async function drag(page, from, to, { shift = false, beforeRelease } = {}) {
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.move(from[0], from[1]);
  await input(page, () => page.mouse.down());
  await input(page, async () => {
    await page.mouse.move(from[0] + 8, from[1] + 6);
    await page.mouse.move((from[0] + to[0]) / 2, (from[1] + to[1]) / 2);
    await page.mouse.move(to[0], to[1]);
  });
  if (beforeRelease) await beforeRelease();
  await input(page, async () => {
    await page.mouse.up();
    if (shift) await page.keyboard.up('Shift');
  });
}

// Clicks + Person / + Organization / + Network, types the name into the field that
// gets the keyboard, and returns the new entity's id.
export async function addEntity(page, kind, name) {
  const before = (await getMap(page)).entities.map((e) => e.id);
  await clickItem(page, `add-${kind}`);
  await waitFor(page, () => window.ecomap.state().typing, null, `the name field to take the keyboard after + ${kind}`);
  if (name) await page.keyboard.type(name);
  await waitFor(page, ([known, typed]) => JSON.parse(window.ecomap.getMap()).entities.some((e) => !known.includes(e.id) && e.name === typed),
                [before, name || ''], `the new ${kind} to be named "${name}"`);
  const created = (await getMap(page)).entities.filter((e) => !before.includes(e.id));
  assert(created.length === 1, `+ ${kind} created ${created.length} entities`);
  return created[0].id;
}

// Drags the entity's row in the side list onto a role's sector.
export async function placeFromList(page, entityId, roleId) {
  const row = await item(page, `entity:${entityId}`);
  const layout = await getLayout(page);
  const count = (await getMap(page)).placements.length;
  await drag(page, [row.x + 40, row.y + row.h / 2], roleSpot(layout, roleId));
  await waitFor(page, ([id, role, n]) => { const m = JSON.parse(window.ecomap.getMap());
    return m.placements.length > n && m.placements.some((p) => p.entity === id && p.role === role); },
                [entityId, roleId, count], `${entityId} to be placed on ${roleId}`);
}

export async function tokensOf(page, entityId) {
  return (await getLayout(page)).tokens.filter((t) => t.entity === entityId);
}

export const placementsOf = (map, entityId) => map.placements.filter((p) => p.entity === entityId);

export function hexToRgb(hex) {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export function pixel(png, x, y) {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

export const near = (a, b, tolerance) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

// Share of pixels (over the whole image) that differ by more than `tolerance` in any channel.
export function differingShare(a, b, tolerance = 24) {
  assert(a.width === b.width && a.height === b.height, `screenshots differ in size: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) > tolerance || Math.abs(a.data[i + 1] - b.data[i + 1]) > tolerance ||
        Math.abs(a.data[i + 2] - b.data[i + 2]) > tolerance) differing++;
  }
  return differing / (a.width * a.height);
}

// Focuses the canvas without hitting a widget: the footer (below the map, left of the status).
export async function focusCanvas(page) {
  const map = await item(page, 'map');
  await input(page, () => page.mouse.click(map.x + 4, map.y + map.h + 10));
}

// Clicks an empty spot of the map area (outside the ring), which clears the selection.
export async function clickEmptyMap(page) {
  const map = await item(page, 'map');
  await input(page, () => page.mouse.click(map.x + 12, map.y + map.h - 12));
}

// Opens an ImGui combo with the mouse and picks an entry with the keyboard: `down` presses
// of the down arrow from the current entry, then Enter. (The entries are not named
// widgets, and the popup opens above or below the combo depending on the room left.)
export async function chooseInCombo(page, name, down) {
  await clickItem(page, name);
  for (let i = 0; i < down; i++) await input(page, () => page.keyboard.press('ArrowDown'));
  await input(page, () => page.keyboard.press('Enter'));
}

// Pastes `text` as the browser does for Ctrl+V: a 'paste' ClipboardEvent on the page.
export async function dispatchPaste(page, text) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

export async function newApp(browser, server, options) {
  const app = await openApp(browser, server.url, options);
  await waitReady(app.page);
  await settle(app.page);
  return app;
}

// [SECTION] Phones

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// A phone (390×844, touch only): tap(name) taps a named widget, scrolling the panel with the
// finger until it is on screen; typeName(entityId, text) types once that entity's name field has the keyboard.
export async function openPhone(browser, url, options = PHONE) {
  const context = await browser.newContext({ ...options, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('pageerror: ' + err.message));
  await page.goto(url);
  await waitReady(page);
  const cdp = await context.newCDPSession(page);
  const items = () => page.evaluate(() => window.ecomap.uiItems());
  const height = options.viewport.height;
  // A one-finger swipe (touch events only), e.g. to scroll a panel.
  async function swipe(x, y0, y1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / 10 }] });
      await page.waitForTimeout(30);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await settle(page);
  }
  // Taps a named widget, scrolling the panel with the finger until it is on screen.
  async function tap(name) {
    let item;
    for (let i = 0; i < 8; i++) {
      item = (await items())[name];
      if (item && item.y > 60 && item.y + item.h < height - 50) break;
      await swipe(options.viewport.width / 2, height - 90, item && item.y <= 60 ? height - 10 : height - 290);
    }
    assert(item, `no widget "${name}" on the screen`);
    assert(item.h >= 44, `"${name}" is ${item.h} px high: too small for a finger (44 px)`);
    await page.touchscreen.tap(item.x + item.w / 2, item.y + item.h / 2);
    await settle(page);
  }
  async function typeName(entityId, text) {
    await page.waitForFunction((id) => {
      const s = window.ecomap.state();
      return s.typing && s.selection[0] && s.selection[0].id === id;
    }, entityId, { timeout: 10000 });
    await page.waitForTimeout(150);
    await page.keyboard.type(text, { delay: 30 });
    await page.waitForTimeout(300);
  }
  return { context, page, problems, cdp, items, tap, swipe, typeName };
}

