// Screen readers: the canvas is one image to them, so the page keeps the map as a list
// (web/ecomap-access.js, visually hidden until focused) with a table of the roles, that
// follows every change and the "hide names" switch. access.tests.mjs operates it.
import { openApp, waitReady, assert, settle } from './harness.mjs';

const map = {
  format: 'ecomap', formatVersion: 2,
  meta: { title: 'Readout check', created: '2026-11-26T10:00:00Z', modified: '2026-11-26T10:00:00Z' },
  centre: { values: ['justice'], cause: 'Homes' },
  entities: [{ id: 'p1', kind: 'person', name: 'Amina Okafor' }, { id: 'o1', kind: 'organization', name: 'Tenants United' }],
  placements: [{ id: 'pl1', entity: 'p1', role: 'weavers', strength: 'primary' },
               { id: 'pl2', entity: 'o1', role: 'builders', strength: 'secondary' }],
  relationships: [], reflections: {}, votes: {},
};

export function tests({ browser, server }) {
  return [
    ['screen readers get the map as a list and a roles table that follow changes and hidden names', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      const result = await page.evaluate((text) => window.ecomap.loadMap(text), JSON.stringify(map));
      assert(result.ok, `map did not load: ${result.errors}`);
      await settle(page);
      await page.waitForTimeout(400);
      const text = () => page.evaluate(() => document.getElementById('ecomap-access').innerText);
      const shown = await text();
      assert(/Person: Amina Okafor/.test(shown) && /Organization: Tenants United/.test(shown), `list: ${shown}`);
      const checked = await page.evaluate(() => Array.from(document.querySelectorAll('#ecomap-access li'))
        .filter((li) => /Amina/.test(li.querySelector('legend').textContent))
        .flatMap((li) => Array.from(li.querySelectorAll('input[type=checkbox]:checked')).map((box) => box.parentElement.textContent)));
      assert(JSON.stringify(checked) === '["Weavers"]', `Amina's checked roles: ${checked}`);
      const rows = await page.evaluate(() => Array.from(document.querySelectorAll('#ecomap-access table tbody tr'))
        .map((row) => Array.from(row.cells).map((cell) => cell.textContent)));
      assert(rows.length === 10, `the roles table has ${rows.length} rows`);
      const weavers = rows.find((row) => row[0] === 'Weavers');
      assert(weavers && weavers[1] === '1' && weavers[2] === '0', `Weavers row: ${weavers}`);
      await page.evaluate(() => window.ecomap.hideNames(true));
      await settle(page);
      await page.waitForTimeout(400);
      const hidden = await text();
      const values = await page.evaluate(() => Array.from(document.querySelectorAll('#ecomap-access input, #ecomap-access option'))
        .map((field) => field.value).join(' '));
      assert(!/Amina|Tenants/.test(hidden + values) && /Person 1/.test(hidden), `names still read out: ${hidden} ${values}`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],
  ];
}
