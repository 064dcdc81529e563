// Legible at workshop size: a 300-entity map in the normal view after Fit. Every token is
// inside its own sector and the ring, no two tokens overlap, no two drawn names overlap
// (layout().labels), and a token whose name was left out shows it when hovered. At 1,000
// entities the crowded roles show a count instead of dots until zoomed in.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { openApp, waitReady, settle, assert, docScreenshot, getLayout, input } from './harness.mjs';

// The app with a generated map of `entities` entities (ecomap-cli sample), after Fit.
async function openSample(browser, server, out, entities) {
  const opened = await openApp(browser, server.url);
  await waitReady(opened.page);
  const file = join(out, `sample-${entities}.json`);
  execFileSync('build/native/src/cli/ecomap-cli', ['sample', '--seed', '3', '--entities', String(entities), '-o', file]);
  const result = await opened.page.evaluate((t) => window.ecomap.loadMap(t), await readFile(file, 'utf8'));
  assert(result.ok, `the sample did not load: ${result.errors}`);
  await settle(opened.page, 300);
  return opened;
}

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function tests({ browser, server, out }) {
  return [
    ['300 entities after Fit: tokens inside their sectors, no overlapping tokens or names; hover shows a hidden name', async () => {
      const { context, page, problems } = await openSample(browser, server, out, 300);
      const layout = await getLayout(page);
      const { centre, ring, tokens, labels, roles } = layout;
      assert(tokens.length > 300, `${tokens.length} tokens`);
      const twoPi = 2 * Math.PI;
      let outside = 0, overlapping = 0;
      for (const t of tokens) {
        const dx = t.x - centre.x, dy = t.y - centre.y, rho = Math.hypot(dx, dy);
        const role = roles.find((r) => r.id === t.role);
        const angle = ((Math.atan2(dx, -dy) % twoPi) + twoPi) % twoPi;
        const mid = (role.arc.start + role.arc.end) / 2, half = (role.arc.end - role.arc.start) / 2;
        const off = Math.abs(((angle - mid + 3 * Math.PI) % twoPi) - Math.PI);
        const inBand = rho - t.r >= ring.inner - 0.5 && rho + t.r <= ring.outer + 0.5;
        const inSector = off <= half && rho * Math.sin(half - off) >= t.r - 0.5;
        if (!inBand || !inSector) outside++;
      }
      for (let a = 0; a < tokens.length; a++)
        for (let b = a + 1; b < tokens.length; b++)
          if (Math.hypot(tokens[a].x - tokens[b].x, tokens[a].y - tokens[b].y) < tokens[a].r + tokens[b].r - 0.5) overlapping++;
      assert(outside === 0, `${outside} tokens leave their sector or the ring`);
      assert(overlapping === 0, `${overlapping} pairs of tokens overlap`);
      let names = 0;
      for (let a = 0; a < labels.length; a++)
        for (let b = a + 1; b < labels.length; b++) if (overlaps(labels[a], labels[b])) names++;
      assert(labels.length >= 20, `only ${labels.length} names drawn`);
      assert(names === 0, `${names} pairs of drawn names overlap`);
      await docScreenshot(page, out, 'legible-300-1280x800.png');

      // A token whose name was left out: hovering it draws its name.
      const map = JSON.parse(await page.evaluate(() => window.ecomap.getMap()));
      const drawn = new Set(labels.map((l) => l.text));
      const hidden = tokens.find((t) => { const e = map.entities.find((x) => x.id === t.entity);
        return e && e.name && e.name.length < 14 && !drawn.has(e.name); });
      assert(hidden, 'every name is drawn already: nothing to hover');
      await input(page, () => page.mouse.move(hidden.x, hidden.y));
      await settle(page, 100);
      const name = map.entities.find((x) => x.id === hidden.entity).name;
      const after = await getLayout(page);
      assert(after.labels.some((l) => l.text === name), `hovering ${hidden.entity} does not show "${name}"`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['1,000 entities after Fit: crowded roles show their count instead of unreadable dots; zooming in brings the tokens back', async () => {
      const { context, page, problems } = await openSample(browser, server, out, 1000);
      const before = await getLayout(page);
      const crowded = before.roles.filter((r) => r.crowded > 0);
      assert(crowded.length > 0, 'no role is drawn as a count at 1,000 entities');
      for (const role of crowded) {
        const tokens = before.tokens.filter((t) => t.role === role.id);
        assert(role.crowded === tokens.length, `${role.id}: count ${role.crowded}, ${tokens.length} tokens`);
        assert(tokens.every((t) => !t.shown), `${role.id}: tokens drawn under its count`);
        assert(tokens.every((t) => t.r < 6), `${role.id}: collapsed although its tokens are ${tokens[0].r} px`);
      }
      for (const t of before.tokens) if (t.shown) assert(t.r >= 6 || before.roles.find((r) => r.id === t.role).crowded === 0, 'a small token is drawn');
      await docScreenshot(page, out, 'crowded-1000-1280x800.png');

      // Zoom in on the first crowded role: its tokens come back, readable.
      const role = crowded[0];
      const anchor = { x: (before.centre.x + role.label.x) / 2, y: (before.centre.y + role.label.y) / 2 };
      await input(page, () => page.mouse.move(anchor.x, anchor.y));
      for (let i = 0; i < 6; i++) await input(page, () => page.mouse.wheel(0, -240));
      await settle(page, 300);
      const after = await getLayout(page);
      assert(after.zoom > before.zoom * 1.5, `the wheel did not zoom (${before.zoom} -> ${after.zoom})`);
      const back = after.roles.find((r) => r.id === role.id);
      assert(back.crowded === 0, `${role.id} still a count at zoom ${after.zoom}`);
      const shown = after.tokens.filter((t) => t.role === role.id && t.shown);
      assert(shown.length > 0 && shown.every((t) => t.r >= 6), `${role.id}: ${shown.length} tokens shown after zooming in`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],
  ];
}
