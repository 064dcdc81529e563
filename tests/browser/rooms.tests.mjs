// A live workshop room, end to end in the browser against the real room service
// (server/src/service.mjs, rooms kept in a temporary folder): the facilitator starts a room
// from the Room panel, the projector link follows it, 8 phones (390×844, touch only) join by
// the join link and add themselves through the touch UI; every entry reaches the facilitator
// and the projector. The facilitator removes an entry and it leaves everyone's map. The
// service is stopped mid-room: a phone keeps editing offline (its status says so), the
// service restarts on the same folder, and nothing is lost. The room ends as an ordinary map.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createService } from '../../server/src/service.mjs';
import { parseArgs, openApp, waitReady, assert, docScreenshot, openPhone, getMap, clickItem, tokensOf, settle } from './harness.mjs';

const PHONES = 8;
const ROLES = ['weavers', 'experimenters', 'frontline-responders', 'visionaries', 'builders', 'caregivers', 'disruptors', 'healers'];

async function until(page, fn, arg, message, timeout = 30000) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 200 });
  } catch {
    throw new Error(`${message} (waited ${timeout / 1000} s)`);
  }
}

let step = '';  // what the test was doing, for a failure's message
const names = (map) => map.entities.map((e) => e.name).sort();

export function tests({ browser, out }) {
  const { dist } = parseArgs(process.argv);
  return [['rooms: a facilitator, a projector and 8 phones fill one map live; a restart of the service loses nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ecomap-browser-rooms-'));
    let service = await createService({ port: 0, host: '127.0.0.1', dataDir, dist });
    const port = Number(new URL(service.url).port);
    const contexts = [];
    try {
      // The facilitator starts a room from the Room panel.
      step = 'The facilitator starts a room from the Room panel.';
      const facilitator = await openApp(browser, service.url + '/', { width: 1280, height: 800 });
      contexts.push(facilitator.context);
      const fac = facilitator.page;
      await waitReady(fac);
      await until(fac, () => window.ecomap.uiItems().room, null, 'the toolbar to show the Room button');
      await clickItem(fac, 'room');
      await fac.fill('#room-title', 'Tenants workshop');
      await fac.click('#room-start');
      await until(fac, () => window.ecomap.room.status().state === 'live', null, 'the facilitator to be live in the room');
      assert((await getMap(fac)).meta.title === 'Tenants workshop', 'the room title did not name the map');
      const links = await fac.evaluate(() => window.ecomap.room.links());
      assert(/^[2-9A-HJ-NP-Z]{6}$/.test(links.code), `room code "${links.code}"`);
      assert(links.joinUrl.endsWith(`/?join=${links.code}`), `join link ${links.joinUrl}`);
      assert(await fac.isVisible('#room-panel canvas'), 'the panel shows no QR code');
      assert((await fac.textContent('#room-code-shown')) === links.code, 'the panel does not show the code');
      await docScreenshot(fac, out, 'room-facilitator-1280x800.png');
      await fac.click('#room-qr-button');
      const qrBox = await fac.locator('#room-qr-full canvas').boundingBox();
      assert(qrBox && qrBox.width >= 500, `the full-screen QR code is ${qrBox && qrBox.width} px wide`);
      const qrPath = join(out, 'room-qr-code.png');  // a phone's camera reads it: zbarimg stands in for one
      await fac.locator('#room-qr-full canvas').screenshot({ path: qrPath });
      const scanned = execFileSync('zbarimg', ['--raw', '-q', qrPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      assert(scanned === links.joinUrl, `the QR code reads "${scanned}", not the join link ${links.joinUrl}`);
      await docScreenshot(fac, out, 'room-qr-1280x800.png');
      await fac.click('#room-qr-full');
      assert(await fac.isHidden('#room-qr-full'), 'a click does not close the full-screen code');
      await fac.click('#room-panel .close');
      assert(await fac.isHidden('#room-panel'), 'the room panel does not close');

      // The projector follows the room, presenting, read only.
      step = 'The projector follows the room, presenting, read only.';
      const projector = await openApp(browser, links.projectorUrl, { width: 1280, height: 720 });
      contexts.push(projector.context);
      await waitReady(projector.page);
      await until(projector.page, () => window.ecomap.state().room.role === 'projector' && window.ecomap.state().presenting,
                  null, 'the projector link to open the room in presentation mode');
      assert(await projector.page.isVisible('#room-corner'), 'the projector does not show how to join');

      // 8 phones join through the join link and add themselves with the touch UI.
      step = '8 phones join through the join link and add themselves with ';
      const phones = [];
      for (let i = 1; i <= PHONES; i++) {
        const phone = await openPhone(browser, links.joinUrl);
        contexts.push(phone.context);
        phones.push(phone);
        const { page, tap } = phone;
        await until(page, () => !document.getElementById('room-panel').hidden && document.getElementById('room-code').value !== '',
                    null, `phone ${i}: the join screen with the code filled in`);
        assert(await page.isVisible('text=pass through the room server'), `phone ${i}: the join screen does not say names pass through the server`);
        await page.tap('#room-name');
        await page.keyboard.type(`Phone ${i}`);
        await page.tap('#room-join');
        await until(page, () => window.ecomap.room.status().state === 'live', null, `phone ${i} to be live in the room`);
        assert(await page.isVisible('#room-status'), `phone ${i}: no room status line`);
        await tap('add-person');
        await until(page, () => window.ecomap.state().typing, null, `phone ${i}: the name field to take the keyboard`);
        await page.waitForTimeout(150);
        await page.keyboard.type(`Person ${i}`, { delay: 20 });
        await until(page, (n) => JSON.parse(window.ecomap.getMap()).entities.some((e) => e.name === n), `Person ${i}`,
                    `phone ${i}: the person to be named`);
        await tap(`toggle-role:${ROLES[i - 1]}`);
        if (i === 1) await docScreenshot(page, out, 'room-phone-390x844.png');
      }
      const expected = Array.from({ length: PHONES }, (_, k) => `Person ${k + 1}`).sort();
      for (const [who, page] of [['facilitator', fac], ['projector', projector.page]]) {
        await until(page, (want) => {
          const map = JSON.parse(window.ecomap.getMap());
          return map.entities.length === want.length && map.placements.length === want.length;
        }, expected, `every phone's entry and role to reach the ${who}`).catch(async (error) => {
          const map = await getMap(page);
          const phonesSay = await Promise.all(phones.map((p) => p.page.evaluate(() => ({
            status: window.ecomap.room.status(), map: JSON.parse(window.ecomap.getMap()) }))));
          throw new Error(`${error.message}: the ${who} has ${names(map).join(', ')} and ${map.placements.length} placements; ` +
            `phones: ${phonesSay.map((s) => `${s.status.state}/${s.status.pending} ${s.map.entities.map((e) => e.name).join('+')} ${s.map.placements.length}`).join('; ')}`);
        });
        const map = await getMap(page);
        assert(JSON.stringify(names(map)) === JSON.stringify(expected), `${who} has ${names(map).join(', ')}`);
        for (let i = 1; i <= PHONES; i++) {
          const entity = map.entities.find((e) => e.name === `Person ${i}`);
          assert(map.placements.some((p) => p.entity === entity.id && p.role === ROLES[i - 1]),
                 `${who}: Person ${i} is not on ${ROLES[i - 1]}`);
        }
      }
      await until(fac, (n) => window.ecomap.room.status().participants === n, PHONES, 'the facilitator to count 8 participants');
      await settle(projector.page);
      await docScreenshot(projector.page, out, 'room-projector-1280x720.png');
      for (const [i, phone] of phones.entries()) {
        const status = await phone.page.evaluate(() => window.ecomap.room.status());
        assert(status.pending === 0, `phone ${i + 1} still has ${status.pending} unsent changes`);
        assert((await getMap(phone.page)).entities.length === 1, `phone ${i + 1} sees others' entries while the group map is not shared`);
      }

      // The facilitator shares the group map: phones then see everyone's entries (read only).
      await fac.evaluate(() => window.ecomap.room.showGroup(true));
      await until(phones[2].page, (n) => JSON.parse(window.ecomap.getMap()).entities.length === n, PHONES,
                  'phone 3 to see the group map once it is shared');
      await fac.evaluate(() => window.ecomap.room.hideNames(true));
      await until(projector.page, () => window.ecomap.state().hideNames, null, 'the projector to hide names when asked');

      // The facilitator removes Person 1's entry: it leaves the phone and the projector.
      step = "The facilitator removes Person 1's entry: it leaves the phon";
      const mapBefore = await getMap(fac);
      const person1 = mapBefore.entities.find((e) => e.name === 'Person 1');
      const [token] = await tokensOf(fac, person1.id);
      await fac.mouse.click(token.x, token.y);
      await until(fac, (id) => window.ecomap.state().selection.some((s) => s.id === id), person1.id, 'a click on the token to select it');
      await clickItem(fac, 'delete-entity');
      await until(fac, (id) => window.ecomap.state().confirm !== null || !JSON.parse(window.ecomap.getMap()).entities.some((e) => e.id === id),
                  person1.id, 'the entry to be deleted (or a question first)');
      if ((await fac.evaluate(() => window.ecomap.state().confirm)) !== null) await clickItem(fac, 'dialog-confirm');
      await until(phones[0].page, () => !JSON.parse(window.ecomap.getMap()).entities.some((e) => e.name === 'Person 1'), null,
                  'the removal to reach phone 1');
      await until(projector.page, (n) => JSON.parse(window.ecomap.getMap()).entities.length === n, PHONES - 1, 'the removal to reach the projector');

      // The service stops mid-room; phone 2 adds its organization offline, and the edit arrives after a restart.
      step = 'The service stops mid-room; phone 2 adds its organization of';
      await service.close();
      await until(phones[1].page, () => window.ecomap.room.status().state !== 'live', null, 'phone 2 to notice the service is gone');
      const phone2 = phones[1].page;
      await phones[1].tap('add-organization');
      await until(phone2, () => window.ecomap.state().typing, null, 'phone 2: the organization name field');
      await phone2.waitForTimeout(150);
      await phone2.keyboard.type('Offline Co-op', { delay: 20 });
      await until(phone2, () => window.ecomap.room.status().pending > 0, null, 'phone 2 to count its unsent change');
      const offlineText = await phone2.textContent('#room-status');
      assert(/Offline/.test(offlineText) && /not sent yet/.test(offlineText), `phone 2's status line says "${offlineText}"`);
      await docScreenshot(phone2, out, 'room-phone-offline-390x844.png');
      service = await createService({ port, host: '127.0.0.1', dataDir, dist });
      await until(phone2, () => window.ecomap.room.status().state === 'live' && window.ecomap.room.status().pending === 0, null,
                  'phone 2 to reconnect and send its change', 60000);
      await until(fac, () => JSON.parse(window.ecomap.getMap()).entities.some((e) => e.name === 'Offline Co-op'), null,
                  'the offline edit to reach the facilitator after the restart', 60000);
      const after = await getMap(fac);
      assert(after.entities.length === PHONES, `after the restart the facilitator has ${after.entities.length} entries`);

      // The room ends: the group map stays an ordinary map that saves and reopens.
      step = 'The room ends: the group map stays an ordinary map that save';
      await fac.evaluate(() => window.ecomap.room.end());
      const ended = await fac.evaluate(() => ({ status: window.ecomap.room.status(), state: window.ecomap.state() }));
      assert(ended.status.state === 'none' && ended.state.room.role === 'none', 'the facilitator is still in the room after ending it');
      assert(ended.state.dialog && /The room has ended/.test(ended.state.dialog.message),
             `ending the room says "${ended.state.dialog && ended.state.dialog.message}"`);
      const saved = await fac.evaluate(() => window.ecomap.getMap());
      const reopened = await fac.evaluate((text) => window.ecomap.loadMap(text), saved);
      assert(reopened.ok, `the ended room's map does not reopen: ${reopened.errors}`);
      await until(phones[2].page, () => window.ecomap.room.status().state === 'none', null, 'phone 3 to leave the ended room');
      assert((await getMap(phones[2].page)).entities.some((e) => e.name === 'Person 3'), 'phone 3 lost its entry when the room ended');
      // The browser itself logs each refused reconnection while the service is down; anything else is a problem.
      const unexpected = [...facilitator.problems, ...projector.problems].filter((p) => !/WebSocket connection to .* failed/.test(p));
      assert(unexpected.length === 0, unexpected.join('\n'));
    } catch (error) {
      throw new Error(`${step}: ${error.message}`);
    } finally {
      for (const context of contexts) await context.close().catch(() => {});
      await service.close().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    }
  }]];
}
