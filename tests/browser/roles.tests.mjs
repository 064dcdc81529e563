// Any number of roles the core accepts (1 to 64) draws correctly: for maps with 3, 10,
// 20 and 64 roles, every role's rim shows its own colour where layout() puts its arc,
// a click in the middle of that arc selects that role, and the PNG and SVG exports
// carry every role. Pictures: roles-<n>.png and roles-<n>-export.png in the output folder.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { openApp, waitReady, settle, assert } from './harness.mjs';

let outDir = '.';  // where screenshots go (set by tests())

const kRoleTarget = 2;  // TargetKind::Role in state().selection

// A colour per role, far from its neighbours: hues spread by the golden angle, two
// lightness levels alternating. "#rrggbb".
function roleColor(i) {
  const hue = (i * 137.508) % 360;
  const light = i % 2 === 0 ? 0.42 : 0.62;
  const k = (n) => (n + hue / 30) % 12;
  const a = 0.75 * Math.min(light, 1 - light);
  const channel = (n) => Math.round(255 * (light - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return '#' + [0, 8, 4].map((n) => channel(n).toString(16).padStart(2, '0')).join('');
}

// A valid map whose framework has `count` roles, one person placed on the first role.
function mapWithRoles(count) {
  const roles = [];
  for (let i = 0; i < count; i++)
    roles.push({ id: `r${i}`, name: `Role ${i + 1}`, color: roleColor(i), description: `Role number ${i + 1}.` });
  return JSON.stringify({
    format: 'ecomap', formatVersion: 2,
    meta: { title: `${count} roles` },
    framework: { id: `roles-${count}`, name: `${count} roles`, attribution: { text: 'Test framework' }, roles },
    entities: [{ id: 'e1', kind: 'person', name: 'Ada' }],
    placements: [{ id: 'p1', entity: 'e1', role: 'r0', strength: 'primary' }],
  });
}

// The rim colour at each role's mid-arc, compared with the role's colour.
function rimErrors(png, layout, expected) {
  const errors = [];
  const radius = layout.ring.outer - 3;
  layout.roles.forEach((role, i) => {
    const mid = (role.arc.start + role.arc.end) / 2;
    const x = Math.round(layout.centre.x + Math.sin(mid) * radius);
    const y = Math.round(layout.centre.y - Math.cos(mid) * radius);
    const at = (y * png.width + x) * 4;
    const got = [png.data[at], png.data[at + 1], png.data[at + 2]];
    const want = [1, 3, 5].map((k) => parseInt(expected[i].slice(k, k + 2), 16));
    if (got.some((v, c) => Math.abs(v - want[c]) > 40))
      errors.push(`${role.name} at (${x},${y}): rgb(${got}), expected ${expected[i]}`);
  });
  return errors;
}

async function load(page, count) {
  const result = await page.evaluate((t) => window.ecomap.loadMap(t), mapWithRoles(count));
  assert(result.ok, `loadMap refused ${count} roles: ${JSON.stringify(result.errors)}`);
  // layout() is the last frame drawn: under load that frame can come after settle's quiet 200 ms.
  await page.waitForFunction((n) => window.ecomap.layout().roles.length === n, count, { timeout: 5000, polling: 100 }).catch(() => {});
  await settle(page);
}

function roleCheck(count, browser, server) {
  return [`a map with ${count} roles: every rim shows its colour where layout() puts it, clicks select it`, async () => {
    const { context, page, problems } = await openApp(browser, server.url);
    await waitReady(page);
    await load(page, count);
    const layout = await page.evaluate(() => window.ecomap.layout());
    assert(layout.roles.length === count, `layout has ${layout.roles.length} roles, expected ${count}`);
    const expected = Array.from({ length: count }, (_, i) => roleColor(i));
    layout.roles.forEach((role, i) => assert(role.color.toLowerCase() === expected[i], `${role.name} is ${role.color}`));
    const png = PNG.sync.read(await page.screenshot({ path: join(outDir, `roles-${count}.png`) }));
    const errors = rimErrors(png, layout, expected);
    assert(errors.length === 0, `${errors.length} of ${count} rims are wrong:\n  ${errors.slice(0, 8).join('\n  ')}`);

    // Hit-testing agrees with the drawing: the middle of a role's band selects that role.
    const band = layout.ring.inner + (layout.ring.outer - layout.ring.inner) * 0.12;  // inside the band, clear of tokens
    for (const i of [0, Math.floor(count / 2), count - 1]) {
      const role = layout.roles[i];
      const mid = (role.arc.start + role.arc.end) / 2;
      const x = layout.centre.x + Math.sin(mid) * band, y = layout.centre.y - Math.cos(mid) * band;
      await page.mouse.move(x, y);
      await page.mouse.click(x, y);
      await settle(page);
      const state = await page.evaluate(() => window.ecomap.state());
      const selected = state.selection[0] || {};
      assert(selected.kind === kRoleTarget && selected.id === role.id,
             `a click on ${role.name} selected ${JSON.stringify(state.selection)}`);
    }

    // The SVG export draws one rim per role in its colour.
    const svg = await page.evaluate(() => window.ecomap.exportSVG());
    for (const color of expected)
      assert(svg.toUpperCase().includes(`FILL="${color.toUpperCase()}"`), `the SVG has no rim in ${color}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }];
}

export function tests({ browser, server, out }) {
  outDir = out;
  return [...[3, 10, 20, 64].map((count) => roleCheck(count, browser, server)),
    ...[20, 64].map((count) => pngCheck(count, browser, server))];
}

function pngCheck(count, browser, server) {
  return [`the PNG export of a ${count}-role map shows every role colour along its own arc`, async () => {
    const { context, page, problems } = await openApp(browser, server.url);
    await waitReady(page);
    await load(page, count);
    const bytes = Buffer.from(await page.evaluate(async () =>
      Array.from(await window.ecomap.exportPNG({ width: 1000, height: 1000, title: false }))));
    await writeFile(join(outDir, `roles-${count}-export.png`), bytes);
    const png = PNG.sync.read(bytes);
    // The ring is centred in the map area (between a 20 px top margin and the 43 px
    // attribution band): walk out from there along each role's mid-arc to find its rim.
    const cx = png.width / 2, cy = 20 + (png.height - 20 - 43.2) / 2;
    const missing = [];
    for (let i = 0; i < count; i++) {
      const mid = (i * 2 * Math.PI) / count;
      const want = [1, 3, 5].map((k) => parseInt(roleColor(i).slice(k, k + 2), 16));
      let found = false;
      for (let r = png.width * 0.15; r < png.width * 0.5 && !found; r += 1) {
        const x = Math.round(cx + Math.sin(mid) * r), y = Math.round(cy - Math.cos(mid) * r);
        const at = (y * png.width + x) * 4;
        found = want.every((v, c) => Math.abs(png.data[at + c] - v) <= 24);
      }
      if (!found) missing.push(`role ${i + 1} (${roleColor(i)})`);
    }
    assert(missing.length === 0, `the PNG has no rim in the colour of ${missing.join(', ')}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }];
}
