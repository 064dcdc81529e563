// "New map": the templates (the Social Change Ecosystem framework, a blank map of six roles
// to name) and the example maps, then editing a blank map's roles in the inspector: name,
// add, remove (refused while entries sit on the role), each an undo step.
import { openApp, waitReady, settle, assert, clickItem, docScreenshot, getMap, getState, getLayout, input,
         roleSpot, waitFor, addEntity, placeFromList } from './harness.mjs';

export function tests({ browser, server, out }) {
  return [
    ['New map: an example opens through the door, the blank template gives six roles to name, add and remove', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      await page.evaluate(() => window.ecomap.loadMap(JSON.stringify({ format: 'ecomap', formatVersion: 2,
        meta: { title: 'Before the example' }, entities: [{ id: 'p1', kind: 'person', name: 'Ada' }] })));
      await settle(page);

      // An example: the workshop map, with the previous map kept in Recent maps.
      await clickItem(page, 'new-map');
      await docScreenshot(page, out, 'new-map-dialog-1280x800.png');
      await clickItem(page, 'new:example-workshop');
      await waitFor(page, () => JSON.parse(window.ecomap.getMap()).meta.title === 'Tenant organizing workshop: group map',
                    null, 'the workshop example to open');
      assert((await getMap(page)).entities.length === 30, 'the example has 30 entities');
      const recent = await page.evaluate(() => window.ecomap.recentMaps());
      assert(recent.some((m) => m.title === 'Before the example'), `the previous map is not in Recent maps: ${JSON.stringify(recent.map((m) => m.title))}`);
      await input(page, () => page.keyboard.press('Control+z'));
      await waitFor(page, () => JSON.parse(window.ecomap.getMap()).meta.title === 'Before the example', null, 'Undo to bring the previous map back');

      // The blank template: six roles, no attribution, roles editable in the inspector.
      await clickItem(page, 'new-map');
      await clickItem(page, 'new:blank');
      await waitFor(page, () => JSON.parse(window.ecomap.getMap()).framework?.id === 'blank', null, 'a blank map');
      let map = await getMap(page);
      assert(map.framework.roles.length === 6 && map.framework.roles[0].name === 'Role 1', 'six roles named Role 1…6');
      await settle(page);
      const spot = roleSpot(await getLayout(page), 'role-1', 0.9);
      await input(page, () => page.mouse.click(spot[0], spot[1]));
      await waitFor(page, () => window.ecomap.state().selection.some((t) => t.id === 'role-1'), null, 'role 1 to be selected');
      await clickItem(page, 'role-name');
      await input(page, () => page.keyboard.press('Control+a'));
      await input(page, () => page.keyboard.type('Connectors'));
      await waitFor(page, () => JSON.parse(window.ecomap.getMap()).framework.roles[0].name === 'Connectors', null, 'role 1 renamed');
      const drawn = await page.evaluate(() => window.ecomap.renderedText());
      assert(drawn.includes('Connectors'), 'the ring does not show the new name');
      await clickItem(page, 'role-add');
      await waitFor(page, () => JSON.parse(window.ecomap.getMap()).framework.roles.length === 7, null, 'a seventh role');
      await settle(page);
      assert((await getLayout(page)).roles.length === 7, 'layout() has no seventh sector');
      await docScreenshot(page, out, 'blank-roles-1280x800.png');
      await clickItem(page, 'role-remove');
      await waitFor(page, () => JSON.parse(window.ecomap.getMap()).framework.roles.length === 6, null, 'the seventh role removed');

      // A role with an entry on it is not removed; the status line says why.
      const id = await addEntity(page, 'person', 'Bea');
      await placeFromList(page, id, 'role-2');
      const at = roleSpot(await getLayout(page), 'role-2', 0.97);
      await input(page, () => page.mouse.click(at[0], at[1]));
      await waitFor(page, () => window.ecomap.state().selection.some((t) => t.id === 'role-2'), null, 'role 2 to be selected');
      await clickItem(page, 'role-remove');
      await waitFor(page, () => /placed on Role 2: move or remove it first/.test(window.ecomap.state().status), null, 'the reason in the status line');
      map = await getMap(page);
      assert(map.framework.roles.length === 6 && map.placements.length === 1, 'the refused removal changed the map');
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],
  ];
}
