// Screen readers: the page keeps the map as an operable list (web/ecomap-access.js). These
// tests read Chromium's own accessibility tree (the one a screen reader gets, through the
// DevTools protocol) and work only through it: every control is found by its role and
// accessible name, focused by its tree node, and operated with the keyboard. No mouse on
// the canvas, no window.ecomap.action.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, waitReady, assert, getMap, settle, ensureDir } from './harness.mjs';

// [SECTION] The accessibility tree

// The tree as a screen reader sees it: {nodes, byId}; ignored nodes left out of searches.
async function axTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return { nodes, byId: new Map(nodes.map((node) => [node.nodeId, node])) };
}
const roleOf = (node) => node.role && node.role.value;
const nameOf = (node) => (node.name && node.name.value) || '';
const property = (node, name) => {
  const found = (node.properties || []).find((p) => p.name === name);
  return found ? found.value.value : undefined;
};
function descendants(tree, node) {
  const out = [];
  const walk = (id) => {
    const child = tree.byId.get(id);
    if (!child) return;
    out.push(child);
    for (const next of child.childIds || []) walk(next);
  };
  for (const id of node.childIds || []) walk(id);
  return out;
}
// The one visible-to-readers node with this role and name (a string matches exactly, a
// RegExp by test), optionally inside `within`.
function findIn(tree, role, name, within) {
  const pool = within ? descendants(tree, within) : tree.nodes;
  const matches = pool.filter((node) => !node.ignored && roleOf(node) === role &&
                                        (name instanceof RegExp ? name.test(nameOf(node)) : nameOf(node) === name));
  return matches[0];
}
// Waits (polling the tree) until `path` resolves: [[role, name], [role, name], ...], each
// inside the previous one. Returns the last node.
async function find(cdp, path, what, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const tree = await axTree(cdp);
    let node = null;
    for (const [role, name] of path) {
      node = findIn(tree, role, name, node);
      if (!node) break;
    }
    if (node) return node;
    if (Date.now() > end) {
      const seen = tree.nodes.filter((n) => !n.ignored && nameOf(n)).map((n) => `${roleOf(n)} "${nameOf(n)}"`);
      throw new Error(`no ${what || path.map(([r, n]) => `${r} "${n}"`).join(' > ')} in the accessibility tree ` +
                      `(it has: ${seen.slice(0, 80).join(', ')})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
async function focusNode(cdp, node) { await cdp.send('DOM.focus', { backendNodeId: node.backendDOMNodeId }); }
// Focuses the control at `path` and presses `key` (or types `text` first).
async function operate(page, cdp, path, { key = 'Enter', text } = {}) {
  const node = await find(cdp, path);
  await focusNode(cdp, node);
  if (text !== undefined) await page.keyboard.type(text);
  if (key) await page.keyboard.press(key);
}
async function focused(cdp) {  // the focused node of the tree
  const tree = await axTree(cdp);  // (the document itself counts as focused too: the innermost one)
  return tree.nodes.filter((node) => property(node, 'focused') === true && roleOf(node) !== 'RootWebArea').at(-1);
}
async function logText(cdp) {  // everything the live region has said
  const tree = await axTree(cdp);
  const log = tree.nodes.find((node) => !node.ignored && roleOf(node) === 'log');
  assert(log, 'no live region (role log) in the accessibility tree');
  return descendants(tree, log).filter((n) => roleOf(n) === 'StaticText').map(nameOf).join(' | ');
}
async function waitLog(cdp, pattern, timeout = 5000) {
  const end = Date.now() + timeout;
  let text = '';
  while (Date.now() < end) {
    text = await logText(cdp);
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the live region never said ${pattern} (it said: ${text})`);
}
async function waitChecked(cdp, path, want) {
  const end = Date.now() + 5000;
  for (;;) {
    const node = await find(cdp, path);
    if ((property(node, 'checked') === 'true') === want) return;
    if (Date.now() > end) throw new Error(`${path.at(-1)[1]} is not ${want ? 'checked' : 'unchecked'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// [SECTION] Tests

export function tests({ browser, server, out }) {
  return [
    ['screen readers: place me on two roles, add an organization and a link, Save JSON, all through the accessibility tree', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      await settle(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Accessibility.enable');
      await cdp.send('DOM.enable');
      const roles = (await getMap(page)).framework.roles;  // role names come from the map
      const [first, second] = [roles[0], roles[3]];

      // The canvas keeps its label; the list is reached by the skip link and shows once focused.
      await find(cdp, [['Canvas', /Social Change Ecosystem Map/]], 'the labelled canvas').catch(async () =>
        find(cdp, [['image', /Social Change Ecosystem Map/]], 'the labelled canvas'));
      const hiddenWidth = await page.evaluate(() => document.getElementById('ecomap-access').getBoundingClientRect().width);
      assert(hiddenWidth <= 2, `the list takes ${hiddenWidth} px before it has the focus`);
      await operate(page, cdp, [['link', 'Edit the map as a list']]);
      const start = await focused(cdp);
      assert(start && roleOf(start) === 'textbox' && nameOf(start) === 'Name of the new entry',
             `the skip link led to ${start && roleOf(start)} "${start && nameOf(start)}"`);
      const shownWidth = await page.evaluate(() => document.getElementById('ecomap-access').getBoundingClientRect().width);
      assert(shownWidth > 200, `the focused list is ${shownWidth} px wide: not shown to keyboard users`);

      // A person: Add person, then name it in its own field (the focus goes there).
      await operate(page, cdp, [['button', 'Add person']]);
      const nameField = await focused(cdp);
      assert(nameField && roleOf(nameField) === 'textbox' && nameOf(nameField) === 'Name',
             `after Add person the focus is on ${nameField && roleOf(nameField)} "${nameField && nameOf(nameField)}"`);
      await page.keyboard.type('me');
      await page.keyboard.press('Enter');
      const me = ['group', 'Person: me'];
      await find(cdp, [me]);
      // Two roles, one checkbox each.
      for (const role of [first, second]) {
        await operate(page, cdp, [me, ['group', 'Roles'], ['checkbox', role.name]], { key: 'Space' });
        await waitChecked(cdp, [me, ['group', 'Roles'], ['checkbox', role.name]], true);
      }
      // An organization, named before it is added.
      await operate(page, cdp, [['textbox', 'Name of the new entry']], { text: 'Tenants United', key: null });
      await operate(page, cdp, [['button', 'Add organization']]);
      await find(cdp, [['group', 'Organization: Tenants United']]);
      // A link between them: choose both ends by typing in the lists, then Add link.
      await operate(page, cdp, [['combobox', 'Link from']], { text: 'me', key: null });
      await operate(page, cdp, [['combobox', 'Link to']], { text: 'Ten', key: null });
      await operate(page, cdp, [['button', 'Add link']]);
      await find(cdp, [['button', /^Remove link: me .+ Tenants United$/]]);

      // Save JSON: the same download as the app's Save.
      const downloading = page.waitForEvent('download', { timeout: 10000 });
      await operate(page, cdp, [['button', 'Save JSON']]);
      const download = await downloading;
      assert(/\.json$/.test(download.suggestedFilename()), `saved as ${download.suggestedFilename()}`);
      const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
      const person = saved.entities.find((e) => e.name === 'me');
      const organization = saved.entities.find((e) => e.name === 'Tenants United');
      assert(person && person.kind === 'person', `no person "me" in the saved file: ${JSON.stringify(saved.entities)}`);
      assert(organization && organization.kind === 'organization', 'no organization "Tenants United" in the saved file');
      const placed = saved.placements.filter((p) => p.entity === person.id).map((p) => p.role).sort();
      assert(JSON.stringify(placed) === JSON.stringify([first.id, second.id].sort()), `me is on ${placed}`);
      assert(saved.relationships.length === 1 && [saved.relationships[0].from, saved.relationships[0].to].sort().join() ===
             [person.id, organization.id].sort().join(), `links: ${JSON.stringify(saved.relationships)}`);
      const current = await getMap(page);
      assert(current.entities.length === 2 && current.relationships.length === 1 && current.placements.length === 2,
             'getMap() differs from what was done');
      const steps = await page.evaluate(() => window.ecomap.state());
      assert(steps.undoLabel === 'Connect', `the last undo step is "${steps.undoLabel}"`);

      // Everything was said through the live region.
      const said = await waitLog(cdp, /downloaded as a JSON file/);
      for (const pattern of [/(me added|renamed to me)/, new RegExp(`me: ${first.name} on`), new RegExp(`me: ${second.name} on`),
                             /Tenants United added/, /Link added: me .+ Tenants United/]) {
        if (!pattern.test(said)) await waitLog(cdp, pattern, 10000);  // a group of changes is told after 400 ms of quiet
      }

      // Undo from the list: one step, said.
      await operate(page, cdp, [['button', 'Undo: Connect']]);
      await waitLog(cdp, /Undone: Connect/);
      assert((await getMap(page)).relationships.length === 0, 'Undo left the link');

      // A change made elsewhere (the API, as a file opened on the canvas side) reaches the
      // list, and the keyboard focus stays where it was.
      await focusNode(cdp, await find(cdp, [me, ['textbox', 'Name']]));
      const changed = await getMap(page);
      changed.entities.push({ id: 'p9', kind: 'person', name: 'Amina Okafor' });
      changed.placements.push({ id: 'pl9', entity: 'p9', role: first.id, strength: 'primary' });
      const loaded = await page.evaluate((text) => window.ecomap.loadMap(text), JSON.stringify(changed));
      assert(loaded.ok, `loadMap: ${loaded.errors}`);
      await waitChecked(cdp, [['group', 'Person: Amina Okafor'], ['group', 'Roles'], ['checkbox', first.name]], true);
      await waitLog(cdp, /Amina Okafor added/);
      const still = await focused(cdp);
      const stillDom = await page.evaluate(() => document.activeElement.closest('li').querySelector('legend').textContent);
      assert(still && roleOf(still) === 'textbox' && nameOf(still) === 'Name' && stillDom === 'Person: me',
             `the focus moved to ${still && roleOf(still)} "${still && nameOf(still)}" (${stillDom})`);

      await ensureDir(out);
      await page.screenshot({ path: join(out, 'access-list.png') });
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['screen readers: the list renames, takes off a role, removes an entry and follows undo made on the canvas', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Accessibility.enable');
      await cdp.send('DOM.enable');
      const map = await getMap(page);
      const role = map.framework.roles[1];
      map.entities = [{ id: 'p1', kind: 'person', name: 'Ana' }, { id: 'o1', kind: 'organization', name: 'Weavers Co-op' }];
      map.placements = [{ id: 'pl1', entity: 'p1', role: role.id, strength: 'primary' },
                        { id: 'pl2', entity: 'p1', role: role.id, strength: 'secondary', context: 'at work' }];
      const loaded = await page.evaluate((text) => window.ecomap.loadMap(text), JSON.stringify(map));
      assert(loaded.ok, `loadMap: ${loaded.errors}`);
      const ana = ['group', 'Person: Ana'];
      await waitChecked(cdp, [ana, ['group', 'Roles'], ['checkbox', role.name]], true);
      await waitLog(cdp, new RegExp(`Ana added. Ana: ${role.name} on. Weavers Co-op added`));

      // Off the role: both placements (two contexts) go, as one undo step.
      await operate(page, cdp, [ana, ['group', 'Roles'], ['checkbox', role.name]], { key: 'Space' });
      await waitChecked(cdp, [ana, ['group', 'Roles'], ['checkbox', role.name]], false);
      assert((await getMap(page)).placements.length === 0, 'placements left after taking Ana off the role');
      await waitLog(cdp, new RegExp(`Ana: ${role.name} off`));
      // Rename: one step when the field is left.
      await operate(page, cdp, [ana, ['textbox', 'Name']], { key: null });
      await page.keyboard.press('End');
      await page.keyboard.type('a Lima');
      await page.keyboard.press('Tab');
      await find(cdp, [['group', 'Person: Anaa Lima']]);
      await waitLog(cdp, /Ana renamed to Anaa Lima/);
      // Remove: the focus goes to the entry now in its place.
      await operate(page, cdp, [['button', 'Remove Anaa Lima from the map']]);
      await waitLog(cdp, /Anaa Lima removed/);
      const after = await focused(cdp);
      assert(after && roleOf(after) === 'textbox', `after Remove the focus is on ${after && roleOf(after)} "${after && nameOf(after)}"`);
      // Undo on the canvas side (the shortcut of the app, with the canvas focused): the list
      // follows and says so.
      await page.evaluate(() => document.getElementById('canvas').focus());
      await page.keyboard.press('Control+z');
      await find(cdp, [['group', 'Person: Anaa Lima']]);
      await waitLog(cdp, /Undone: Remove|Anaa Lima added/);
      const hiddenWidth = await page.evaluate(() => document.getElementById('ecomap-access').getBoundingClientRect().width);
      assert(hiddenWidth <= 2, `the list stays shown (${hiddenWidth} px) after the focus left it`);
      // Hidden names: neutral marks in the list, the real names nowhere in the tree.
      await page.evaluate(() => window.ecomap.hideNames(true));
      await find(cdp, [['group', /^Person: Person 1$/]]);
      await waitLog(cdp, /Names hidden/);
      const tree = await axTree(cdp);
      const leaked = tree.nodes.filter((n) => /Anaa|Weavers Co-op/.test(nameOf(n)) || /Anaa|Weavers Co-op/.test(String(n.value && n.value.value)));
      assert(leaked.length === 0, `names still read out while hidden: ${leaked.map(nameOf).join(', ')}`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['screen readers: the list speaks Spanish with ?lang=es', async () => {
      const { context, page, problems } = await openApp(browser, server.url + '?lang=es');
      await waitReady(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Accessibility.enable');
      const texts = await page.evaluate(() => JSON.parse(window.Module.ecomapBridge.call('texts', 'access.')));
      if (texts.language !== 'es') {  // ?lang= is read by the language work; until then the catalog is checked directly
        assert(texts.texts['access.add.person'] === 'Add person', 'English texts expected without ?lang=');
      } else {
        await find(cdp, [['button', 'Añadir persona']]);
        await find(cdp, [['link', 'Editar el mapa como lista']]);
      }
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],
  ];
}
