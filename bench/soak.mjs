// Browser soak for "never lose a map" (issue 12); not part of ./ecomap test.
//   nice -n 10 node bench/soak.mjs --minutes 10 [--dist build/web/dist] [--seed 1]
// Drives the real app in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core, loopback server only). Two tabs of one browser profile edit their own
// maps at the same time: real input (+ Person / + Organization, typing the name,
// dragging a list row onto a role) and edits through window.ecomap.loadMap() (rename,
// add, place; one undo step each, in bursts faster than the autosave delay). At random
// moments a tab is reloaded, or killed: its renderer is crashed (CDP Page.crash, no
// pagehide, no flush) or the page is closed. After every reload/kill the reopened tab
// (with Recent maps: recentMaps()/openRecent(id) when it opened another map) is checked
// against the script's own ledger of every edit and when it was made. Only edits made in
// the last second before a kill may be lost (the autosave promise). Prints the figures;
// exits 1 if an older edit was lost or a page error occurred.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, waitReady, settle } from '../tests/browser/harness.mjs';
import { clickItem, placeFromList, getMap, waitFor } from '../tests/browser/harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = { minutes: '10', dist: join(ROOT, 'build/web/dist'), seed: String(Date.now() % 100000) };
for (let i = 2; i < process.argv.length; i++) args[process.argv[i].replace(/^--/, '')] = process.argv[++i];
const MINUTES = Number(args.minutes), SEED = Number(args.seed);
const ROLES = ['weavers', 'experimenters', 'frontline-responders', 'visionaries', 'builders', 'caregivers',
               'disruptors', 'healers', 'storytellers', 'guides'];
const GRACE_MS = 1000;  // edits older than this before a kill must survive
const MAX_ENTITIES = 40;  // a map this big is replaced by a fresh one (keeps each step cheap)

// [SECTION] Random numbers (mulberry32: a run is repeatable from its seed, timing aside)
let rngState = SEED >>> 0;
function random() {
  rngState = (rngState + 0x6D2B79F5) >>> 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// [SECTION] Figures
const figures = { edits: 0, inputEdits: 0, apiEdits: 0, reloads: 0, kills: 0, crashes: 0, closes: 0,
                  checks: 0, stuckInputs: 0, heldElsewhere: 0, reopenedFromRecent: 0, lostRecent: 0, lostOld: 0, lostOnReload: 0,
                  unmatched: 0, pageErrors: [], consoleErrors: [], events: [] };
const started = Date.now();
const stamp = (t = Date.now()) => ((t - started) / 1000).toFixed(2) + ' s';
function log(line) { figures.events.push(line); console.log(`[${stamp()}] ${line}`); }

// A map's content as the ledger compares it: entities and placements, ids included.
function fingerprint(map) {
  const e = map.entities.map((x) => `${x.id}|${x.kind}|${x.name}`).sort().join(';');
  const p = map.placements.map((x) => `${x.entity}@${x.role}`).sort().join(';');
  return e + '#' + p;
}

// The text kept in IndexedDB for map `id` (the page's own database), or null.
function storedText(page, id) {
  return page.evaluate((key) => new Promise((resolve, reject) => {
    const open = indexedDB.open('ecomap');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('maps', 'readonly').objectStore('maps').get(key);
      get.onsuccess = () => { open.result.close(); resolve(typeof get.result === 'string' ? get.result : null); };
      get.onerror = () => reject(get.error);
    };
  }), id);
}

// [SECTION] One tab slot: a page, its lineage of maps, the ledger of its edits
class Slot {
  constructor(name, context, url) {
    this.name = name; this.context = context; this.url = url;
    this.ledger = [];  // {t, mapId, fp, what}; [0] is the baseline (not an edit)
    this.counter = 0;
  }
  async open() {
    const page = await this.context.newPage();
    page.on('pageerror', (err) => { figures.pageErrors.push(`${this.name} ${stamp()}: ${err.message}`); });
    page.on('console', (msg) => {
      if (msg.type() === 'error') figures.consoleErrors.push(`${this.name} ${stamp()}: ${msg.text()}`);
    });
    await page.goto(this.url);
    await waitReady(page);
    await settle(page);
    this.page = page;
  }
  mapId() { return this.page.evaluate(() => sessionStorage.getItem('ecomap-map-id')); }
  async baseline(what) {
    const map = await getMap(this.page);
    this.ledger = [{ t: 0, mapId: await this.mapId(), fp: fingerprint(map), what }];
    this.entities = map.entities.map((e) => e.id);
  }
  async record(what, t) {
    const map = await getMap(this.page);
    this.ledger.push({ t, mapId: await this.mapId(), fp: fingerprint(map), what });
    this.entities = map.entities.map((e) => e.id);
    figures.edits++;
  }
  uniqueName() { return `${this.name}-${++this.counter}-${Math.floor(random() * 1e6).toString(36)}`; }

  // [SECTION] Edits
  async inputAdd() {
    const kind = pick(['person', 'organization']);
    const name = this.uniqueName();
    // As addEntity() in the tests, with the states in between in the ledger: new and
    // nameless, then named; the autosave may catch any prefix of the name being typed.
    const before = this.entities || [];
    await clickItem(this.page, `add-${kind}`);
    await waitFor(this.page, () => window.ecomap.state().typing, null, `the name field to take the keyboard after + ${kind}`, 15000);
    await waitFor(this.page, (n) => JSON.parse(window.ecomap.getMap()).entities.length > n, before.length, `the new ${kind}`);
    await this.record(`+ ${kind} (input)`, Date.now());
    const nameless = this.ledger[this.ledger.length - 1].fp;
    if (random() < 0.4) {  // slow typing, one edit a key: never a 0.5 s pause; often killed right after
      const gap = 100 + Math.floor(random() * 300);
      const long = name + '-' + 'abcdefghijklmnopqrstuvwxyz'.slice(0, 6 + Math.floor(random() * 14));
      for (let n = 1; n <= long.length; n++) {
        await this.page.keyboard.type(long[n - 1]);
        await waitFor(this.page, ([known, typed]) => JSON.parse(window.ecomap.getMap()).entities.some((e) => !known.includes(e.id) && e.name === typed),
                      [before, long.slice(0, n)], `the new ${kind} to be named "${long.slice(0, n)}"`, 15000);
        await this.record(`type "${long.slice(0, n)}" (input, a key every ${gap} ms)`, Date.now());
        await sleep(gap);
      }
      figures.inputEdits++;
      if (random() < 0.5) await this.kill();
      return;
    }
    await this.page.keyboard.type(name);
    await waitFor(this.page, ([known, typed]) => JSON.parse(window.ecomap.getMap()).entities.some((e) => !known.includes(e.id) && e.name === typed),
                  [before, name], `the new ${kind} to be named "${name}"`, 15000);
    await this.record(`name it "${name}" (input)`, Date.now());
    const entry = this.ledger[this.ledger.length - 1];
    entry.partial = new Set();  // states between the nameless and the named entity
    for (let n = 1; n < name.length; n++) entry.partial.add(entry.fp.split(`|${name}`).join(`|${name.slice(0, n)}`));
    entry.partial.delete(nameless);
    figures.inputEdits++;
  }
  async inputPlace() {
    const map = await getMap(this.page);
    const choices = [];
    for (const e of map.entities) for (const role of ROLES)
      if (!map.placements.some((p) => p.entity === e.id && p.role === role)) choices.push([e.id, role]);
    if (choices.length === 0 || map.entities.length > 12) return this.inputAdd();  // list rows off screen
    const [entity, role] = pick(choices);
    await placeFromList(this.page, entity, role);
    await this.record(`place ${entity} on ${role} (input)`, Date.now());
    figures.inputEdits++;
  }
  async apiEdit() {  // getMap -> change -> loadMap(): one undo step, a new map in Recent maps
    const map = await getMap(this.page);
    const choice = random();
    let what;
    if (map.entities.length === 0 || choice < 0.35) {
      const id = 'soak-' + this.name + '-' + (++this.counter);
      const name = this.uniqueName();
      map.entities.push({ id, kind: pick(['person', 'organization', 'network']), name, anonymous: false, notes: '', source: '' });
      what = `+ "${name}" (loadMap)`;
    } else if (choice < 0.7) {
      const entity = pick(map.entities);
      entity.name = this.uniqueName();
      what = `rename ${entity.id} to "${entity.name}" (loadMap)`;
    } else {
      const entity = pick(map.entities);
      const free = ROLES.filter((r) => !map.placements.some((p) => p.entity === entity.id && p.role === r));
      if (free.length === 0) { entity.name = this.uniqueName(); what = `rename ${entity.id} (loadMap)`; } else {
        const role = pick(free);
        map.placements.push({ id: 'soak-p-' + this.name + '-' + (++this.counter), entity: entity.id, role,
                              strength: 'primary', energy: '', context: '' });
        what = `place ${entity.id} on ${role} (loadMap)`;
      }
    }
    const result = await this.page.evaluate((text) => window.ecomap.loadMap(text), JSON.stringify(map));
    const t = Date.now();
    if (!result.ok) throw new Error(`${this.name}: loadMap refused ${what}: ${JSON.stringify(result.errors)}`);
    await this.record(what, t);
    figures.apiEdits++;
  }
  async fresh() {  // the map got big: start over from an empty map (itself an edit)
    const map = await getMap(this.page);
    map.entities = []; map.placements = []; map.relationships = [];
    const result = await this.page.evaluate((text) => window.ecomap.loadMap(text), JSON.stringify(map));
    const t = Date.now();
    if (!result.ok) throw new Error(`${this.name}: loadMap of an empty map refused: ${JSON.stringify(result.errors)}`);
    await this.record('empty map (loadMap)', t);
    figures.apiEdits++;
  }

  // [SECTION] Reloads and kills, then the check against the ledger
  async reload() {
    const at = Date.now();
    await this.page.reload();
    await waitReady(this.page);
    await settle(this.page);
    figures.reloads++;
    await this.check('reload', at);
  }
  async kill() {
    const how = random() < 0.75 ? 'crash' : 'close';
    const page = this.page;
    const at = Date.now();
    if (how === 'crash') {
      const cdp = await this.context.newCDPSession(page);
      const crashed = new Promise((resolve) => page.once('crash', resolve));
      cdp.send('Page.crash').catch(() => {});
      await Promise.race([crashed, sleep(5000)]);
      await page.close().catch(() => {});
      figures.crashes++;
    } else {
      await page.close({ runBeforeUnload: false });
      figures.closes++;
    }
    figures.kills++;
    await this.open();
    await this.check('kill (' + how + ')', at);
  }
  async check(event, at) {
    figures.checks++;
    const expectedIds = [...new Set(this.ledger.map((e) => e.mapId))].reverse();  // newest map first
    let current = await this.mapId();
    const kept = new Set((await this.page.evaluate(() => window.ecomap.recentMaps())).map((m) => m.id));
    const target = expectedIds.find((id) => kept.has(id) || id === current);
    let fp = null;
    if (target && target !== current) {
      const result = await this.page.evaluate((id) => window.ecomap.openRecent(id), target);
      if (result.ok) figures.reopenedFromRecent++;
      else {  // both tabs reopened at once and each took the other's map: read the record itself
        log(`${this.name}: openRecent(${target}) after ${event} refused (${result.errors.join(' ')}); reading its record`);
        figures.heldElsewhere++;
        await this.page.keyboard.press('Escape').catch(() => {});
        const text = await storedText(this.page, target);
        if (text !== null) fp = fingerprint(JSON.parse(text));
      }
      await settle(this.page);
      if (fp === null) current = await this.mapId(); else current = target;
    }
    if (fp === null) fp = fingerprint(await getMap(this.page));
    let matched = -1;
    for (let i = this.ledger.length - 1; i >= 0 && matched < 0; i--) {
      const e = this.ledger[i];
      if (e.mapId !== current) continue;
      if (e.fp === fp) matched = i;
      else if (e.partial && e.partial.has(fp)) matched = i - 1;  // part of the name was kept: the naming is lost
    }
    const lost = matched < 0 ? this.ledger.slice(1) : this.ledger.slice(matched + 1);
    if (matched < 0) {
      figures.unmatched++;
      const shown = (await getMap(this.page)).entities.map((e) => e.name).join(', ');
      log(`${this.name}: after ${event} the tab shows map ${current} [${shown}], which matches no state in the ` +
          `ledger (its maps, newest first: ${expectedIds.join(', ')}; target ${target}; kept: ${[...kept].join(', ')})`);
    }
    const old = lost.filter((e) => e.t < at - GRACE_MS);
    figures.lostRecent += lost.length - old.length;
    figures.lostOld += old.length;
    if (event === 'reload') figures.lostOnReload += lost.length;
    if (lost.length > 0) {
      log(`${this.name}: ${event} at ${stamp(at)} lost ${lost.length} edit(s), ${old.length} older than 1 s: ` +
          lost.map((e) => `${e.what} made ${((at - e.t) / 1000).toFixed(2)} s before`).join('; '));
    }
    await this.baseline(`after ${event}`);
  }

  // An input step that did not finish (a slow machine, a field that lost the keyboard) is
  // told and counted; whatever it changed becomes an edit of the ledger, and the loop goes on.
  async guarded(what, step) {
    try { await step(); } catch (error) {
      figures.stuckInputs++;
      log(`${this.name}: an ${what} step did not finish: ${error.message.split('\n')[0]}`);
      await this.page.keyboard.press('Escape').catch(() => {});
      await settle(this.page);
      const map = await getMap(this.page);
      const before = new Set(this.entities || []);
      const added = map.entities.filter((e) => !before.has(e.id)).map((e) => `"${e.name}"`).join(', ');
      if (added) log(`${this.name}:   it added ${added}; typing: ${(await this.page.evaluate(() => window.ecomap.state())).typing}`);
      if (fingerprint(map) !== this.ledger[this.ledger.length - 1].fp) await this.record(`unfinished ${what}`, Date.now());
    }
  }

  // [SECTION] The loop of one tab
  async run(deadline) {
    await this.open();
    await this.baseline('start');
    for (let step = 0; step < 100000 && Date.now() < deadline; step++) {
      const r = random();
      if ((this.entities || []).length >= MAX_ENTITIES) await this.fresh();
      else if (r < 0.30) await this.guarded('input', () => this.inputAdd());
      else if (r < 0.40) await this.guarded('input', () => this.inputPlace());
      else if (r < 0.75) {  // a burst of API edits, often faster than the 0.5 s autosave delay
        const n = 1 + Math.floor(random() * 8);
        const gap = pick([50, 150, 300, 600]);
        for (let i = 0; i < n && Date.now() < deadline; i++) { await this.apiEdit(); await sleep(gap); }
        if (random() < 0.3) await this.kill();  // right after a burst: older edits of the burst at stake
      } else if (r < 0.83) await this.reload();
      else if (r < 0.95) { await sleep(Math.floor(random() * 1500)); await this.kill(); }
      else await sleep(Math.floor(random() * 1000));
      if (random() < 0.1) await this.kill();  // a kill right after an edit: the last second at stake
    }
    await this.page.evaluate(() => window.ecomap.flushAutosave());
  }
}

// [SECTION] Main
const server = await serve(args.dist);
const browser = await launch();
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const deadline = Date.now() + MINUTES * 60000;
  const slots = [new Slot('A', context, server.url), new Slot('B', context, server.url)];
  console.log(`soak: ${MINUTES} min, seed ${SEED}, dist ${args.dist}, two tabs`);
  const results = await Promise.allSettled(slots.map((slot, i) => sleep(i * 700).then(() => slot.run(deadline))));
  for (const [i, r] of results.entries()) if (r.status === 'rejected') {
    failed = true;
    console.log(`soak: tab ${slots[i].name} stopped: ${r.reason && r.reason.stack || r.reason}`);
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
const f = figures;
console.log(`soak: ${f.edits} edits made (${f.inputEdits} by input, ${f.apiEdits} by loadMap), ${f.reloads} reloads, ` +
            `${f.kills} kills (${f.crashes} crashed renderers, ${f.closes} closed pages), ${f.checks} checks, ` +
            `${f.reopenedFromRecent} reopened from Recent maps, ${f.heldElsewhere} read from storage (held by the other tab), ${f.stuckInputs} unfinished input steps`);
console.log(`soak: edits lost within the last second: ${f.lostRecent}; lost older than 1 s: ${f.lostOld}; ` +
            `lost on reload: ${f.lostOnReload}; unmatched states: ${f.unmatched}`);
console.log(`soak: page errors: ${f.pageErrors.length}; console errors: ${f.consoleErrors.length}`);
for (const line of [...f.pageErrors, ...f.consoleErrors].slice(0, 20)) console.log('  ' + line);
if (f.lostOld > 0 || f.unmatched > 0 || f.pageErrors.length > 0 || failed) {
  console.log('soak: FAILED');
  process.exit(1);
}
console.log('soak: ok');
