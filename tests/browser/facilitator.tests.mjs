// The facilitator's tools as a facilitator meets them: merge participants' maps into a
// group map, read counts and gaps (side list, table, the ring), present the map on a
// wall (large type, spotlight, keyboard), hide names (screen and exports), record dot
// votes and keep them through Save JSON / Open…, and hand out a map by link (?map=).
// Checks read the saved file format, the screen, or the text the app drew
// (window.ecomap.renderedText()), never the app's internals.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import {
  openApp, waitReady, assert, docScreenshot,
  getMap, getState, getLayout, getItems, item, clickItem, settle, waitFor, input, roleSpot, pixel,
} from './harness.mjs';

// [SECTION] Participants' maps

// Three participants. The organization appears in two maps under the same name, so the
// merge folds it into one entity with two roles.
const PARTICIPANTS = [
  { title: 'Map of Amina', entities: [
    { id: 'p1', kind: 'person', name: 'Amina Okafor', roles: [['weavers', 'primary'], ['guides', 'aspiring']] },
    { id: 'o1', kind: 'organization', name: 'Eastside Tenants Union', roles: [['builders', 'primary']] }] },
  { title: 'Map of Bruno', entities: [
    { id: 'p1', kind: 'person', name: 'Bruno Sato', roles: [['weavers', 'secondary'], ['storytellers', 'primary']] },
    { id: 'o1', kind: 'organization', name: 'Eastside Tenants Union', roles: [['frontline-responders', 'primary']] }] },
  { title: 'Map of Chen', entities: [
    { id: 'p1', kind: 'person', name: 'Chen Wei', roles: [['disruptors', 'primary']] },
    { id: 'n1', kind: 'network', name: 'Harbor Climate Network', roles: [['weavers', 'primary']] }] },
];
// Every word of a name, title or provenance that must not show while names are hidden.
const NAME_WORDS = ['Amina', 'Okafor', 'Bruno', 'Sato', 'Chen', 'Wei', 'Eastside', 'Tenants', 'Harbor', 'Climate'];

function mapText({ title, entities, votes = {} }) {
  let placement = 0;
  return JSON.stringify({
    format: 'ecomap', formatVersion: 2,
    meta: { title, created: '2026-11-26T10:00:00Z', modified: '2026-11-26T10:00:00Z' },
    entities: entities.map(({ id, kind, name }) => ({ id, kind, name, anonymous: false, notes: '', source: '' })),
    placements: entities.flatMap(({ id, roles }) => roles.map(([role, strength]) => (
      { id: `pl${++placement}`, entity: id, role, strength, energy: '', context: '' }))),
    relationships: [], reflections: {}, votes,
  });
}

// A participant with `k` people and organizations spread over the roles (for the timing).
const ROLE_IDS = ['weavers', 'experimenters', 'frontline-responders', 'visionaries', 'builders', 'caregivers',
                  'disruptors', 'healers', 'storytellers', 'guides'];
function generatedParticipant(n, k) {
  const entities = [];
  for (let i = 0; i < k; i++) {
    const kind = i % 3 === 2 ? 'organization' : 'person';
    const name = kind === 'person' ? `Person ${n}-${i}` : `Organization ${(n * 7 + i) % 23}`;
    const roles = [[ROLE_IDS[(n + i * 3) % 10], 'primary']];
    if (i % 2 === 0) roles.push([ROLE_IDS[(n * 2 + i) % 10], i % 4 === 0 ? 'secondary' : 'aspiring']);
    entities.push({ id: `e${i + 1}`, kind, name, roles });
  }
  return mapText({ title: `Participant ${n}`, entities });
}

// [SECTION] Helpers

async function newApp(browser, server, { width = 1280, height = 800, path = '' } = {}) {
  const app = await openApp(browser, server.url + path, { width, height });
  await waitReady(app.page);
  await app.page.evaluate(() => window.ecomap.startup);
  await settle(app.page);
  return app;
}

const renderedText = (page) => page.evaluate(() => window.ecomap.renderedText());
const press = (page, key) => input(page, () => page.keyboard.press(key));

// The keyboard goes to the canvas: focus it without clicking a widget.
async function focusCanvas(page) {
  await page.evaluate(() => document.getElementById('canvas').focus());
}

// Tabs, table headers and rows take a click only once hovered in an earlier frame
// (ImGui's rule for items that allow overlap), as with a real pointer.
async function hoverClick(page, name) {
  const it = await item(page, name);
  await input(page, async () => {  // two moves: the pointer may already be there (no event, no frame)
    await page.mouse.move(it.x + it.w / 2 - 4, it.y + it.h / 2);
    await page.mouse.move(it.x + it.w / 2, it.y + it.h / 2);
  });
  await input(page, () => page.mouse.down());  // press and release in separate frames, as a hand does
  await input(page, () => page.mouse.up());
}

// Clicks a side panel tab and waits until its content is drawn.
async function openTab(page, tab) {
  const first = { map: 'add-person', counts: 'counts:weavers', table: 'table-header:0' }[tab];
  for (let attempt = 0; ; attempt++) {  // slow software-GL frames can swallow a click; a person clicks again
    await hoverClick(page, `tab-${tab}`);
    try {
      await waitFor(page, (name) => Boolean(window.ecomap.uiItems()[name]), first, `the ${tab} tab to open`, 3000);
      break;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
  await settle(page);
}

async function mergeThroughPicker(page) {
  await openTab(page, 'counts');
  // Headless Chromium takes a few seconds to report this multiple-file chooser.
  const chooser = page.waitForEvent('filechooser', { timeout: 20000 });
  chooser.catch(() => {});
  await hoverClick(page, 'side:merge-maps').catch(() => {});  // the page may draw nothing until the chooser is handled
  const picker = await chooser;
  assert(picker.isMultiple(), 'the merge picker does not accept several files');
  await picker.setFiles(PARTICIPANTS.map((p, i) => (
    { name: `participant-${i + 1}.ecomap.json`, mimeType: 'application/json', buffer: Buffer.from(mapText(p)) })));
  await waitFor(page, () => { const d = window.ecomap.state().dialog; return d && d.title === 'Group map'; }, null,
                'the "Group map" report after merging');
}

async function loadGroupMap(page) {
  const result = await page.evaluate((texts) => window.ecomap.merge(texts), PARTICIPANTS.map(mapText));
  assert(result.ok, `merge() failed: ${JSON.stringify(result.errors)}`);
  await page.evaluate(() => window.ecomap.state());
  await settle(page);
}

async function closeDialog(page) {
  if ((await getState(page)).dialog) await clickItem(page, 'dialog-ok');
  await settle(page);
}

function countsOf(map) {  // role -> {people, organizations, networks}, distinct entities
  const kind = Object.fromEntries(map.entities.map((e) => [e.id, e.kind]));
  const out = {};
  for (const role of ROLE_IDS) {
    const ids = new Set(map.placements.filter((p) => p.role === role).map((p) => p.entity));
    out[role] = { person: 0, organization: 0, network: 0 };
    for (const id of ids) out[role][kind[id]]++;
  }
  return out;
}

function namesIn(text) { return NAME_WORDS.filter((word) => text.includes(word)); }

// The text of the "ecomap" iTXt chunk of a PNG (keyword, 0, flags, 0, 0, text).
function pngDocument(bytes) {
  const buffer = Buffer.from(bytes);
  for (let at = 8; at + 8 <= buffer.length;) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    if (type === 'iTXt') {
      const data = buffer.subarray(at + 8, at + 8 + length);
      const keywordEnd = data.indexOf(0);
      if (data.toString('latin1', 0, keywordEnd) === 'ecomap') {
        let p = keywordEnd + 3;                 // NUL, compression flag, method
        p = data.indexOf(0, p) + 1;             // language tag
        p = data.indexOf(0, p) + 1;             // translated keyword
        return data.subarray(p).toString('utf8');
      }
    }
    at += 12 + length;
  }
  return null;
}

// [SECTION] Tests

export function tests({ browser, server, out }) {
  return [
  ['facilitator: Merge maps… takes three participant files; counts and gaps follow; one undo step', async () => {
    const { context, page, problems } = await newApp(browser, server);
    await mergeThroughPicker(page);
    const state = await getState(page);
    assert(state.dialog.message.startsWith('3 maps merged'), `report says "${state.dialog.message}"`);
    assert(state.dialog.details.some((line) => line.includes('Eastside Tenants Union')),
           `the report does not say the organization was merged: ${JSON.stringify(state.dialog.details)}`);
    await closeDialog(page);
    const map = await getMap(page);
    const kinds = map.entities.map((e) => e.kind).sort().join(',');
    assert(kinds === 'network,organization,person,person,person', `group map entities are ${kinds}`);
    const counts = countsOf(map);
    const want = { weavers: [2, 0, 1], builders: [0, 1, 0], 'frontline-responders': [0, 1, 0], storytellers: [1, 0, 0],
                   disruptors: [1, 0, 0], guides: [1, 0, 0], experimenters: [0, 0, 0], visionaries: [0, 0, 0],
                   caregivers: [0, 0, 0], healers: [0, 0, 0] };
    for (const [role, [people, orgs, nets]] of Object.entries(want)) {
      const got = counts[role];
      assert(got.person === people && got.organization === orgs && got.network === nets,
             `${role}: ${JSON.stringify(got)} in the group map, expected ${people} people, ${orgs} orgs, ${nets} networks`);
    }
    // The Counts list says the same, and calls out the empty roles.
    const text = await renderedText(page);
    assert(text.includes('Missing: Experimenters, Visionaries, Caregivers, Healers'), `no "Missing" line in:\n${text}`);
    assert(text.includes('2 people · 0 organizations · 1 network'), 'Weavers\' counts are not shown');
    assert(text.includes('primary 2 · secondary 1 · aspiring 0'), 'Weavers\' strengths are not shown');
    assert(text.includes('0 people · 1 organization'), 'the organization\'s roles are not counted');
    // Empty roles are marked on the map while the Counts tab is open.
    assert((text.match(/^empty$/gm) || []).length === 4, 'the map does not mark the 4 empty roles');
    // The table lists every entity with its roles, and sorts.
    await openTab(page, 'table');
    const table = await renderedText(page);
    assert(table.includes('Weavers (secondary); Storytellers (primary)'), `Bruno's roles are not in the table:\n${table}`);
    assert(table.includes('Frontline Responders (primary); Builders (primary)'), 'the merged organization has not both roles');
    const order = (t) => ['Amina Okafor', 'Bruno Sato', 'Chen Wei', 'Eastside Tenants Union', 'Harbor Climate Network']
      .map((name) => t.indexOf(name, t.indexOf('Name')));  // in the table (the map's tokens are drawn first)
    const ascending = order(table);
    assert(ascending.every((v, i) => v >= 0 && (i === 0 || v > ascending[i - 1])), 'the table is not sorted by name');
    await hoverClick(page, 'table-header:0');  // descending
    const sorted = await renderedText(page);
    const descending = order(sorted);
    assert(descending.every((v, i) => i === 0 || v < descending[i - 1]),
           `a click on "Name" does not reverse the order (${descending}):\n${sorted}`);
    // Undo takes the whole merge back.
    await focusCanvas(page);
    await press(page, 'Control+z');
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).entities.length === 0, null, 'one undo to remove the merge');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['facilitator: presentation at 1920x1080: full window, large high-contrast text, counts on the ring, spotlight', async () => {
    const { context, page, problems } = await newApp(browser, server, { width: 1920, height: 1080 });
    await loadGroupMap(page);
    await closeDialog(page);
    const normal = await getLayout(page);
    await focusCanvas(page);
    await press(page, 'p');
    await waitFor(page, () => window.ecomap.state().presenting, null, 'P to start presenting');
    await settle(page);
    const layout = await getLayout(page);
    const items = await getItems(page);
    for (const hidden of ['open', 'tab-map', 'status', 'add-person'])
      assert(!items[hidden], `"${hidden}" is still on screen while presenting`);
    assert(layout.area.x === 0 && layout.area.y === 0 && layout.area.w === 1920 && layout.area.h === 1080,
           `the map area is ${JSON.stringify(layout.area)}, not the whole window`);
    assert(layout.labelPx >= 30 && layout.labelPx > normal.labelPx * 1.3,
           `role labels are ${layout.labelPx.toFixed(1)} px presenting (${normal.labelPx.toFixed(1)} px normally)`);
    let text = await renderedText(page);
    assert(text.includes('2 people · 0 orgs · 1 network'), `Weavers' counts are not on the ring:\n${text}`);
    assert(text.includes('4 roles missing'), 'the title block does not say 4 roles are missing');
    // A click on Weavers puts it in the spotlight: who is there, in large type.
    const weavers = roleSpot(layout, 'weavers', 0.5);
    await input(page, () => page.mouse.click(weavers[0], weavers[1]));
    await waitFor(page, () => window.ecomap.state().spotlight === 'weavers', null, 'a click on Weavers to spotlight it');
    await page.mouse.move(5, 1075);
    await settle(page, 400);  // frames are slow on SwiftShader at this size
    text = await renderedText(page);
    for (const name of ['Amina Okafor', 'Bruno Sato', 'Harbor Climate Network'])
      assert(text.includes(name), `the spotlight card does not list ${name}`);
    const card = await item(page, 'spotlight-name');
    assert(card.h >= 36, `the spotlight title is ${card.h} px high`);
    const png = PNG.sync.read(await docScreenshot(page, out, 'presentation-1920x1080.png'));
    // High contrast: white page, black text beside each role label.
    const corner = pixel(png, 1910, 1070);
    assert(corner.every((v) => v >= 250), `the background is rgb(${corner}), not white`);
    const spotlit = await getLayout(page);
    for (const role of spotlit.roles) {
      let darkest = 255;
      for (let dy = -40; dy <= 40; dy += 2)
        for (let dx = -160; dx <= 160; dx += 2) {
          const x = role.label.x + dx, y = role.label.y + dy;
          if (x < 0 || y < 0 || x >= 1920 || y >= 1080) continue;
          darkest = Math.min(darkest, Math.max(...pixel(png, x, y)));
        }
      assert(darkest < 40, `the label of ${role.name} has no near-black pixel (darkest ${darkest})`);
    }
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['facilitator: presentation keys (arrows between roles, Esc), ?present on the URL, present() in the API', async () => {
    const { context, page, problems } = await newApp(browser, server, { path: '?present' });
    let state = await getState(page);
    assert(state.presenting, '?present did not start presentation mode');
    await focusCanvas(page);
    await press(page, 'ArrowRight');
    assert((await getState(page)).spotlight === 'weavers', 'ArrowRight does not spotlight the first role');
    await press(page, 'ArrowRight');
    assert((await getState(page)).spotlight === 'experimenters', 'ArrowRight does not move clockwise');
    await press(page, 'ArrowLeft');
    await press(page, 'ArrowLeft');
    assert((await getState(page)).spotlight === 'guides', 'ArrowLeft does not wrap to the last role');
    await press(page, 'Escape');
    state = await getState(page);
    assert(state.presenting && state.spotlight === '', 'the first Esc does not just close the spotlight');
    await press(page, 'Escape');
    assert(!(await getState(page)).presenting, 'the second Esc does not leave presentation mode');
    assert(await page.evaluate(() => window.ecomap.present(true)) === true, 'present(true) did not return true');
    await settle(page);
    assert((await getState(page)).presenting && !(await getItems(page))['tab-map'], 'present(true) did not present');
    assert(await page.evaluate(() => window.ecomap.present(false)) === false, 'present(false) did not return false');
    await settle(page);
    assert((await getItems(page))['tab-map'], 'the side panel did not come back');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['facilitator: hide names leaves no name on screen, in the PNG\'s embedded map or in the SVG', async () => {
    const { context, page, problems } = await newApp(browser, server);
    await loadGroupMap(page);
    await closeDialog(page);
    const before = await renderedText(page);
    assert(namesIn(before).length > 0, 'names are not drawn before hiding them (the check would prove nothing)');
    assert(await page.evaluate(() => window.ecomap.hideNames(true)) === true, 'hideNames(true) did not return true');
    await settle(page);
    const screens = { map: await renderedText(page) };
    assert(screens.map.includes('Person 1') && screens.map.includes('Organization 1') && screens.map.includes('Network 1'),
           `neutral marks are not shown:\n${screens.map}`);
    await openTab(page, 'table');
    screens.table = await renderedText(page);
    await openTab(page, 'counts');
    screens.counts = await renderedText(page);
    await openTab(page, 'map');
    // Selecting a token does not reveal its name in the inspector.
    const token = (await getLayout(page)).tokens[0];
    await input(page, () => page.mouse.click(token.x, token.y));
    screens.selected = await renderedText(page);
    await page.evaluate(() => window.ecomap.present(true));
    await focusCanvas(page);
    await press(page, 'ArrowRight');  // Weavers: three entries in the spotlight card
    screens.presenting = await renderedText(page);
    screens.page = await page.evaluate(() => document.body.innerText);
    for (const [where, text] of Object.entries(screens))
      assert(namesIn(text).length === 0, `${where} shows ${namesIn(text).join(', ')} while names are hidden`);
    assert(screens.presenting.includes('Person 1'), 'the spotlight card does not list neutral marks');
    // Exports made now carry no name either.
    const png = await page.evaluate(async () => Array.from(await window.ecomap.exportPNG({ width: 800 })));
    const embedded = pngDocument(png);
    assert(embedded && JSON.parse(embedded).entities.length === 5, 'the PNG does not embed the map');
    assert(namesIn(embedded).length === 0, `the PNG's map names ${namesIn(embedded).join(', ')}`);
    const svg = await page.evaluate(() => window.ecomap.exportSVG());
    const svgMap = Buffer.from(svg.match(/<ecomap:document[^>]*>([^<]*)</)[1], 'base64').toString('utf8');
    assert(namesIn(svg).length === 0 && namesIn(svgMap).length === 0, `the SVG names ${namesIn(svg + svgMap).join(', ')}`);
    // The document itself keeps the names: hiding is a view and export setting.
    assert(namesIn(JSON.stringify((await getMap(page)).entities)).length === NAME_WORDS.length,
           'hiding names changed the map itself');
    await page.evaluate(() => window.ecomap.hideNames(false));
    assert(namesIn(await renderedText(page)).length > 0, 'names do not come back after hideNames(false)');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['facilitator: dot votes by click on the ring, undoable, kept through Save JSON and Open…', async () => {
    const { context, page, problems } = await newApp(browser, server);
    await loadGroupMap(page);
    await closeDialog(page);
    await openTab(page, 'counts');
    await clickItem(page, 'side:vote-mode');
    assert((await getState(page)).voteMode, 'the Vote mode switch did not turn vote mode on');
    const layout = await getLayout(page);
    const click = async (role, modifiers = []) => {
      const [x, y] = roleSpot(layout, role, 0.35);
      for (const key of modifiers) await page.keyboard.down(key);
      await input(page, () => page.mouse.click(x, y));
      for (const key of modifiers) await page.keyboard.up(key);
    };
    for (let i = 0; i < 3; i++) await click('healers');
    await click('caregivers');
    await click('healers', ['Shift']);  // takes one back
    await waitFor(page, () => { const v = JSON.parse(window.ecomap.getMap()).votes;
      return v.healers === 2 && v.caregivers === 1 && Object.keys(v).length === 2; }, null, 'votes {healers: 2, caregivers: 1}');
    const text = await renderedText(page);
    assert(text.includes('2 votes') && text.includes('1 vote'), 'the Counts list does not show the votes');
    assert((await getState(page)).undoLabel.length > 0, 'a vote is not an undoable step');
    await focusCanvas(page);
    await press(page, 'Control+z');
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).votes.healers === 3, null, 'Undo to take back the Shift+click');
    await press(page, 'Control+Shift+z');
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).votes.healers === 2, null, 'Redo');
    // Dots are drawn outside the rim of Healers.
    const png = PNG.sync.read(await page.screenshot());
    const role = layout.roles.find((r) => r.id === 'healers');
    const mid = (role.arc.start + role.arc.end) / 2;
    let dark = 0;
    for (let r = layout.ring.outer + 2; r < layout.ring.outer + 20; r += 1)
      for (let a = -0.12; a <= 0.12; a += 0.004) {
        const [x, y] = [layout.centre.x + Math.sin(mid + a) * r, layout.centre.y - Math.cos(mid + a) * r];
        if (Math.max(...pixel(png, x, y)) < 60) dark++;
      }
    assert(dark > 20, `no vote dots outside the rim of Healers (${dark} dark pixels)`);
    // Save JSON, then open the file in a new page.
    const downloading = page.waitForEvent('download', { timeout: 10000 });
    await clickItem(page, 'save-json');
    const path = join(out, 'votes.ecomap.json');
    await (await downloading).saveAs(path);
    const saved = JSON.parse(await readFile(path, 'utf8'));
    assert(saved.formatVersion === 2 && saved.votes.healers === 2 && saved.votes.caregivers === 1,
           `the saved file has votes ${JSON.stringify(saved.votes)}`);
    const second = await newApp(browser, server);
    const chooser = second.page.waitForEvent('filechooser', { timeout: 5000 });
    await clickItem(second.page, 'open');
    await (await chooser).setFiles(path);
    await waitFor(second.page, () => JSON.parse(window.ecomap.getMap()).votes.healers === 2, null, 'the opened file\'s votes');
    const reopened = await getMap(second.page);
    assert(JSON.stringify(reopened.votes) === JSON.stringify(saved.votes), `votes after Open… are ${JSON.stringify(reopened.votes)}`);
    assert(problems.length === 0 && second.problems.length === 0, [...problems, ...second.problems].join('\n'));
    await second.context.close();
    await context.close();
  }],

  ['facilitator: ?map=<url> opens a map from the same server; a failing link is explained', async () => {
    const group = mapText(PARTICIPANTS[0]);
    const app = await openApp(browser, server.url + '?map=maps/workshop.json&present', {
      width: 1280, height: 800,
      init: undefined,
    });
    await app.context.route('**/maps/workshop.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: group }));
    await app.page.reload();
    await waitReady(app.page);
    await app.page.evaluate(() => window.ecomap.startup);
    const map = await getMap(app.page);
    assert(map.meta.title === 'Map of Amina' && map.entities.length === 2, `the linked map was not opened: "${map.meta.title}"`);
    assert((await getState(app.page)).presenting, '?present was not applied after ?map=');
    await app.context.close();

    const missing = await newApp(browser, server, { path: '?map=maps/missing.json' });
    let dialog = (await getState(missing.page)).dialog;
    assert(dialog && dialog.title === 'The map from the link could not be opened' && dialog.message.includes('404'),
           `a missing map is reported as ${JSON.stringify(dialog)}`);
    await missing.context.close();

    const foreign = await newApp(browser, server, { path: '?map=' + encodeURIComponent('https://example.org/map.json') });
    dialog = (await getState(foreign.page)).dialog;
    assert(dialog && dialog.message.includes('another server'), `a map on another server is reported as ${JSON.stringify(dialog)}`);
    await foreign.context.close();
  }],
  ];
}
