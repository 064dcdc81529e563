// Screen readers: the canvas is one image to them, so the page keeps the map as HTML
// tables (visually hidden) that follow every change and the "hide names" switch.
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
    ['screen readers get the map as tables that follow changes and hidden names', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      const result = await page.evaluate((text) => window.ecomap.loadMap(text), JSON.stringify(map));
      assert(result.ok, `map did not load: ${result.errors}`);
      await settle(page);
      await page.waitForTimeout(400);
      const text = () => page.evaluate(() => document.getElementById('ecomap-readout').innerText);
      const shown = await text();
      assert(/Amina Okafor/.test(shown) && /Weavers \(primary\)/.test(shown), `readout: ${shown}`);
      const rows = await page.evaluate(() => document.querySelectorAll('#ecomap-readout table')[1].tBodies[0].rows.length);
      assert(rows === 10, `the roles table has ${rows} rows`);
      await page.evaluate(() => window.ecomap.hideNames(true));
      await settle(page);
      await page.waitForTimeout(400);
      const hidden = await text();
      assert(!/Amina|Tenants/.test(hidden) && /Person 1/.test(hidden), `names still read out: ${hidden}`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],
  ];
}
