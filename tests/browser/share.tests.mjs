// Share links: a 30-entity map fits in 2,000 characters and opens the same map in a fresh
// browser, as a new map (the previous one stays in Recent maps); the Share link panel shows
// the link and a QR code that reads back as the link; crafted links (a decompression bomb,
// bad base64, another version) are refused with a message and the map is kept; a map too
// big for a link says so and offers a file.
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { newApp, assert, getMap, getState, clickItem, waitFor, settle } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE = join(ROOT, 'maps/examples/workshop-25-people.ecomap.json');
const b64url = (bytes) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const summary = (map) => ({
  title: map.meta.title,
  entities: map.entities.map((e) => `${e.kind}:${e.name}`),
  placements: map.placements.map((p) => `${map.entities.findIndex((e) => e.id === p.entity)}:${p.role}:${p.strength}`),
  relationships: map.relationships.length,
  votes: map.votes,
});

export function tests({ browser, server, out }) {
  return [
    ['share link: a 30-entity map fits in 2,000 characters and opens the same map in a fresh browser, as a new map', async () => {
      const text = await readFile(EXAMPLE, 'utf8');
      const sender = await newApp(browser, server);
      assert((await sender.page.evaluate((t) => window.ecomap.loadMap(t), text)).ok, 'the example map did not load');
      const url = await sender.page.evaluate(() => window.ecomap.shareLink());
      const original = await getMap(sender.page);
      assert(original.entities.length === 30, `the example has ${original.entities.length} entities`);
      assert(url.length <= 2000, `the link of a 30-entity map is ${url.length} characters`);
      assert(new URL(url).hash.startsWith('#map=1.') && new URL(url).search === '', `the map is not in the fragment: ${url.slice(0, 80)}`);

      // The Share link panel: the same link, and a QR code that reads back as it.
      await clickItem(sender.page, 'share');
      await sender.page.waitForSelector('#share-link', { timeout: 10000 });
      assert((await sender.page.inputValue('#share-link')) === url, 'the panel shows another link');
      console.log(`       the link of the 30-entity example: ${url.length} characters`);
      await sender.page.screenshot({ path: join(out, 'share-panel.png') });
      const qrPath = join(out, 'share-qr.png');
      await sender.page.locator('#share-panel canvas').screenshot({ path: qrPath });
      const scanned = execFileSync('zbarimg', ['--raw', '-q', qrPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      assert(scanned === url, `the QR code reads "${scanned.slice(0, 60)}…", not the link`);
      await sender.context.close();

      // A fresh browser (a new context: nothing kept) that already has a map of its own.
      const receiver = await newApp(browser, server);
      const own = await receiver.page.evaluate(() => window.ecomap.loadMap(JSON.stringify({ format: 'ecomap', formatVersion: 2,
        meta: { title: 'My own map' }, entities: [{ id: 'e1', kind: 'person', name: 'Me' }] })));
      assert(own.ok, 'the receiver map did not load');
      await receiver.page.evaluate(() => window.ecomap.flushAutosave());
      await receiver.page.goto(url);
      await receiver.page.waitForFunction(() => window.ecomap && window.ecomap.linkOpened, null, { timeout: 60000 });
      await receiver.page.evaluate(() => window.ecomap.linkOpened);
      const opened = await getMap(receiver.page);
      assert(JSON.stringify(summary(opened)) === JSON.stringify(summary(original)), 'the link opened another map');
      assert(!receiver.page.url().includes('#map='), 'the link stays in the address bar (a reload would open it again)');
      const recent = await receiver.page.evaluate(() => window.ecomap.recentMaps());
      assert(recent.some((m) => m.title === 'My own map'), `the previous map is not in Recent maps: ${recent.map((m) => m.title)}`);
      assert(receiver.problems.length === 0, receiver.problems.join('\n'));
      await receiver.context.close();
    }],

    ['share link: a decompression bomb, bad base64 and another version are refused with a message; the map is kept', async () => {
      const app = await newApp(browser, server);
      await app.page.evaluate(() => window.ecomap.loadMap(JSON.stringify({ format: 'ecomap', formatVersion: 2,
        meta: { title: 'Kept' }, entities: [{ id: 'e1', kind: 'person', name: 'Still here' }] })));
      const bomb = b64url(deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 }));  // 64 MB of spaces in ~64 KB
      const cases = [
        [`#map=1.${bomb}`, 'larger than 20 MB'],
        ['#map=1.@@not*base64', 'the link is damaged'],
        ['#map=1.' + b64url(Buffer.from('not deflated at all')), 'the link is damaged'],
        ['#map=7.' + b64url(deflateRawSync(Buffer.from('{"v":7}'))), 'another version of ecomap'],
        ['#map=1.' + b64url(deflateRawSync(Buffer.from('{"v":1,"e":[[0,"A"]],"p":[[4,0]]}'))), 'points at nothing'],
      ];
      for (const [hash, words] of cases) {
        await app.page.evaluate((h) => { window.location.hash = h; }, hash);
        await waitFor(app.page, () => window.ecomap.state().dialog !== null, null, `a message for ${hash.slice(0, 30)}`, 20000);
        const state = await getState(app.page);
        assert(state.dialog.title === 'The map in this link could not be opened' && state.dialog.message.includes(words),
               `${hash.slice(0, 30)}: the message is "${state.dialog.message}"`);
        const map = await getMap(app.page);
        assert(map.meta.title === 'Kept' && map.entities.length === 1, `${hash.slice(0, 30)} changed the map`);
        await clickItem(app.page, 'dialog-ok').catch(async () => { await app.page.keyboard.press('Escape'); });
        await waitFor(app.page, () => window.ecomap.state().dialog === null, null, 'the message to close');
      }
      await app.context.close();
    }],

    ['share link: a map too big for a link says so and offers a file', async () => {
      const app = await newApp(browser, server);
      const entities = Array.from({ length: 600 }, (_, i) => ({ id: `e${i}`, kind: 'person', name: `Participant number ${i} of the big workshop` }));
      await app.page.evaluate((e) => window.ecomap.loadMap(JSON.stringify({ format: 'ecomap', formatVersion: 2, meta: { title: 'Big' }, entities: e })), entities);
      const error = await app.page.evaluate(() => window.ecomap.shareLink().then(() => null, (e) => ({ message: e.message, tooBig: e.tooBig })));
      assert(error && error.tooBig && /too big for a link/.test(error.message) && /Save JSON/.test(error.message),
             `shareLink() of a 600-entity map: ${JSON.stringify(error)}`);
      await clickItem(app.page, 'share');
      await app.page.waitForSelector('#share-error', { timeout: 10000 });
      assert(await app.page.isVisible('#share-panel >> text=Save JSON'), 'the panel does not offer Save JSON');
      await settle(app.page);
      await app.context.close();
    }],
  ];
}
