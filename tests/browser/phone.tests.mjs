// A participant on a phone (390×844, touch only): add me, pick two roles, add an
// organization, export the JSON; pinch-zoom the map; landscape keeps everything on screen.
// At device pixel ratio 3 the ring fills the width with its names readable; Back closes a
// dialog before it leaves the page; the page itself never zooms. The reader's preferences
// (reduced motion, more contrast) reach the app.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { assert, docScreenshot, openApp, openPhone, PHONE, settle, waitReady } from './harness.mjs';

const PHONE3 = { ...PHONE, deviceScaleFactor: 3 };  // a current phone's density
const LANDSCAPE3 = { ...PHONE3, viewport: { width: 844, height: 390 } };

// The role names' anchors lie within the map area, clear of the page's edges.
function assertNamesOnScreen(layout, viewport) {
  for (const role of layout.roles) {
    const { x, y } = role.label;
    assert(x >= 4 && x <= viewport.width - 4 && y >= layout.area.y && y <= layout.area.y + layout.area.h,
           `the name of ${role.id} is off the map at (${x.toFixed(0)}, ${y.toFixed(0)})`);
  }
}

// Two fingers on the screen at a and b, moved apart by `spread` CSS px in steps.
async function pinch(page, cdp, cx, cy, spread) {
  const points = (d) => [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(20) });
  for (let d = 25; d <= 20 + spread; d += 5) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d) });
    await page.waitForTimeout(20);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// Dark pixels (every channel under 40) in a region of a screenshot.
function darkPixels(png, region) {
  let count = 0;
  for (let y = Math.round(region.y); y < Math.round(region.y + region.h); y++)
    for (let x = Math.round(region.x); x < Math.round(region.x + region.w); x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] < 40 && png.data[i + 1] < 40 && png.data[i + 2] < 40) count++;
    }
  return count;
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
      await tap('export-format:4');
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
      const landscape = LANDSCAPE3;
      const { context, page, problems, items } = await openPhone(browser, server.url, landscape);
      const all = await items();
      for (const name of ['menu', 'undo', 'redo', 'fit', 'add-person', 'map']) {
        const item = all[name];
        assert(item, `no "${name}" in landscape`);
        assert(item.x >= 0 && item.x + item.w <= 844 && item.y >= 0 && item.y + item.h <= 390,
               `"${name}" is cut off: ${JSON.stringify(item)}`);
      }
      const loaded = await page.evaluate(async () => window.ecomap.loadMap(await (await fetch('examples/one-person.ecomap.json')).text()));
      assert(loaded.ok, `the example did not open: ${loaded.errors}`);
      await settle(page);
      // The map is fitted to the screen over its next frames: under load the tokens come a little later.
      await page.waitForFunction(() => window.ecomap.layout().tokens.length > 0, null, { timeout: 5000, polling: 100 }).catch(() => {});
      const layout = await page.evaluate(() => window.ecomap.layout());
      const { area, centre, ring } = layout;
      assert(ring.outer > 100, `the ring is ${ring.outer} px: too small to use`);
      assert(centre.x - ring.outer >= area.x && centre.x + ring.outer <= area.x + area.w &&
             centre.y - ring.outer >= area.y && centre.y + ring.outer <= area.y + area.h,
             `the ring (r ${ring.outer} at ${centre.x}, ${centre.y}) leaves the map area ${JSON.stringify(area)}`);
      assert(ring.outer * 2 >= Math.min(area.w, area.h) * 0.8,
             `the ring is ${(ring.outer * 2).toFixed(0)} px across in a ${area.w}×${area.h} map area`);
      assertNamesOnScreen(layout, landscape.viewport);
      assert(layout.tokens.length > 0 && layout.tokens.every((t) => t.r >= 8),  // 16 CSS px across, 48 device pixels
             `tokens: ${JSON.stringify(layout.tokens.map((t) => t.r))} (at least 8 px)`);
      await page.screenshot({ path: join(out, 'phone-844x390.png') });
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['phone at 390×844, 3 device pixels per px: the ring fills the width, names and tokens readable', async () => {
      const { context, page, problems, tap, typeName } = await openPhone(browser, server.url, PHONE3);
      await tap('add-person');
      await typeName('p1', 'Amina');
      await tap('toggle-role:weavers');
      await tap('toggle-role:frontline-responders');
      await page.waitForTimeout(300);
      const layout = await page.evaluate(() => window.ecomap.layout());
      const width = PHONE3.viewport.width;
      assert(layout.area.w === width, `the map is ${layout.area.w} px wide on a ${width} px phone`);
      assert(layout.ring.outer * 2 >= width * 0.9,
             `the ring is ${(layout.ring.outer * 2).toFixed(0)} px across: under 90 % of the ${width} px width`);
      assert(layout.centre.x - layout.ring.outer >= 0 && layout.centre.x + layout.ring.outer <= width,
             'the ring is cut off at the sides');
      assert(layout.labelPx >= 11, `role names are ${layout.labelPx} px: too small to read`);
      assertNamesOnScreen(layout, PHONE3.viewport);
      assert(layout.tokens.length === 2 && layout.tokens.every((t) => t.r >= 10),
             `tokens: ${JSON.stringify(layout.tokens.map((t) => t.r))} (at least 10 px, 30 device pixels)`);
      // Every role name is drawn, whole (none left out or shortened to fit).
      const text = await page.evaluate(() => window.ecomap.renderedText());
      for (const role of layout.roles) assert(text.includes(role.name), `"${role.name}" is not drawn`);
      // Sharp at 3×: the screenshot has 3 device pixels per CSS px.
      const png = PNG.sync.read(await page.screenshot({ path: join(out, 'phone-390x844-dpr3.png') }));
      assert(png.width === width * 3, `screenshot ${png.width} px wide`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['phone: Back closes an open dialog or menu, and the page stays', async () => {
      const { context, page, problems, items } = await openPhone(browser, server.url, PHONE3);
      const tap = async (name) => {  // a widget in plain view: the toolbar, the menu, the dialog
        let item;
        for (let i = 0; i < 30 && !(item = (await items())[name]); i++) await page.waitForTimeout(100);
        assert(item && item.y >= 0 && item.y + item.h <= PHONE3.viewport.height, `"${name}" is not on screen: ${JSON.stringify(item)}`);
        await page.touchscreen.tap(item.x + item.w / 2, item.y + item.h / 2);
        await settle(page);
      };
      const url = page.url();
      const dialogs = () => page.evaluate(() => window.ecomap.state().dialogs);
      const back = async () => {
        await page.waitForFunction(() => history.state && history.state.ecomapDialog, null, { timeout: 3000 });
        await page.goBack({ waitUntil: 'commit', timeout: 5000 }).catch(() => null);  // same page: no new document
        await page.waitForTimeout(300);
        await settle(page);
      };
      await tap('menu');
      assert(JSON.stringify(await dialogs()) === '["menu"]', `after Menu: ${JSON.stringify(await dialogs())}`);
      await back();
      assert(JSON.stringify(await dialogs()) === '[]', `Back left ${JSON.stringify(await dialogs())} open`);
      assert(page.url() === url && await page.evaluate(() => Boolean(window.ecomap && window.ecomap.state)),
             'Back left the page');
      // A dialog: the Export dialog from the menu.
      await tap('menu');
      await tap('menu:export');
      assert((await dialogs()).includes('export'), `after Export: ${JSON.stringify(await dialogs())}`);
      await back();
      assert(JSON.stringify(await dialogs()) === '[]', `Back left ${JSON.stringify(await dialogs())} open`);
      assert(page.url() === url && await page.evaluate(() => window.ecomap.state().revision >= 0), 'Back left the page');
      // Closed in the app: the page's history entry goes too (one Back leaves, as before).
      await tap('menu');
      await tap('menu:export');
      assert(await page.evaluate(() => Boolean(history.state && history.state.ecomapDialog)), 'no history entry for the dialog');
      await tap('export-cancel');
      await page.waitForFunction(() => window.ecomap.state().dialogs.length === 0, null, { timeout: 5000, polling: 100 }).catch(() => {});
      assert(JSON.stringify(await dialogs()) === '[]', `Cancel left ${JSON.stringify(await dialogs())} open`);
      const gone = await page.waitForFunction(() => !(history.state && history.state.ecomapDialog), null, { timeout: 3000 })
        .then(() => true, () => false);
      assert(gone, 'the dialog\'s history entry stayed after the dialog closed');
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['phone: a double tap or a pinch outside the map does not zoom the page; the map still pinch-zooms', async () => {
      const { context, page, cdp, items } = await openPhone(browser, server.url, PHONE3);
      const scale = () => page.evaluate(() => (window.visualViewport ? window.visualViewport.scale : 1));
      const all = await items();
      const panel = all['add-person'];
      const spots = [{ x: 195, y: PHONE3.viewport.height - 20 },                     // the footer
                     { x: panel.x + panel.w + 30, y: panel.y - 30 },                   // the panel's heading
                     { x: 195, y: (await page.evaluate(() => window.ecomap.layout())).centre.y }];  // the map
      for (const spot of spots) {
        for (let i = 0; i < 2; i++) {
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [spot] });
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await page.waitForTimeout(80);
        }
        await page.waitForTimeout(500);
        assert(await scale() === 1, `a double tap at (${spot.x}, ${spot.y}) zoomed the page to ${await scale()}`);
      }
      const start = await page.evaluate(() => window.ecomap.layout());
      await pinch(page, cdp, 195, PHONE3.viewport.height - 120, 80);  // on the panel, below the map
      await page.waitForTimeout(500);
      assert(await scale() === 1, `a pinch on the panel zoomed the page to ${await scale()}`);
      const still = await page.evaluate(() => window.ecomap.layout());
      assert(still.ring.outer === start.ring.outer, `a pinch on the panel zoomed the map: ${start.ring.outer} -> ${still.ring.outer}`);
      const touchAction = await page.evaluate(() => getComputedStyle(document.body).touchAction);
      assert(touchAction === 'pan-x pan-y', `the page's touch-action is ${touchAction}`);
      const before = await page.evaluate(() => window.ecomap.layout());
      await pinch(page, cdp, before.centre.x, before.centre.y, 60);
      await page.waitForTimeout(300);
      const after = await page.evaluate(() => window.ecomap.layout());
      assert(after.ring.outer > before.ring.outer * 1.5, `the map's pinch: ring ${before.ring.outer} -> ${after.ring.outer}`);
      assert(await scale() === 1, 'the map\'s pinch zoomed the page');
      await context.close();
    }],

    ['preferences: reduced motion and more contrast reach the app, live', async () => {
      const { context, page, problems } = await openApp(browser, server.url + '?map=examples/workshop-25-people.ecomap.json',
                                                         { width: 1000, height: 700 });
      await waitReady(page);
      await page.evaluate(() => window.ecomap.startup);
      await settle(page);
      const prefs = () => page.evaluate(() => window.ecomap.state().preferences);
      let now = await prefs();
      assert(!now.reducedMotion && !now.highContrast, `without preferences: ${JSON.stringify(now)}`);
      const layout = await page.evaluate(() => window.ecomap.layout());
      const region = { x: layout.centre.x - layout.ring.outer, y: layout.centre.y - layout.ring.outer,
                       w: layout.ring.outer * 2, h: layout.ring.outer * 2 };
      const plain = PNG.sync.read(await page.screenshot());
      await page.emulateMedia({ reducedMotion: 'reduce', contrast: 'more' });
      await page.waitForFunction(() => window.ecomap.state().preferences.highContrast, null, { timeout: 5000 });
      await settle(page);
      now = await prefs();
      assert(now.reducedMotion && now.highContrast, `with both preferences: ${JSON.stringify(now)}`);
      // The page's own motion: no transitions (the loading bar).
      const transition = await page.evaluate(() => getComputedStyle(document.querySelector('#progress > div')).transitionDuration);
      assert(/^0s?$/.test(transition), `the progress bar still moves: transition ${transition}`);
      // More contrast: dark edges around the tokens and darker text on the map.
      const strong = PNG.sync.read(await page.screenshot());
      await page.screenshot({ path: join(out, 'contrast-more.png') });
      const before = darkPixels(plain, region), after = darkPixels(strong, region);
      assert(after > before * 1.3 + 50, `dark pixels on the map ${before} -> ${after}: no stronger outlines`);
      // Back to no preference, live.
      await page.emulateMedia({ reducedMotion: 'no-preference', contrast: 'no-preference' });
      await page.waitForFunction(() => !window.ecomap.state().preferences.highContrast, null, { timeout: 5000 });
      now = await prefs();
      assert(!now.reducedMotion, `reduced motion stayed: ${JSON.stringify(now)}`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],
  ];
}
