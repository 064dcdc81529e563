// The app with the keyboard alone (no mouse, no window.ecomap.action): Tab walks through
// the toolbar, the side panel, the list, the inspector and the map; on the map the arrows
// move a cursor over the roles and their tokens, Enter places or selects, L links; Ctrl+S
// saves; "?" lists the shortcuts. The checks read the saved file, the state and the screen.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { assert, settle, getMap, getState, getItems, getLayout, input, waitFor, newApp, pixel, polar } from './harness.mjs';

// [SECTION] Helpers of this file

const FOCUS = [20, 80, 200];  // the focus ring's colour (src/ui/keyboard_nav.cpp)

const press = (page, key) => input(page, () => page.keyboard.press(key), 3);

async function focusedItem(page) {
  const found = Object.entries(await getItems(page)).find(([, rect]) => rect.focused);
  return found ? found[0] : '';
}

// Presses Tab (or Shift+Tab) until the named widget has the keyboard; returns the number of presses.
async function tabTo(page, name, { back = false, max = 90 } = {}) {
  const seen = [];
  for (let i = 0; i <= max; i++) {
    await settle(page, 40);
    const now = await focusedItem(page);
    if (now === name) return i;
    seen.push(now || '(' + (await getState(page)).keyboard.area + ')');
    await press(page, back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached "${name}"; went through ${seen.join(' > ')}`);
}

async function tabToMap(page) {
  for (let i = 0; i < 90; i++) {
    await settle(page, 40);
    if ((await getState(page)).keyboard.map) return;
    await press(page, 'Tab');
  }
  throw new Error('Tab never gave the map the keyboard');
}

// Presses the focused add button with Enter and types the new entry's name; returns its id.
async function addWithKeyboard(page, button, name) {
  const before = (await getMap(page)).entities.map((e) => e.id);
  await tabTo(page, button);
  await press(page, 'Enter');
  await waitFor(page, () => window.ecomap.state().typing, null, `the name field to take the keyboard after ${button}`);
  await page.keyboard.type(name);
  await press(page, 'Enter');  // leaves the field, keeps the name
  await waitFor(page, ([known, typed]) => JSON.parse(window.ecomap.getMap()).entities.some((e) => !known.includes(e.id) && e.name === typed),
                [before, name], `the new entry to be named "${name}"`);
  return (await getMap(page)).entities.find((e) => !before.includes(e.id)).id;
}

// Moves the map cursor with the arrows to a role (by id), then to the token of `entity` on it (if given).
async function cursorTo(page, roleId, entity) {
  const roles = (await getLayout(page)).roles.map((r) => r.id);
  for (let i = 0; i < roles.length && (await getState(page)).keyboard.role !== roleId; i++) await press(page, 'ArrowRight');
  let state = await getState(page);
  assert(state.keyboard.role === roleId, `the arrows never reached ${roleId} (cursor on ${state.keyboard.role})`);
  if (!entity) return;
  const map = await getMap(page);
  const wanted = map.placements.find((p) => p.entity === entity && p.role === roleId);
  assert(wanted, `${entity} is not on ${roleId}`);
  for (let i = 0; i < 20 && state.keyboard.placement !== wanted.id; i++) {
    await press(page, 'ArrowDown');
    state = await getState(page);
  }
  assert(state.keyboard.placement === wanted.id, `ArrowDown never reached ${entity}'s token on ${roleId}`);
}

const near = (got, want, tolerance) => got.every((v, i) => Math.abs(v - want[i]) <= tolerance);

// True when some pixel of the given spots shows the focus ring's colour.
const ringAt = (png, spots) => spots.some(([x, y]) => near(pixel(png, x, y), FOCUS, 45));

// [SECTION] Tests

export function tests({ browser, server, out }) {
  return [
  ['keyboard: me on two roles, an organization, a link and Save JSON, with the keyboard alone', async () => {
    const { context, page, problems } = await newApp(browser, server, { width: 1280, height: 800 });
    assert(await page.evaluate(() => document.activeElement === document.getElementById('canvas')),
           'the map canvas does not have the keyboard after loading');

    // + Person with Tab and Enter, then its name; the focused button wears a ring.
    const tabs = await tabTo(page, 'add-person');
    assert(tabs > 0 && tabs < 40, `Tab reached + Person after ${tabs} presses`);
    const state = await getState(page);
    assert(state.keyboard.area === 'side' && state.keyboard.ring, `keyboard state at + Person: ${JSON.stringify(state.keyboard)}`);
    const button = (await getItems(page))['add-person'];
    const shot = PNG.sync.read(await page.screenshot({ path: join(out, 'keyboard-focus-button.png') }));
    const y = button.y + button.h / 2;
    assert(ringAt(shot, [[button.x - 4, y], [button.x - 3, y], [button.x - 2, y], [button.x - 5, y]]),
           `no focus ring left of + Person: rgb(${pixel(shot, button.x - 3, y)})`);
    const me = await addWithKeyboard(page, 'add-person', 'me');

    // Tab on through the inspector to the map; Enter places "me" on the role under the
    // cursor; two roles further, once more.
    await tabToMap(page);
    let keys = (await getState(page)).keyboard;
    assert(keys.role !== '' && keys.placement === '', `the map cursor starts on ${JSON.stringify(keys)}`);
    const firstRole = keys.role;
    await press(page, 'Enter');
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');
    const secondRole = (await getState(page)).keyboard.role;
    assert(secondRole !== firstRole, 'ArrowRight did not move the cursor to another role');
    await press(page, 'Enter');
    let map = await getMap(page);
    const roles = map.placements.filter((p) => p.entity === me).map((p) => p.role).sort();
    assert(roles.join() === [firstRole, secondRole].sort().join(), `me is on [${roles}], expected ${firstRole} and ${secondRole}`);

    // The focus ring on the role's sector, in pixels.
    await settle(page);
    const layout = await getLayout(page);
    const sector = layout.roles.find((r) => r.id === secondRole);
    const mid = (sector.arc.start + sector.arc.end) / 2;
    const ringShot = PNG.sync.read(await page.screenshot({ path: join(out, 'keyboard-focus-role.png') }));
    const outer = [0, 1, 2, 3, 4].map((d) => polar(layout, mid, layout.ring.outer + d));
    assert(ringAt(ringShot, outer), `no focus ring on ${secondRole}'s outer edge: rgb(${outer.map(([x, y]) => pixel(ringShot, x, y)).join(' | ')})`);
    assert((await getState(page)).keyboard.ring, 'state().keyboard.ring is false while the map shows the cursor');

    // + Organization (F6 jumps from the map to the toolbar, Tab on to the side panel), named,
    // then placed one role further.
    await press(page, 'F6');
    assert((await getState(page)).keyboard.area === 'toolbar', `F6 from the map went to ${(await getState(page)).keyboard.area}`);
    const org = await addWithKeyboard(page, 'add-organization', 'Tenants United');
    for (let i = 0; i < 4 && !(await getState(page)).keyboard.map; i++) await press(page, 'F6');
    assert((await getState(page)).keyboard.map, 'F6 never reached the map');
    await press(page, 'ArrowRight');
    const orgRole = (await getState(page)).keyboard.role;
    await press(page, 'Space');
    map = await getMap(page);
    assert(map.placements.some((p) => p.entity === org && p.role === orgRole), `the organization is not on ${orgRole}`);

    // A link: select me on the map (Enter on its token), go to the organization's token, L.
    await cursorTo(page, firstRole, me);
    await press(page, 'Enter');
    let selection = (await getState(page)).selection;
    assert(selection.length === 1 && selection[0].id === me, `Enter on me's token selected ${JSON.stringify(selection)}`);
    await cursorTo(page, orgRole, org);
    await settle(page);
    const token = (await getLayout(page)).tokens.find((t) => t.entity === org);
    const tokenShot = PNG.sync.read(await page.screenshot({ path: join(out, 'keyboard-focus-token.png') }));
    const around = [5, 6, 7].flatMap((d) => [[token.x + token.r + d, token.y], [token.x - token.r - d, token.y], [token.x, token.y - token.r - d]]);
    assert(ringAt(tokenShot, around), `no focus ring around the organization's token at (${token.x},${token.y})`);
    await press(page, 'l');
    map = await getMap(page);
    assert(map.relationships.length === 1 && map.relationships[0].from === me && map.relationships[0].to === org,
           `links after L: ${JSON.stringify(map.relationships)}`);

    // Save JSON with Ctrl+S: the downloaded file holds both placements of me, the organization and the link.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), press(page, 'Control+s')]);
    const path = join(out, 'keyboard-' + download.suggestedFilename());
    await download.saveAs(path);
    const saved = JSON.parse(await readFile(path, 'utf8'));
    const mine = saved.placements.filter((p) => p.entity === me).map((p) => p.role).sort();
    assert(mine.join() === [firstRole, secondRole].sort().join(), `saved file: me on [${mine}]`);
    const savedOrg = saved.entities.find((e) => e.id === org);
    assert(savedOrg && savedOrg.kind === 'organization' && savedOrg.name === 'Tenants United', `saved file: organization ${JSON.stringify(savedOrg)}`);
    assert(saved.entities.find((e) => e.id === me).name === 'me', 'saved file: the person is not named "me"');
    assert(saved.relationships.length === 1 && saved.relationships[0].from === me && saved.relationships[0].to === org,
           `saved file: links ${JSON.stringify(saved.relationships)}`);
    assert(JSON.stringify(saved) === JSON.stringify(await getMap(page)), 'the saved file differs from getMap()');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['keyboard: ? lists the shortcuts and Esc closes the list; Delete and Esc on the map', async () => {
    const { context, page, problems } = await newApp(browser, server, { width: 1280, height: 800 });
    const me = await addWithKeyboard(page, 'add-person', 'me');
    await tabToMap(page);
    await press(page, 'Enter');  // me on the first role
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).placements.length === 1, null, 'me to be placed');

    // "?" opens the overlay (in the catalog's words), Esc closes it; the map keeps the keyboard.
    await press(page, '?');
    await waitFor(page, () => window.ecomap.state().keyboard.shortcuts && window.ecomap.uiItems()['shortcuts-close'], null, 'the shortcuts overlay');
    const text = await page.evaluate(() => window.ecomap.renderedText());
    for (const expected of ['Tab, Shift+Tab', 'Delete the selection', 'This list of shortcuts'])
      assert(text.includes(expected), `the overlay does not say "${expected}": ${text.slice(0, 300)}`);
    await page.screenshot({ path: join(out, 'keyboard-shortcuts.png') });
    await press(page, 'Escape');
    await settle(page);
    let state = await getState(page);
    assert(!state.keyboard.shortcuts && !(await getItems(page))['shortcuts-close'], 'Esc did not close the overlay');
    assert(state.keyboard.map, `the keyboard did not go back to the map after the overlay (area: ${state.keyboard.area})`);

    // Enter on me's token selects me; Esc clears the selection, the map keeps the keyboard.
    await tabToMap(page);
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    state = await getState(page);
    assert(state.selection.length === 1 && state.selection[0].id === me, `Enter on the token selected ${JSON.stringify(state.selection)}`);
    await press(page, 'Escape');
    state = await getState(page);
    assert(state.selection.length === 0, `Esc left the selection ${JSON.stringify(state.selection)}`);
    assert(state.keyboard.map, 'the map lost the keyboard on Esc');

    // Delete removes the selected entry (one undo step), Ctrl+Z brings it back.
    await press(page, 'Enter');
    await press(page, 'Delete');
    let map = await getMap(page);
    assert(map.entities.length === 0 && map.placements.length === 0, `after Delete: ${map.entities.length} entities`);
    await press(page, 'Control+z');
    map = await getMap(page);
    assert(map.entities.length === 1 && map.entities[0].name === 'me' && map.placements.length === 1, 'Ctrl+Z did not bring me back');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ];
}
