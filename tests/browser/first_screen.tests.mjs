// The first screen: the ring renders, text is crisp, the page is calm when idle,
// follows resizes, and says so clearly when it cannot run.
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { openApp, waitReady, settle, assert, hexToRgb, pixel, near as close, polar, drag } from './harness.mjs';

let outDir = '.';  // where screenshots go (set by tests())

async function screenshot(page, name) {
  const bytes = await page.screenshot({ path: join(outDir, name) });
  return PNG.sync.read(bytes);
}

// Checks the ring on a screenshot: every role's rim shows its colour in its own sector,
// the centre is white, and outside the ring is the background.
function checkRing(png, layout, scale = 1, roles = 10) {
  assert(layout.roles.length === roles, `expected ${roles} roles, layout has ${layout.roles.length}`);
  const rimRadius = layout.ring.outer - 3;
  for (const role of layout.roles) {
    const mid = (role.arc.start + role.arc.end) / 2;
    const [x, y] = polar(layout, mid, rimRadius);
    const got = pixel(png, x * scale, y * scale);
    assert(close(got, hexToRgb(role.color), 40),
           `${role.name}: rim pixel at (${x.toFixed(0)},${y.toFixed(0)}) is rgb(${got}), expected ${role.color}`);
  }
  const centre = pixel(png, layout.centre.x * scale, (layout.centre.y + layout.centre.r * 0.8) * scale);
  assert(close(centre, [255, 255, 255], 12), `centre disc pixel is rgb(${centre}), expected white`);
}

export function tests({ browser, server, out }) {
  outDir = out;
  return [
  ['first frame renders the ring of ten roles, with no console error', async () => {
    const { context, page, problems } = await openApp(browser, server.url);
    await waitReady(page);
    const layout = await page.evaluate(() => window.ecomap.layout());
    const frames = await page.evaluate(() => window.ecomap.frameCount());
    assert(frames >= 1, `frameCount() is ${frames} after ready`);
    const names = layout.roles.map((r) => r.name);
    assert(names[0] === 'Weavers' && names[9] === 'Guides', `role order is ${names.join(', ')}`);
    // Weavers sits at the top, and the order runs clockwise.
    const first = polar(layout, (layout.roles[0].arc.start + layout.roles[0].arc.end) / 2, 10);
    assert(first[1] < layout.centre.y && Math.abs(first[0] - layout.centre.x) < 1, 'first role is not at the top');
    const second = polar(layout, (layout.roles[1].arc.start + layout.roles[1].arc.end) / 2, 10);
    assert(second[0] > layout.centre.x, 'second role is not clockwise of the first');
    const png = await screenshot(page, 'first-screen-1280x800.png');
    checkRing(png, layout);
    const corner = pixel(png, 5, 400);
    assert(close(corner, [246, 247, 249], 6), `background pixel is rgb(${corner})`);
    const loading = await page.evaluate(() => document.getElementById('status').hidden);
    assert(loading, 'the loading overlay is still shown after ready');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['text is crisp at device pixel ratio 2 (fonts rasterized for the density)', async () => {
    const { context, page, problems } = await openApp(browser, server.url, { deviceScaleFactor: 2 });
    await waitReady(page);
    const layout = await page.evaluate(() => window.ecomap.layout());
    const png = await screenshot(page, 'first-screen-1280x800@2x.png');
    assert(png.width === 2560, `screenshot is ${png.width} px wide, expected 2560`);
    checkRing(png, layout, 2);
    // Around a role label, crisp text has near-black pixels (blurry upscaled text has none).
    const label = layout.roles[2].label;
    let darkest = 255;
    for (let dy = -30; dy <= 30; dy++) {
      for (let dx = 0; dx <= 200; dx++) {
        const [r, g, b] = pixel(png, (label.x + dx) * 2, (label.y + dy) * 2);
        darkest = Math.min(darkest, Math.max(r, g, b));
      }
    }
    assert(darkest < 70, `darkest pixel near "${layout.roles[2].name}" is ${darkest}: text is faint or missing`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  // The ring is drawn into a texture and copied to where it is (render::RingCache): after a
  // pan the picture is the same one, moved by exactly the pan; after zooming it is redrawn.
  ['fonts: the app starts with Latin-1 and the catalogs\' letters; other letters bring every glyph, however they come', async () => {
    const { context, page, problems } = await openApp(browser, server.url);
    await waitReady(page);
    const allGlyphs = () => page.evaluate(() => window.ecomap.state().fonts.allGlyphs);
    const add = (kind, name) => page.evaluate(([k, n]) => JSON.parse(Module.ecomapBridge.call('accessAdd', JSON.stringify({ kind: k, name: n }))), [kind, name]);
    assert(await allGlyphs() === false, 'the first atlas already had every glyph');
    assert((await add('person', 'José Muñoz Søndergaard')).ok, 'accessAdd refused José');
    await settle(page);
    assert(await allGlyphs() === false, 'a Latin-1 name brought every glyph');
    // Added by an API call (no text is looked at on the way): the frame that drew the name
    // with the missing-glyph mark is not shown, and the atlas gets every glyph.
    assert((await add('organization', 'Łódź Tenants')).ok, 'accessAdd refused Łódź');
    await settle(page);
    assert(await allGlyphs() === true, 'drawing Łódź did not bring every glyph');
    const shot = await screenshot(page, 'fonts-all-glyphs.png');
    assert(shot.width === 1280, 'no screenshot');
    // A map that arrives with such names has them before its first frame.
    const second = await openApp(browser, server.url);
    await waitReady(second.page);
    const map = JSON.parse(await second.page.evaluate(() => window.ecomap.getMap()));
    map.entities = [{ id: 'e1', kind: 'person', name: 'Nguyễn Thị Ánh' }];
    const outcome = await second.page.evaluate((t) => window.ecomap.loadMap(t), JSON.stringify(map));
    assert(outcome.ok, `loadMap: ${outcome.errors}`);
    await settle(second.page);
    assert(await second.page.evaluate(() => window.ecomap.state().fonts.allGlyphs) === true, 'the arriving map did not bring every glyph');
    assert(problems.length === 0 && second.problems.length === 0, [...problems, ...second.problems].join('\n'));
    await second.context.close();
    await context.close();
  }],

  ['panning moves the ring picture by exactly the pan; zooming redraws it at the new size', async () => {
    const { context, page, problems } = await openApp(browser, server.url);
    await waitReady(page);
    const map = await page.evaluate(() => window.ecomap.uiItems().map);
    const before = await page.evaluate(() => window.ecomap.layout());
    const first = await screenshot(page, 'ring-before-pan.png');
    const from = [map.x + 20, map.y + map.h - 20];
    assert(Math.hypot(from[0] - before.centre.x, from[1] - before.centre.y) > before.ring.outer + 10, 'no empty map space to drag');
    await drag(page, from, [from[0] + 37, from[1] - 23]);
    await settle(page, 200);
    const moved = await page.evaluate(() => window.ecomap.layout());
    const dx = Math.round(moved.centre.x - before.centre.x), dy = Math.round(moved.centre.y - before.centre.y);
    assert(dx !== 0 && dy !== 0, `the drag did not pan (${dx}, ${dy})`);
    const second = await screenshot(page, 'ring-after-pan.png');
    checkRing(second, moved);
    let differing = 0, compared = 0;  // the ring's square, inside the map area both times
    const r = Math.floor(before.ring.outer * 0.95);
    for (let y = Math.round(before.centre.y) - r; y <= Math.round(before.centre.y) + r; y += 3) {
      for (let x = Math.round(before.centre.x) - r; x <= Math.round(before.centre.x) + r; x += 3) {
        if (x + dx < map.x || y + dy < map.y || x + dx >= map.x + map.w || y + dy >= map.y + map.h) continue;
        compared++;
        if (!close(pixel(first, x, y), pixel(second, x + dx, y + dy), 2)) differing++;
      }
    }
    assert(compared > 10000 && differing / compared < 0.002,
           `after a pan of (${dx}, ${dy}) ${differing} of ${compared} ring pixels differ from the picture before it`);
    await page.mouse.move(moved.centre.x, moved.centre.y);
    await page.mouse.wheel(0, -120);
    await settle(page, 300);
    const zoomed = await page.evaluate(() => window.ecomap.layout());
    assert(zoomed.ring.outer > moved.ring.outer * 1.05, `the wheel did not zoom (${moved.ring.outer} -> ${zoomed.ring.outer})`);
    const visible = { ...zoomed, roles: zoomed.roles.filter((role) => {  // the rims still in the map area
      const [x, y] = polar(zoomed, (role.arc.start + role.arc.end) / 2, zoomed.ring.outer - 3);
      return x > map.x && y > map.y && x < map.x + map.w && y < map.y + map.h;
    }) };
    assert(visible.roles.length >= 6, `only ${visible.roles.length} roles' rims on screen after zooming`);
    checkRing(await screenshot(page, 'ring-after-zoom.png'), visible, 1, visible.roles.length);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['nothing is redrawn while nothing changes (no busy loop)', async () => {
    const { context, page } = await openApp(browser, server.url);
    await waitReady(page);
    await page.waitForTimeout(500);
    const before = await page.evaluate(() => window.ecomap.frameCount());
    await page.waitForTimeout(1500);
    const after = await page.evaluate(() => window.ecomap.frameCount());
    assert(after === before, `${after - before} frames were rendered in 1.5 s with no input`);
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 310);
    await page.waitForTimeout(300);
    const moved = await page.evaluate(() => window.ecomap.frameCount());
    assert(moved > after, 'moving the mouse did not redraw');
    await context.close();
  }],

  ['the canvas follows window resizes', async () => {
    const { context, page, problems } = await openApp(browser, server.url);
    await waitReady(page);
    const small = await page.evaluate(() => window.ecomap.layout());
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForFunction((r) => window.ecomap.layout().ring.outer > r + 50, small.ring.outer, { timeout: 10000 });
    const big = await page.evaluate(() => window.ecomap.layout());
    const middle = big.area.x + big.area.w / 2;
    assert(big.area.w > 1400 && Math.abs(big.centre.x - middle) < 2, `centre x is ${big.centre.x}, map area ${JSON.stringify(big.area)}`);
    const png = await screenshot(page, 'first-screen-1920x1080.png');
    assert(png.width === 1920 && png.height === 1080, `screenshot is ${png.width}x${png.height}`);
    checkRing(png, big);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['a browser without WebGL2 gets a readable message, not a blank page', async () => {
    const init = () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    };
    const { context, page } = await openApp(browser, server.url, { init });
    await page.waitForFunction(() => document.getElementById('status').classList.contains('error'), null,
                               { timeout: 10000 });
    const text = await page.evaluate(() => document.getElementById('status').innerText);
    assert(/WebGL2/.test(text), `message does not mention WebGL2: ${text}`);
    await page.screenshot({ path: join(outDir, 'no-webgl2.png') });
    await context.close();
  }],

  ['a module that fails to download is reported on the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/ecomap.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('status').classList.contains('error'), null,
                               { timeout: 10000 });
    const text = await page.evaluate(() => document.getElementById('status').innerText);
    assert(/could not be loaded/.test(text) && /404/.test(text), `message is: ${text}`);
    await context.close();
  }],

  ['the loading indicator shows progress while the module downloads on a slow network (also with reduced motion)', async () => {
    for (const reducedMotion of ['reduce', 'no-preference']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions',  // about 300 KB/s: the module takes seconds
                     { offline: false, latency: 50, downloadThroughput: 300 * 1024, uploadThroughput: 100 * 1024 });
      const loaded = page.goto(server.url).catch(() => null);
      // A fast start shows nothing but the background; a slow one shows the indicator (after
      // 0.6 s; at once with reduced motion), then what has arrived.
      try {
        await page.waitForFunction(() => {  // the page may still be about:blank at first
          const box = document.getElementById('status'), text = document.getElementById('status-text');
          const bar = document.querySelector('#progress > div');
          return box && text && bar && getComputedStyle(box).visibility === 'visible' &&
                 /Downloading the app: [\d.]+ of [\d.]+ MB/.test(text.textContent) && parseFloat(bar.style.width) > 0;
        }, null, { timeout: 15000, polling: 100 });
      } catch {
        const now = await page.evaluate(() => (document.getElementById('status')
          ? `${getComputedStyle(document.getElementById('status')).visibility}, "${document.getElementById('status-text').textContent}"`
          : `no page yet (${location.href})`));
        throw new Error(`no download progress on screen (${reducedMotion}): ${now}`);
      }
      const title = await page.evaluate(() => document.getElementById('status-title').textContent);
      assert(/Loading/.test(title), `the indicator's title is "${title}"`);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await loaded;
      await waitReady(page);
      await context.close();
    }
  }],
];
}


