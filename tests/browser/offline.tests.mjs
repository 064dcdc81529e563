// The offline app: after one visit the app opens with the network off (and the map kept in
// the browser is there); a new build is announced ("A new version is available") and Reload
// switches to it with the map kept. Served from a copy of dist/, so that a new build can be
// simulated by changing the copy's sw.js.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, serve, openApp, waitReady, assert, getMap } from './harness.mjs';

export function tests({ browser }) {
  const { dist } = parseArgs(process.argv);
  return [['offline: after one visit the app opens without the network; a new build offers Reload and keeps the map', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecomap-offline-'));
    await cp(dist, dir, { recursive: true });
    const server = await serve(dir);
    const { context, page, problems } = await openApp(browser, server.url);
    try {
      await waitReady(page);
      const ready = await page.evaluate(() => Promise.race([window.ecomap.offlineReady,
        new Promise((resolve) => setTimeout(() => resolve('timeout'), 60000))]));
      assert(ready === true, `the offline app did not get ready (${ready})`);
      assert(await page.isHidden('#ecomap-update'), 'the new-version notice shows without a new version');
      const loaded = await page.evaluate(() => window.ecomap.loadMap(JSON.stringify({ format: 'ecomap', formatVersion: 2,
        meta: { title: 'On the train' }, entities: [{ id: 'e1', kind: 'person', name: 'Kofi' }] })));
      assert(loaded.ok, 'the map did not load');
      await page.evaluate(() => window.ecomap.flushAutosave());

      await context.setOffline(true);
      await page.reload();
      await waitReady(page);
      const offline = await getMap(page);
      assert(offline.meta.title === 'On the train' && offline.entities[0].name === 'Kofi', 'offline, the kept map is not there');
      await context.setOffline(false);

      // A new build: another sw.js (its version changes with the files).
      const sw = await readFile(join(dir, 'sw.js'), 'utf8');
      await writeFile(join(dir, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await page.waitForSelector('#ecomap-update:not([hidden])', { timeout: 60000 });
      assert((await page.textContent('#ecomap-update')).includes('A new version of ecomap is available'), 'no new-version notice');
      await Promise.all([page.waitForNavigation({ timeout: 60000 }), page.click('#ecomap-update button')]);
      await waitReady(page);
      const after = await getMap(page);
      assert(after.meta.title === 'On the train', 'the map was lost when switching to the new version');
      const version = await page.evaluate(async () => (await caches.keys()).join(','));
      assert(version.includes('-next'), `the new version's cache is not in use (${version})`);
      const unexpected = problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p));
      assert(unexpected.length === 0, unexpected.join('\n'));
    } finally {
      await context.close();
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  }]];
}
