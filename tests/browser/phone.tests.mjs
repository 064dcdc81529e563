// A participant on a phone (390×844, touch only): add me, pick two roles, add an
// organization, export the JSON; pinch-zoom the map; landscape keeps everything on screen.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, docScreenshot, openPhone, PHONE } from './harness.mjs';

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
