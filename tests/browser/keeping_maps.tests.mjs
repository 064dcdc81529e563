// Never losing a map, as a participant or facilitator would find out: big maps open and
// merge without a crash, opening over a map is undone with Ctrl+Z, two tabs keep two
// maps, Recent maps lists and reopens the others, saved data the app cannot read is kept
// aside and downloadable, broken browser storage is told while the app still starts,
// and a crash shows a screen that downloads the last good map.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, openApp, waitReady } from './harness.mjs';
import { newApp, getMap, getState, addEntity, clickItem, item, focusCanvas, settle, waitFor } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');
const FIXTURE = join(here, '..', 'fixtures', 'v1', 'workshop.json');  // "Eastside coalition retreat": 4 entities

// A generated sample map of `entities` entities (./ecomap sample), made once per run.
async function sampleMap(out, entities) {
  const path = join(out, `sample-${entities}.json`);
  if (!existsSync(path)) {
    const run = spawnSync(join(ROOT, 'ecomap'), ['sample', '--entities', String(entities), '-o', path], { encoding: 'utf8' });
    assert(run.status === 0, `./ecomap sample failed: ${run.stderr}`);
  }
  return readFile(path, 'utf8');
}

// Another tab of the same browser profile.
async function secondTab(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitReady(page);
  await settle(page);
  return page;
}

async function reload(page) {
  await page.reload();
  await waitReady(page);
  await settle(page);
}

const undoKeys = (page) => page.keyboard.press('Control+z');
const flush = (page) => page.evaluate(() => window.ecomap.flushAutosave());

// The record kept in IndexedDB under `id` (the page's own database), or null.
async function storedText(page, id) {
  return page.evaluate((key) => new Promise((resolve, reject) => {
    const open = indexedDB.open('ecomap');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('maps', 'readonly').objectStore('maps').get(key);
      get.onsuccess = () => { open.result.close(); resolve(get.result === undefined ? null : get.result); };
      get.onerror = () => reject(get.error);
    };
  }), id);
}

export function tests({ browser, server, out }) {
  return [
  ['keeping maps: a 2 MB and a 13 MB map open through loadMap() and merge() without a crash', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const small = await sampleMap(out, 3000);   // about 2 MB
    const big = await sampleMap(out, 20000);    // about 13 MB, at the entity limit
    assert(small.length > 1.5e6 && big.length > 12e6, `samples are ${small.length} and ${big.length} bytes`);
    const loaded = await page.evaluate((t) => window.ecomap.loadMap(t), small);
    assert(loaded.ok, `loadMap(2 MB) refused: ${JSON.stringify(loaded.errors)}`);
    assert((await getMap(page)).entities.length === 3000, 'the 2 MB map is not shown after loadMap()');
    const merged = await page.evaluate((t) => window.ecomap.merge([t]), small);
    assert(merged.ok, `merge([2 MB]) refused: ${JSON.stringify(merged.errors)}`);
    await settle(page);

    const second = await newApp(browser, server);
    const intoEmpty = await second.page.evaluate((t) => window.ecomap.merge([t]), big);
    assert(intoEmpty.ok, `merge([13 MB]) refused: ${JSON.stringify(intoEmpty.errors)}`);
    const count = (await getMap(second.page)).entities.length;
    const added = Number((/(\d+) entities added/.exec(intoEmpty.report[0]) || [])[1]);
    assert(count > 10000 && count === added, `${count} entities after merge() of the 13 MB map (${intoEmpty.report[0]})`);
    const reopened = await second.page.evaluate((t) => window.ecomap.loadMap(t), big);
    assert(reopened.ok, `loadMap(13 MB) refused: ${JSON.stringify(reopened.errors)}`);
    await settle(second.page, 300, 60000);
    assert((await getState(second.page)).undoLabel.startsWith('Open'), 'loadMap() of the big map is not an undo step');
    // A text over the 20 MB limit is refused with the reason, and the map is kept.
    const huge = await second.page.evaluate((t) => window.ecomap.loadMap(t + ' '.repeat(8 * 1024 * 1024)), big);
    assert(!huge.ok && /large|MiB|MB|bytes/i.test(huge.errors.join(' ')), `a 21 MB text gave ${JSON.stringify(huge)}`);
    assert((await getMap(second.page)).entities.length === 20000, 'the map changed after a too-large text');
    await second.page.evaluate(() => window.ecomap.flushAutosave());
    for (const p of [problems, second.problems]) assert(p.length === 0, p.join('\n'));
    await second.context.close();
    await context.close();
  }],

  ['keeping maps: Ctrl+Z after Open… or loadMap() brings the previous map back; the previous map is in Recent maps', async () => {
    const { context, page, problems } = await newApp(browser, server);
    await addEntity(page, 'person', 'Amina');
    await settle(page);
    const mine = await getMap(page);
    const text = await readFile(FIXTURE, 'utf8');
    const result = await page.evaluate((t) => window.ecomap.loadMap(t), text);
    assert(result.ok, 'loadMap refused the fixture');
    await settle(page);
    const state = await getState(page);
    assert(state.undoLabel === 'Open Eastside coalition retreat', `undo label after loadMap is "${state.undoLabel}"`);
    const recent = await page.evaluate(() => window.ecomap.recentMaps());
    const kept = recent.find((m) => !m.current && m.entities === 1);
    assert(kept, `the previous map is not in Recent maps: ${JSON.stringify(recent)}`);
    await focusCanvas(page);
    await undoKeys(page);
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).entities.length === 1, null, 'Ctrl+Z to bring Amina back');
    const back = await getMap(page);
    assert(back.entities[0].name === 'Amina' && back.meta.title === mine.meta.title, 'Ctrl+Z did not restore the previous map');

    // Open… over it, then Ctrl+Z again.
    const [picker] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), clickItem(page, 'open')]);
    await picker.setFiles({ name: 'workshop.ecomap.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).entities.length === 4, null, 'the opened file');
    await focusCanvas(page);
    await undoKeys(page);
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).entities.length === 1, null, 'Ctrl+Z after Open…');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['keeping maps: two tabs keep two maps, each restored by its own reload', async () => {
    const { context, page, problems } = await newApp(browser, server);
    await addEntity(page, 'person', 'Amina');
    await flush(page);
    const other = await secondTab(context, server.url);
    assert((await getMap(other)).entities.length === 0, 'the second tab opened the map the first tab is editing');
    const listed = await other.evaluate(() => window.ecomap.recentMaps());
    const first = listed.find((m) => m.entities === 1);
    assert(first && first.openElsewhere === true, `the first tab's map is not marked as open elsewhere: ${JSON.stringify(listed)}`);
    const refused = await other.evaluate((id) => window.ecomap.openRecent(id), first.id);
    assert(!refused.ok, 'the second tab opened the map held by the first');
    await other.bringToFront();
    await clickItem(other, 'dialog-ok');
    await addEntity(other, 'person', 'Bo');
    await flush(other);
    await page.bringToFront();
    await reload(page);
    await other.bringToFront();
    await reload(other);
    const names = async (p) => (await getMap(p)).entities.map((e) => e.name).join(',');
    assert(await names(page) === 'Amina', `the first tab shows [${await names(page)}] after reload`);
    assert(await names(other) === 'Bo', `the second tab shows [${await names(other)}] after reload`);
    // Closed tabs: a new tab opens the most recent map no other tab holds.
    await other.close();
    const third = await secondTab(context, server.url);
    assert(await names(third) === 'Bo', `a new tab after closing the second shows [${await names(third)}], expected Bo`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['keeping maps: a first visit starts without waiting for storage, keeps its map, and finds maps kept before the mark', async () => {
    // A first visit: nothing in this browser yet. The app starts before the database is made;
    // an edit right away is still kept, and a reload brings it back.
    const { context, page, problems } = await newApp(browser, server);
    const mark = await page.evaluate(() => localStorage.getItem('ecomap-maps-kept'));
    assert(mark === null, `a first visit found the mark already set: ${mark}`);
    await addEntity(page, 'person', 'Amina');
    await flush(page);
    assert(await page.evaluate(() => localStorage.getItem('ecomap-maps-kept')) === '1', 'keeping a map did not set the mark');
    await reload(page);
    assert((await getMap(page)).entities.map((e) => e.name).join(',') === 'Amina', 'the first visit\'s map was not kept');
    // A later visit in a new tab (the mark set) waits for the database and continues that map.
    await page.close();
    const later = await secondTab(context, server.url);
    assert((await getMap(later)).entities.map((e) => e.name).join(',') === 'Amina', 'a new tab did not continue the kept map');
    // Maps kept by a version before the mark (or with localStorage cleared alone): a first
    // visit by the mark still finds the most recent one and opens it, as before.
    await later.close();
    const noMark = () => localStorage.removeItem('ecomap-maps-kept');  // before the page's scripts (a closing tab may set it)
    const adopted = await context.newPage();
    adopted.on('pageerror', (err) => problems.push('pageerror: ' + err.message));
    await adopted.addInitScript(noMark);
    await adopted.goto(server.url);
    await waitReady(adopted);
    await waitFor(adopted, () => JSON.parse(window.ecomap.getMap()).entities.length === 1, null,
                  'the map kept before the mark to be opened', 10000);
    assert((await getMap(adopted)).entities[0].name === 'Amina', 'the earlier map was not the one opened');
    assert(await adopted.evaluate(() => localStorage.getItem('ecomap-maps-kept')) === '1', 'finding earlier maps did not set the mark');
    // ... but never over work of the tab's own: a link's map (?map=) stays.
    await adopted.close();
    const linked = await context.newPage();
    await linked.addInitScript(noMark);
    await linked.goto(server.url + '?map=examples/one-person.ecomap.json');
    await waitReady(linked);
    await linked.evaluate(() => window.ecomap.startup);
    await settle(linked);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const title = (await getMap(linked)).meta.title;
    assert(!/Amina/.test((await getMap(linked)).entities.map((e) => e.name).join(',')) && title,
           `the link's map was replaced by an earlier one: ${title}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['keeping maps: recentMaps() lists the kept maps; openRecent() and the Recent maps menu reopen one as an undo step', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const text = await readFile(FIXTURE, 'utf8');
    await page.evaluate((t) => window.ecomap.loadMap(t), text);
    await page.evaluate(() => window.ecomap.loadMap(JSON.stringify({ format: 'ecomap', formatVersion: 2, meta: { title: 'Second' } })));
    await flush(page);
    const list = await page.evaluate(() => window.ecomap.recentMaps());
    for (const m of list) {
      assert(typeof m.id === 'string' && typeof m.title === 'string' && typeof m.entities === 'number' &&
             !Number.isNaN(Date.parse(m.modified)), `a Recent maps entry lacks a field: ${JSON.stringify(m)}`);
    }
    const workshop = list.find((m) => m.title === 'Eastside coalition retreat');
    assert(workshop && workshop.entities === 4 && !workshop.current, `the workshop is not listed: ${JSON.stringify(list)}`);
    assert(list[0].current && list[0].title === 'Second', 'the current map is not the newest entry');
    const opened = await page.evaluate((id) => window.ecomap.openRecent(id), workshop.id);
    assert(opened.ok, `openRecent refused: ${JSON.stringify(opened)}`);
    await settle(page);
    assert((await getMap(page)).meta.title === 'Eastside coalition retreat', 'openRecent did not open the map');
    assert((await getState(page)).undoLabel.startsWith('Open'), 'openRecent is not an undo step');

    // The menu: "Second" is listed; choosing it opens it.
    const second = (await page.evaluate(() => window.ecomap.recentMaps())).find((m) => m.title === 'Second');
    await clickItem(page, 'recent-maps');
    await item(page, `recent:${second.id}`);
    await clickItem(page, `recent:${second.id}`);
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).meta.title === 'Second', null, 'the map chosen in the menu');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['keeping maps: saved data the app cannot read is kept aside, never overwritten, and can be downloaded', async () => {
    const { context, page } = await newApp(browser, server);
    await addEntity(page, 'person', 'Amina');
    await flush(page);
    const id = await page.evaluate(() => sessionStorage.getItem('ecomap-map-id'));
    const unreadable = JSON.stringify({ format: 'ecomap', formatVersion: 999, meta: { title: 'From the future' } });
    await page.evaluate(([key, text]) => new Promise((resolve, reject) => {
      const open = indexedDB.open('ecomap');
      open.onsuccess = () => {
        const tx = open.result.transaction('maps', 'readwrite');
        tx.objectStore('maps').put(text, key);
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), [id, unreadable]);
    await reload(page);
    const { dialog } = await getState(page);
    assert(dialog && /could not be opened/.test(dialog.title) && /kept aside/.test(dialog.message),
           `no dialog about the unreadable map: ${JSON.stringify(dialog)}`);
    assert(await page.isVisible('#ecomap-aside'), 'no notice with a download for the unreadable map');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#ecomap-aside-download')]);
    const path = join(out, 'unreadable-download.json');
    await download.saveAs(path);
    assert(await readFile(path, 'utf8') === unreadable, 'the download is not the saved data');
    await clickItem(page, 'dialog-ok');
    await addEntity(page, 'person', 'Bo');
    await flush(page);
    assert(await storedText(page, id) === unreadable, 'the unreadable data was overwritten by the next edit');
    const listed = await page.evaluate(() => window.ecomap.recentMaps());
    assert(!listed.some((m) => m.id === id), 'the unreadable map is offered in Recent maps');
    await context.close();
  }],

  ['keeping maps: a hanging or missing IndexedDB is told ("use Save JSON") and the app still starts', async () => {
    for (const [how, init] of [
      ['hanging open', () => { indexedDB.open = () => ({}); }],
      ['no IndexedDB', () => { Object.defineProperty(window, 'indexedDB', { value: undefined }); }]]) {
      const started = Date.now();
      const { context, page } = await openApp(browser, server.url, { init });
      await waitReady(page, 30000);
      const seconds = (Date.now() - started) / 1000;
      assert(seconds < 20, `${how}: the app took ${seconds.toFixed(1)} s to start`);
      // A first visit does not wait for the database: storage is ready long before it gives up (3 s).
      const ready = await page.evaluate(() => performance.getEntriesByName('ecomap:storage-ready')[0].startTime);
      assert(ready < 2500, `${how}: the start-up waited ${ready.toFixed(0)} ms for storage`);
      // A first visit starts without waiting for the database: the warning comes when it gives up (3 s).
      await waitFor(page, () => { const box = document.getElementById('ecomap-storage-warning'); return box && !box.hidden; },
                    null, `${how}: the storage warning`, 10000).catch(() => {});
      const text = await page.textContent('#ecomap-storage-warning');
      assert(await page.isVisible('#ecomap-storage-warning') && /not being saved in this browser: use Save JSON/.test(text),
             `${how}: no storage warning (got "${text}")`);
      await addEntity(page, 'person', 'Amina');
      assert((await getMap(page)).entities.length === 1, `${how}: the app does not edit`);
      await context.close();
    }
  }],

  ['keeping maps: a crash shows a screen whose button downloads the last good map', async () => {
    const { context, page } = await newApp(browser, server);
    await addEntity(page, 'person', 'Amina');
    await flush(page);
    await page.evaluate(() => { try { Module.ecomapBridge.call('debugAbort'); } catch (error) { /* the abort */ } });
    await page.waitForSelector('#status.error', { timeout: 5000 });
    const title = await page.textContent('#status-title');
    assert(/stopped/.test(title), `crash screen title is "${title}"`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#crash-download')]);
    const path = join(out, 'crash-download.json');
    await download.saveAs(path);
    const saved = JSON.parse(await readFile(path, 'utf8'));
    assert(saved.entities.length === 1 && saved.entities[0].name === 'Amina', 'the crash download is not the last map');
    await context.close();
  }],
  ];
}
