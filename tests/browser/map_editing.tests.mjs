// Editing a map with the mouse and the keyboard, as a participant would: add people and
// organizations, drag them onto roles, link them, move tokens, undo/redo, edit in the
// inspector and the centre, paste text. Every check reads the saved file format
// (window.ecomap.getMap()) or the screen, never the app's internals.
import { PNG } from 'pngjs';
import {
  assert, settle, docScreenshot, getMap, getState, getLayout, input, waitFor, clickItem, roleSpot, drag, addEntity,
  placeFromList, tokensOf, placementsOf, hexToRgb, pixel, near, clickEmptyMap, chooseInCombo, dispatchPaste, newApp,
} from './harness.mjs';


// [SECTION] Helpers of this file

const press = (page, keys) => input(page, () => page.keyboard.press(keys));

const nameOf = (map, id) => (map.entities.find((e) => e.id === id) || {}).name;

// [SECTION] The participant flow of test 1, also used by files.tests.mjs

// Adds "Amina" (Weavers, Storytellers), "Tenants United" (Builders) and a link from
// Amina to Tenants United; returns their ids.
export async function buildSampleMap(page) {
  const person = await addEntity(page, 'person', 'Amina');
  await placeFromList(page, person, 'weavers');
  await placeFromList(page, person, 'storytellers');
  const org = await addEntity(page, 'organization', 'Tenants United');
  await placeFromList(page, org, 'builders');
  const [from] = await tokensOf(page, person);
  const [to] = await tokensOf(page, org);
  assert(from && to, 'tokens of the person and the organization are not in layout()');
  await drag(page, [from.x, from.y], [to.x, to.y], { shift: true });
  await waitFor(page, () => JSON.parse(window.ecomap.getMap()).relationships.length === 1, null, 'the Shift+drag link');
  return { person, org };
}

// [SECTION] Tests

async function participantFlow(browser, server, out, width, height) {
  const { context, page, problems } = await newApp(browser, server, { width, height });
  const { person, org } = await buildSampleMap(page);
  const map = await getMap(page);
  assert(map.entities.length === 2, `map has ${map.entities.length} entities, expected 2`);
  const names = Object.fromEntries(map.entities.map((e) => [e.id, e.name]));
  assert(names[person] === 'Amina' && names[org] === 'Tenants United', `entity names are ${JSON.stringify(names)}`);
  assert(map.entities.find((e) => e.id === person).kind === 'person' &&
         map.entities.find((e) => e.id === org).kind === 'organization', 'entity kinds are wrong');
  const roles = (id) => placementsOf(map, id).map((p) => p.role).sort().join(',');
  assert(roles(person) === 'storytellers,weavers', `Amina is placed on [${roles(person)}], expected storytellers,weavers`);
  assert(roles(org) === 'builders', `Tenants United is placed on [${roles(org)}], expected builders`);
  assert(map.relationships.length === 1, `map has ${map.relationships.length} relationships, expected 1`);
  const link = map.relationships[0];
  assert(link.from === person && link.to === org, `link goes ${link.from} -> ${link.to}, expected ${person} -> ${org}`);

  // The screenshot shows each token in its role's colour where layout() says it is.
  await clickEmptyMap(page);  // no selection ring, no hover highlight on a token
  await page.mouse.move(2, height - 2);
  await settle(page);
  const png = PNG.sync.read(await docScreenshot(page, out, `map-${width}x${height}.png`));
  const layout = await getLayout(page);
  assert(layout.tokens.length === 3, `layout() has ${layout.tokens.length} tokens, expected 3`);
  for (const token of layout.tokens) {
    const role = layout.roles.find((r) => r.id === token.role);
    const want = hexToRgb(role.color);
    // The link line may cross the token's middle: accept the colour at any of five spots inside it.
    const spots = [[0, 0], [0.4, 0], [-0.4, 0], [0, 0.4], [0, -0.4]].map(([fx, fy]) => [token.x + fx * token.r, token.y + fy * token.r]);
    const got = spots.map(([x, y]) => pixel(png, x, y));
    assert(got.some((c) => near(c, want, 40)),
           `token ${token.id} (${token.role}) at (${token.x.toFixed(0)},${token.y.toFixed(0)}) shows rgb(${got.join(' | ')}), expected ${role.color}`);
  }
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
}

export function tests({ browser, server, out }) {
  return [
  ['map editing: a participant adds a person and an organization, places and links them (1280x800)', async () => {
    await participantFlow(browser, server, out, 1280, 800);
  }],

  ['map editing: the same flow at 1920x1080', async () => {
    await participantFlow(browser, server, out, 1920, 1080);
  }],

  ['map editing: undo/redo with Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and the toolbar; a typed name is one undo step', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const person = await addEntity(page, 'person', 'Amina');
    await clickEmptyMap(page);  // leaves the name field: the typing burst ends
    let state = await getState(page);
    assert(!state.typing, 'a text field still has the keyboard after clicking the empty map');
    assert(state.undoLabel === 'Rename', `undo label after typing a name is "${state.undoLabel}", expected "Rename"`);
    await press(page, 'Control+z');
    await waitFor(page, (id) => JSON.parse(window.ecomap.getMap()).entities.some((e) => e.id === id && e.name !== 'Amina'),
                  person, 'Ctrl+Z to undo the name');
    let map = await getMap(page);
    assert(map.entities.length === 1 && nameOf(map, person) === '',
           `one undo after typing "Amina" left ${JSON.stringify(map.entities.map((e) => e.name))}, expected [""] (one step per typing burst)`);
    await press(page, 'Control+Shift+z');
    await waitFor(page, (id) => JSON.parse(window.ecomap.getMap()).entities.some((e) => e.id === id && e.name === 'Amina'),
                  person, 'Ctrl+Shift+Z to redo the name');

    await placeFromList(page, person, 'weavers');
    state = await getState(page);
    assert(!state.typing && state.canUndo && state.undoLabel === 'Place on role',
           `after placing: typing=${state.typing}, undoLabel="${state.undoLabel}"`);
    const placed = await getMap(page);
    const placement = placed.placements[0];
    const countIs = (n) => `JSON.parse(window.ecomap.getMap()).placements.length === ${n}`;
    const waitPlacements = (n, what) => waitFor(page, new Function(`return ${countIs(n)}`), null, what);

    await press(page, 'Control+z');
    await waitPlacements(0, 'Ctrl+Z to remove the placement');
    map = await getMap(page);
    assert(nameOf(map, person) === 'Amina', 'undoing the placement also changed the name');
    assert((await getState(page)).canRedo, 'redo is not available after undo');
    await press(page, 'Control+Shift+z');
    await waitPlacements(1, 'Ctrl+Shift+Z to bring the placement back');
    map = await getMap(page);
    assert(JSON.stringify(map.placements[0]) === JSON.stringify(placement),
           `redo gave ${JSON.stringify(map.placements[0])}, expected ${JSON.stringify(placement)}`);
    await press(page, 'Control+z');
    await waitPlacements(0, 'Ctrl+Z (second time)');
    await press(page, 'Control+y');
    await waitPlacements(1, 'Ctrl+Y to redo');

    await clickItem(page, 'undo');
    await waitPlacements(0, 'toolbar Undo to remove the placement');
    await clickItem(page, 'redo');
    await waitPlacements(1, 'toolbar Redo to bring the placement back');
    map = await getMap(page);
    assert(map.placements[0].role === 'weavers', `placement is on ${map.placements[0].role} after toolbar redo`);
    assert((await getLayout(page)).tokens.length === 1, 'the placed token is not drawn after redo');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['map editing: dragging a token to another role moves it there; Esc during a drag cancels it', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const person = await addEntity(page, 'person', 'Amina');
    await placeFromList(page, person, 'weavers');
    const before = await getMap(page);
    let [token] = await tokensOf(page, person);
    await drag(page, [token.x, token.y], roleSpot(await getLayout(page), 'experimenters'));
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).placements.some((p) => p.role === 'experimenters'),
                  null, 'the placement to move to Experimenters');
    const moved = await getMap(page);
    assert(moved.placements.length === 1, `${moved.placements.length} placements after a move, expected 1`);
    assert(moved.placements[0].id === before.placements[0].id, 'the move replaced the placement instead of moving it');
    [token] = await tokensOf(page, person);
    assert(token.role === 'experimenters', `the token is drawn in ${token.role} after the move`);
    assert((await getState(page)).undoLabel !== '', 'the move is not undoable');

    // Esc while the mouse button is still down: nothing changes.
    const revision = (await getState(page)).revision;
    await drag(page, [token.x, token.y], roleSpot(await getLayout(page), 'caregivers'), {
      beforeRelease: () => press(page, 'Escape'),
    });
    await settle(page);
    const after = await getMap(page);
    assert(JSON.stringify(after) === JSON.stringify(moved),
           `Esc did not cancel the drag: placement is now ${JSON.stringify(after.placements)}`);
    const state = await getState(page);
    assert(state.revision === revision, `revision went from ${revision} to ${state.revision} after a cancelled drag`);
    assert((await tokensOf(page, person))[0].role === 'experimenters', 'the token left Experimenters after a cancelled drag');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['map editing: the inspector edits strength and notes; deleting with notes asks first; Undo restores', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const person = await addEntity(page, 'person', 'Bea');
    await placeFromList(page, person, 'healers');
    const placementId = (await getMap(page)).placements[0].id;
    assert((await getMap(page)).placements[0].strength === 'primary', 'a new placement is not primary');
    await chooseInCombo(page, `strength:${placementId}`, 2);  // Primary -> Secondary -> Aspiring
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).placements[0].strength === 'aspiring', null,
                  'the strength combo to set "aspiring"');

    const notes = 'Met at the tenants meeting';
    await clickItem(page, 'entity-notes');
    await waitFor(page, () => window.ecomap.state().typing, null, 'the notes field to take the keyboard');
    await page.keyboard.type(notes);
    await waitFor(page, (n) => JSON.parse(window.ecomap.getMap()).entities[0].notes === n, notes, 'the typed notes');

    // Delete key on the selected token: asks, Cancel keeps it.
    const [token] = await tokensOf(page, person);
    await input(page, () => page.mouse.click(token.x, token.y));
    let state = await getState(page);
    assert(!state.typing && state.selection.some((s) => s.id === person), `clicking the token did not select it: ${JSON.stringify(state.selection)}`);
    await press(page, 'Delete');
    await waitFor(page, () => window.ecomap.state().confirm !== null, null, 'a confirmation after Delete');
    state = await getState(page);
    assert(/Bea/.test(state.confirm), `confirmation title is "${state.confirm}", expected it to name Bea`);
    assert((await getMap(page)).entities.length === 1, 'the entity was deleted before confirming');
    await clickItem(page, 'dialog-cancel');
    await waitFor(page, () => window.ecomap.state().confirm === null, null, 'Cancel to close the confirmation');
    assert((await getMap(page)).entities.length === 1, 'Cancel deleted the entity');

    // The inspector's Delete button, then confirm.
    await clickItem(page, 'delete-entity');
    await waitFor(page, () => window.ecomap.state().confirm !== null, null, 'a confirmation after "Delete Person"');
    await clickItem(page, 'dialog-confirm');
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).entities.length === 0, null, 'confirm to delete the entity');
    let map = await getMap(page);
    assert(map.placements.length === 0, 'the deleted entity left its placement behind');
    assert((await getLayout(page)).tokens.length === 0, 'the deleted entity is still drawn');

    await clickItem(page, 'undo');
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).entities.length === 1, null, 'Undo to bring the entity back');
    map = await getMap(page);
    assert(map.entities[0].name === 'Bea' && map.entities[0].notes === notes,
           `after undo the entity is ${JSON.stringify(map.entities[0])}`);
    assert(map.placements.length === 1 && map.placements[0].role === 'healers' && map.placements[0].strength === 'aspiring',
           `after undo the placements are ${JSON.stringify(map.placements)}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['map editing: with nothing selected, the title, centre values and cause are edited and saved', async () => {
    const { context, page, problems } = await newApp(browser, server);
    assert((await getState(page)).selection.length === 0, 'something is selected on a new map');
    await clickItem(page, 'map-title');
    await press(page, 'Control+a');
    await page.keyboard.type('Eastside tenants');
    await clickItem(page, 'centre-values');
    await press(page, 'Control+a');
    await page.keyboard.type('housing\ndignity');
    await clickItem(page, 'centre-cause');
    await page.keyboard.type('Homes for everyone');
    await clickEmptyMap(page);
    await waitFor(page, () => JSON.parse(window.ecomap.getMap()).centre.cause === 'Homes for everyone', null, 'the cause');
    await settle(page);
    const map = await getMap(page);
    assert(map.meta.title === 'Eastside tenants', `title is "${map.meta.title}"`);
    assert(JSON.stringify(map.centre.values) === JSON.stringify(['housing', 'dignity']),
           `centre values are ${JSON.stringify(map.centre.values)}, expected ["housing","dignity"]`);
    assert(!(await getState(page)).typing, 'a field still has the keyboard after clicking the map');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['map editing: a paste event puts the clipboard text into the name field', async () => {
    const { context, page, problems } = await newApp(browser, server);
    const person = await addEntity(page, 'person', '');
    const text = 'Zoë “Q” Ng-Owusu';
    await input(page, () => dispatchPaste(page, text), 3);
    await waitFor(page, ([id, t]) => JSON.parse(window.ecomap.getMap()).entities.some((e) => e.id === id && e.name === t),
                  [person, text], `the pasted name (got "${nameOf(await getMap(page), person)}")`, 3000)
      .catch(async (e) => { throw new Error(`${e.message}; name is "${nameOf(await getMap(page), person)}"`); });
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['map editing: Ctrl+V held as a person does pastes the clipboard into the name field', async () => {
    const { context, page, problems } = await newApp(browser, server);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const person = await addEntity(page, 'person', '');
    await page.evaluate(() => navigator.clipboard.writeText('Tenants United'));
    // A person keeps Ctrl down for a few frames around the V.
    await page.keyboard.down('Control');
    await input(page, () => page.keyboard.press('v'), 2);
    await input(page, () => page.keyboard.up('Control'));
    await settle(page);
    const name = nameOf(await getMap(page), person);
    assert(name === 'Tenants United', `after Ctrl+V the name is "${name}", expected "Tenants United"`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ];
}
