// A participant on a phone (390×844, touch only): add me, pick two roles, add an
// organization, export the JSON; pinch-zoom the map; landscape keeps everything on screen.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitReady, assert, settle, docScreenshot } from './harness.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function openPhone(browser, url, options = PHONE) {
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

export function tests({ browser, server, out }) {
  return [
    ['phone: add me, pick two roles, add an organization, export JSON (touch only)', async () => {
      const { context, page, problems, tap, typeName } = await openPhone(browser, server.url);
      const keyboardTarget = await page.evaluate(() => matchMedia('(pointer: coarse)').matches);
      assert(keyboardTarget, 'the phone emulation is not a touch screen');
      await tap('add-person');
      await typeName('p1', 'Amina');
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
      assert(focused === 'ecomap-keyboard', `the on-screen keyboard's field has no focus (${focused})`);
      await tap('toggle-role:weavers');
      await tap('toggle-role:storytellers');
      await tap('add-organization');
      await typeName('o1', 'Tenants United');
      await tap('toggle-role:builders');
      const map = JSON.parse(await page.evaluate(() => window.ecomap.getMap()));
      const names = map.entities.map((e) => e.name);
      assert(JSON.stringify(names) === '["Amina","Tenants United"]', `names are ${JSON.stringify(names)}`);
      const roles = map.placements.map((p) => `${p.entity}:${p.role}`).sort();
      assert(JSON.stringify(roles) === '["o1:builders","p1:storytellers","p1:weavers"]', `placements: ${roles}`);
      await page.waitForTimeout(300);
      await docScreenshot(page, out, 'phone-390x844.png');

      await tap('menu');
      await tap('menu:export');
      await tap('export-format:3');
      const downloading = page.waitForEvent('download');
      await tap('export-go');
      const download = await downloading;
      const text = await readFile(await download.path(), 'utf8');
      assert(download.suggestedFilename().endsWith('.ecomap.json'), `file name ${download.suggestedFilename()}`);
      assert(text === await page.evaluate(() => window.ecomap.getMap()), 'the downloaded JSON differs from the map');
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['phone: two fingers pinch-zoom the map', async () => {
      const { context, page, cdp } = await openPhone(browser, server.url);
      const before = await page.evaluate(() => window.ecomap.layout());
      const cx = before.centre.x, cy = before.centre.y;
      const points = (d) => [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(20) });
      for (let d = 25; d <= 80; d += 5) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d) });
        await page.waitForTimeout(30);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.waitForTimeout(300);
      const after = await page.evaluate(() => window.ecomap.layout());
      assert(after.ring.outer > before.ring.outer * 2, `ring radius ${before.ring.outer} -> ${after.ring.outer}: no zoom`);
      await context.close();
    }],

    ['phone in landscape: toolbar and panel stay on screen', async () => {
      const landscape = { ...PHONE, viewport: { width: 844, height: 390 } };
      const { context, page, problems, items } = await openPhone(browser, server.url, landscape);
      const all = await items();
      for (const name of ['menu', 'undo', 'redo', 'fit', 'add-person', 'map']) {
        const item = all[name];
        assert(item, `no "${name}" in landscape`);
        assert(item.x >= 0 && item.x + item.w <= 844 && item.y >= 0 && item.y + item.h <= 390,
               `"${name}" is cut off: ${JSON.stringify(item)}`);
      }
      const layout = await page.evaluate(() => window.ecomap.layout());
      assert(layout.ring.outer > 60, `the ring is ${layout.ring.outer} px: too small to use`);
      await page.screenshot({ path: join(out, 'phone-844x390.png') });
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],
  ];
}
