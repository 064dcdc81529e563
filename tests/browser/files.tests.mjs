// Files and persistence as a participant meets them: the map survives a reload
// (autosave in IndexedDB), Save JSON downloads the file, Open… and a dropped file open
// a map, a broken file is refused with a readable reason and the map is kept; and the
// window.ecomap API for embedding pages (loadMap, onChange).
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { PNG } from 'pngjs';
import {
  assert, newApp, getMap, getState, getLayout, clickItem, clickEmptyMap, addEntity, placeFromList, settle, waitFor,
  differingShare,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'v1', 'workshop.json');  // a valid map: 4 entities, 5 placements, 2 links

// Where two parsed maps first differ, as "path: a vs b" (for failure messages).
function firstDifference(a, b, path = '') {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path || '(root)'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

// A screenshot of the map alone (no selection, no hover), decoded.
async function mapShot(page, path) {
  await clickEmptyMap(page);
  await page.mouse.move(1, 1);
  await settle(page);
  return PNG.sync.read(await page.screenshot(path ? { path } : {}));
}

// Puts a map on the page quickly (through the API) for tests that are not about editing.
async function loadText(page, text) {
  const result = await page.evaluate((t) => window.ecomap.loadMap(t), text);
  assert(result.ok, `loadMap refused the fixture: ${JSON.stringify(result.errors)}`);
  await settle(page);
}

// The map opened from the fixture shows the fixture's people, roles and links.
function checkOpened(map, fixture, layout, how) {
  const names = (m) => m.entities.map((e) => e.name).sort().join(', ');
  assert(map.meta.title === fixture.meta.title, `${how}: title is "${map.meta.title}", expected "${fixture.meta.title}"`);
  assert(names(map) === names(fixture), `${how}: entities are [${names(map)}], expected [${names(fixture)}]`);
  const roles = (m) => m.placements.map((p) => `${p.entity}@${p.role}`).sort().join(', ');
  assert(roles(map) === roles(fixture), `${how}: placements are [${roles(map)}], expected [${roles(fixture)}]`);
  assert(map.relationships.length === fixture.relationships.length,
         `${how}: ${map.relationships.length} links, expected ${fixture.relationships.length}`);
  assert(layout.tokens.length === fixture.placements.length,
         `${how}: ${layout.tokens.length} tokens drawn, expected ${fixture.placements.length}`);
}

// Drops a file onto the page the way a browser does: dragover, then drop with a DataTransfer.
async function dropFile(page, name, text, at = [400, 400]) {
  const data = await page.evaluateHandle(([n, t]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([t], n, { type: 'application/json' }));
    return transfer;
  }, [name, text]);
  await page.mouse.move(at[0], at[1]);
  await page.dispatchEvent('#canvas', 'dragenter', { dataTransfer: data });
  await page.dispatchEvent('#canvas', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: data });
  await data.dispose();
}

async function openThroughPicker(page, name, text) {
  // Promise.all: a failed click must not leave the waiter's rejection unhandled (it would stop the runner).
  const [picker] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), clickItem(page, 'open')]);
  await picker.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

export function tests({ browser, server, out }) {
  return [
  ['files: the map is autosaved and restored exactly after a reload (saved within ~1 s, without a flush)', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const person = await addEntity(page, 'person', 'Amina');
    await placeFromList(page, person, 'weavers');
    const before = await getMap(page);
    const shotBefore = await mapShot(page, join(out, 'autosave-before.png'));

    // Without flushAutosave: another tab of the same browser profile sees the map kept
    // after ~1 s (in Recent maps, marked as open here: each tab keeps its own map).
    await page.waitForTimeout(1500);
    const other = await context.newPage();
    await other.goto(server.url);
    await other.waitForFunction(() => window.ecomap && window.ecomap.ready, null, { timeout: 60000 });
    await other.evaluate(() => window.ecomap.ready);
    const listed = await other.evaluate(() => window.ecomap.recentMaps());
    const kept = listed.find((m) => m.title === before.meta.title && m.entities === 1);
    assert(kept && kept.openElsewhere, `a new tab 1.5 s after the edit (no flush) does not list the edited map: ${JSON.stringify(listed)}`);
    assert(JSON.parse(await other.evaluate(() => window.ecomap.getMap())).entities.length === 0,
           'the new tab opened the map another tab is editing');
    await other.close();

    await page.evaluate(() => window.ecomap.flushAutosave());
    await page.reload();
    await page.waitForFunction(() => window.ecomap && window.ecomap.ready, null, { timeout: 60000 });
    await page.evaluate(() => window.ecomap.ready);
    await settle(page);
    const after = await getMap(page);
    assert(isDeepStrictEqual(after, before), `after reload getMap() differs at ${firstDifference(after, before)}`);
    const state = await getState(page);
    assert(!state.canUndo, 'a restored map has undo history from before the reload');
    // The restored map looks the same (the footer message differs: a small tolerance).
    const shotAfter = await mapShot(page, join(out, 'autosave-after.png'));
    const share = differingShare(shotBefore, shotAfter);
    assert(share < 0.01, `${(share * 100).toFixed(2)}% of the pixels differ between before and after the reload`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['files: Save JSON downloads <title>.ecomap.json with the map', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const fixture = await readFile(FIXTURE, 'utf8');
    await loadText(page, fixture);
    const title = JSON.parse(fixture).meta.title;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), clickItem(page, 'save-json')]);
    assert(download.suggestedFilename() === `${title}.ecomap.json`,
           `download is named "${download.suggestedFilename()}", expected "${title}.ecomap.json"`);
    const path = join(out, download.suggestedFilename());
    await download.saveAs(path);
    const text = await readFile(path, 'utf8');
    const current = await page.evaluate(() => window.ecomap.getMap());
    assert(text === current, 'the downloaded file differs from getMap()');
    const saved = JSON.parse(text);
    assert(saved.format === 'ecomap' && Number.isInteger(saved.formatVersion) && saved.formatVersion >= 1,
           `format is ${saved.format} v${saved.formatVersion}`);
    assert(saved.entities.length === 4, `the saved file has ${saved.entities.length} entities, expected 4`);
    await waitFor(page, (n) => window.ecomap.state().status.includes(n), download.suggestedFilename(), 'the "Saved" status');

    // A new map saves under the default title.
    await page.evaluate(() => window.ecomap.loadMap(JSON.stringify({ format: 'ecomap', formatVersion: 1 })));
    await settle(page);
    const [second] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), clickItem(page, 'save-json')]);
    const untitled = second.suggestedFilename();
    assert(/\.ecomap\.json$/.test(untitled) && !/[/\\:*?"<>|]/.test(untitled), `default file name is "${untitled}"`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['files: Open… opens a map file; a truncated file is refused with the reason and the map is kept', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const text = await readFile(FIXTURE, 'utf8');
    const fixture = JSON.parse(text);
    await openThroughPicker(page, 'workshop.ecomap.json', text);
    await waitFor(page, (n) => JSON.parse(window.ecomap.getMap()).entities.length === n, fixture.entities.length,
                  'the opened map');
    await settle(page);
    const opened = await getMap(page);
    checkOpened(opened, fixture, await getLayout(page), 'Open…');
    assert((await getState(page)).dialog === null, `opening a valid file showed a dialog: ${JSON.stringify((await getState(page)).dialog)}`);

    await openThroughPicker(page, 'broken.ecomap.json', text.slice(0, Math.floor(text.length / 2)));
    await waitFor(page, () => window.ecomap.state().dialog !== null, null, 'a dialog about the broken file');
    const { dialog } = await getState(page);
    assert(dialog.title === 'This file could not be opened', `dialog title is "${dialog.title}"`);
    assert(/JSON|line \d+|column \d+/i.test(dialog.message) && /broken\.ecomap\.json/.test(dialog.message),
           `dialog message does not give the file and the reason: "${dialog.message}"`);
    const kept = await getMap(page);
    assert(isDeepStrictEqual(kept, opened), 'the map changed after a broken file was refused');
    await clickItem(page, 'dialog-ok');
    await waitFor(page, () => window.ecomap.state().dialog === null, null, 'OK to close the dialog');
    assert(isDeepStrictEqual(await getMap(page), opened), 'the map changed after closing the dialog');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['files: a file dropped onto the page opens, and looks the same as the map loaded another way', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const text = await readFile(FIXTURE, 'utf8');
    const fixture = JSON.parse(text);
    await dropFile(page, 'workshop.ecomap.json', text);
    await waitFor(page, (n) => JSON.parse(window.ecomap.getMap()).entities.length === n, fixture.entities.length,
                  'the dropped map to open');
    await settle(page);  // layout() describes the last frame drawn: let the dropped map be drawn
    checkOpened(await getMap(page), fixture, await getLayout(page), 'drop');
    const dropped = await mapShot(page, join(out, 'dropped.png'));

    // A broken file dropped is refused like one picked.
    const before = await getMap(page);
    await dropFile(page, 'notes.txt', 'these are not the notes you are looking for');
    await waitFor(page, () => window.ecomap.state().dialog !== null, null, 'a dialog about the dropped text file');
    assert(isDeepStrictEqual(await getMap(page), before), 'the map changed after a broken file was dropped');
    await clickItem(page, 'dialog-ok');

    // The same file loaded through the API in a fresh context renders the same picture.
    const second = await newApp(browser, server);
    await loadText(second.page, text);
    const loaded = await mapShot(second.page, join(out, 'loaded.png'));
    const share = differingShare(dropped, loaded);
    assert(share < 0.01, `${(share * 100).toFixed(2)}% of the pixels differ between the dropped and the loaded map`);
    await second.context.close();
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['files: loadMap() refuses garbage with an error and keeps the map; accepts a valid map', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const text = await readFile(FIXTURE, 'utf8');
    await loadText(page, text);
    const before = await getMap(page);
    for (const garbage of ['', 'garbage', '{"format": "ecomap"', '[1, 2, 3]', '{"format": "excalidraw"}', '\u0000\u0001']) {
      const result = await page.evaluate((t) => window.ecomap.loadMap(t), garbage);
      assert(result.ok === false, `loadMap(${JSON.stringify(garbage)}) returned ok: ${result.ok}`);
      assert(Array.isArray(result.errors) && result.errors.length > 0 && result.errors.every((e) => typeof e === 'string' && e.length > 0),
             `loadMap(${JSON.stringify(garbage)}) gave errors ${JSON.stringify(result.errors)}`);
      assert(isDeepStrictEqual(await getMap(page), before), `loadMap(${JSON.stringify(garbage)}) changed the map`);
    }
    const fresh = await newApp(browser, server);
    const other = await fresh.page.evaluate(() => window.ecomap.getMap());
    await fresh.context.close();
    const result = await page.evaluate((t) => window.ecomap.loadMap(t), other);
    assert(result.ok === true && result.errors.length === 0, `loadMap(valid) returned ${JSON.stringify(result)}`);
    const now = await getMap(page);
    assert(now.entities.length === 0 && isDeepStrictEqual(now, JSON.parse(other)), 'loadMap(valid) did not replace the map');
    await settle(page);
    assert((await getLayout(page)).tokens.length === 0, 'tokens of the old map are still drawn');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['files: onChange() calls back after an edit, with the new revision; unsubscribing stops it', async () => {
    const { context, page, problems } = await newApp(browser, server);
    await page.evaluate(() => {
      window.changes = [];
      window.stopChanges = window.ecomap.onChange((event) => window.changes.push(event.revision));
    });
    await addEntity(page, 'person', 'Amina');
    await waitFor(page, () => window.changes.length > 0, null, 'an onChange callback after adding a person');
    await settle(page);
    const { revision } = await getState(page);
    const changes = await page.evaluate(() => window.changes);
    assert(changes[changes.length - 1] === revision, `last callback revision ${changes[changes.length - 1]}, state revision ${revision}`);
    assert(changes.every((r, i) => i === 0 || r > changes[i - 1]), `revisions are not increasing: ${changes}`);
    await page.evaluate(() => { window.stopChanges(); window.changes = []; });
    await clickItem(page, 'undo');
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).entities[0]?.name !== 'Amina', null, 'Undo');
    await settle(page);
    assert((await page.evaluate(() => window.changes.length)) === 0, 'the callback ran after unsubscribing');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ];
}
