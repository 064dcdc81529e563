// The first screen: the ring renders, text is crisp, the page is calm when idle,
// follows resizes, and says so clearly when it cannot run.
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { openApp, waitReady, assert, hexToRgb, pixel, near as close, polar } from './harness.mjs';

let outDir = '.';  // where screenshots go (set by tests())

async function screenshot(page, name) {
  const bytes = await page.screenshot({ path: join(outDir, name) });
  return PNG.sync.read(bytes);
}

// Checks the ring on a screenshot: every role's rim shows its colour in its own sector,
// the centre is white, and outside the ring is the background.
function checkRing(png, layout, scale = 1) {
  assert(layout.roles.length === 10, `expected 10 roles, layout has ${layout.roles.length}`);
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

  ['the loading indicator shows progress while the module downloads', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route('**/ecomap.wasm', async (route) => { await gate; await route.continue(); });
    await page.goto(server.url);
    const visible = await page.evaluate(() => !document.getElementById('status').hidden &&
                                              document.getElementById('status-title').textContent);
    assert(visible && /Loading/.test(visible), `no loading indicator while downloading (${visible})`);
    release();
    await waitReady(page);
    await context.close();
  }],
];
}


