// Exports people can use: PNG (offscreen render, map embedded), SVG (map embedded),
// CSV; each made through the UI and re-opened through Open….
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { PNG } from 'pngjs';
import { openApp, waitReady, assert, settle, item as widget } from './harness.mjs';

// The map embedded in a PNG's "ecomap" iTXt chunk, or null.
export function embeddedMap(bytes) {
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'iTXt') {
      const keywordEnd = data.indexOf(0);
      if (data.toString('latin1', 0, keywordEnd) === 'ecomap') {
        let p = keywordEnd + 3;                 // NUL, compression flag, compression method
        p = data.indexOf(0, p) + 1;             // language tag
        p = data.indexOf(0, p) + 1;             // translated keyword
        return data.subarray(p).toString('utf8');
      }
    }
    offset += 12 + length;
  }
  return null;
}

function distinctColours(png) {
  const seen = new Set();
  for (let i = 0; i < png.data.length; i += 4 * 97) seen.add(png.data.readUInt32BE(i));
  return seen.size;
}

async function clickItem(page, name, dx = 0.5) {
  const item = await widget(page, name);  // waits for it: a dialog that just opened is placed in its second frame
  await page.mouse.move(item.x + item.w * dx, item.y + item.h / 2);  // hover first, as a hand does
  await settle(page, 60);
  await page.mouse.down();
  await page.waitForTimeout(60);
  await page.mouse.up();
  await settle(page);
}

async function loadSample(page, entities) {
  const file = `/tmp/ecomap-sample-${entities}.json`;
  execFileSync('build/native/src/cli/ecomap-cli', ['sample', '--seed', '3', '--entities', String(entities), '-o', file]);
  const text = await readFile(file, 'utf8');
  const result = await page.evaluate((t) => window.ecomap.loadMap(t), text);
  assert(result.ok, `sample did not load: ${result.errors}`);
  await page.waitForTimeout(300);
}

async function exportThroughDialog(page, steps) {
  await clickItem(page, 'export');
  for (const step of steps) await step();
  let downloading = page.waitForEvent('download', { timeout: 30000 });
  await clickItem(page, 'export-go');
  // Under heavy load a click on Export is sometimes not taken (under investigation): said in
  // the log, then clicked once more, as a user would.
  downloading = downloading.catch(async () => {
    if (!('export-go' in await page.evaluate(() => window.ecomap.uiItems()))) throw new Error('no download, and the dialog closed');
    console.log('       (the first click on Export was not taken; clicked again)');
    const again = page.waitForEvent('download', { timeout: 90000 });
    await clickItem(page, 'export-go');
    return again;
  });
  const download = await downloading.catch(async (error) => {
    const state = await page.evaluate(() => window.ecomap.state());
    await page.screenshot({ path: 'build/export-timeout.png' });
    throw new Error(`${error.message}; status "${state.status}", dialog ${JSON.stringify(state.dialog)}, ` +
                    `export dialog ${'export-go' in await page.evaluate(() => window.ecomap.uiItems()) ? 'open' : 'closed'}`);
  });
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

async function reopen(page, name, bytes) {
  await page.evaluate(() => window.ecomap.loadMap('{"format":"ecomap","formatVersion":2}'));  // something else first
  const choosing = page.waitForEvent('filechooser');
  await clickItem(page, 'open');
  const chooser = await choosing;
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  await page.waitForTimeout(800);
}

export function tests({ browser, server, out }) {
  return [
    ['PNG at 2× through the Export dialog: right size, not blank, map embedded, re-opens', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      await loadSample(page, 12);
      const before = await page.evaluate(() => window.ecomap.getMap());
      const area = (await page.evaluate(() => window.ecomap.layout())).area;
      const file = await exportThroughDialog(page, [() => clickItem(page, 'export-format:0', 0.1),
                                                    () => clickItem(page, 'export-size:1', 0.1)]);
      assert(file.name.endsWith('.png'), `file name ${file.name}`);
      const png = PNG.sync.read(file.bytes);
      assert(png.width === Math.round(area.w * 2) && png.height === Math.round(area.h * 2),
             `PNG is ${png.width}×${png.height}, map view is ${area.w}×${area.h}`);
      assert(distinctColours(png) > 30, 'the PNG is nearly blank');
      assert(embeddedMap(file.bytes) === before, 'the embedded map is not the current map');
      await reopen(page, file.name, file.bytes);
      assert(await page.evaluate(() => window.ecomap.getMap()) === before, 'the re-opened PNG gives another map');
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['PNG of a 200-entity map at a custom 4000 px width', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      await loadSample(page, 200);
      const started = Date.now();
      const file = await exportThroughDialog(page, [
        () => clickItem(page, 'export-size:3', 0.1),
        async () => {
          await clickItem(page, 'export-width', 0.2);
          await page.keyboard.press('Control+A');
          await page.keyboard.type('4000');
          await page.keyboard.press('Enter');
          await page.waitForTimeout(200);
        }]);
      const seconds = (Date.now() - started) / 1000;
      const png = PNG.sync.read(file.bytes);
      assert(png.width === 4000, `PNG is ${png.width} px wide`);
      assert(distinctColours(png) > 100, 'the PNG is nearly blank');
      assert(embeddedMap(file.bytes) === await page.evaluate(() => window.ecomap.getMap()), 'embedded map differs');
      console.log(`       4000×${png.height} PNG of 200 entities: ${(file.bytes.length / 1048576).toFixed(1)} MB, ` +
                  `${seconds.toFixed(1)} s from click to download`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['exportPNG({width: 4000}) of a 1,000-entity map: right size, map embedded, re-opens; the screen still draws', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      await loadSample(page, 1000);
      const before = await page.evaluate(() => window.ecomap.getMap());
      const area = (await page.evaluate(() => window.ecomap.layout())).area;
      const { milliseconds, base64 } = await page.evaluate(async () => {  // base64: 4 MB as an array would take a minute
        const started = performance.now();
        const png = await window.ecomap.exportPNG({ width: 4000 });
        const elapsed = performance.now() - started;
        let text = '';
        for (let i = 0; i < png.length; i += 32768) text += String.fromCharCode(...png.subarray(i, i + 32768));
        return { milliseconds: elapsed, base64: btoa(text) };
      });
      const bytes = Buffer.from(base64, 'base64');
      const png = PNG.sync.read(bytes);
      assert(png.width === 4000 && png.height === Math.round((4000 * area.h) / area.w),
             `PNG is ${png.width}×${png.height}, map view is ${area.w}×${area.h}`);
      assert(distinctColours(png) > 100, 'the PNG is nearly blank');
      assert(png.data[3] === 255, `top-left pixel alpha is ${png.data[3]}, expected an opaque background`);
      assert(embeddedMap(bytes) === before, 'the embedded map is not the current map');
      await writeFile(join(out, 'export-4000.png'), bytes);
      await reopen(page, 'export-4000.png', bytes);
      assert(await page.evaluate(() => window.ecomap.getMap()) === before, 'the re-opened PNG gives another map');
      // The export has its own fonts: the screen's text is still drawn after it.
      const text = await page.evaluate(() => window.ecomap.renderedText());
      assert(text.includes('People and organizations'), `the side panel has no text after the export:\n${text.slice(0, 300)}`);
      console.log(`       4000×${png.height} PNG of 1,000 entities: ${(bytes.length / 1048576).toFixed(1)} MB, ` +
                  `${(milliseconds / 1000).toFixed(1)} s in the page`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['a width past the limit is refused with a clear message', async () => {
      const { context, page } = await openApp(browser, server.url);
      await waitReady(page);
      const error = await page.evaluate(() => window.ecomap.exportPNG({ width: 9000 }).then(() => '', (e) => e.message));
      assert(/8192/.test(error), `message: ${error}`);
      await context.close();
    }],

    ['SVG through the Export dialog re-opens to the same map; transparent PNG has see-through corners', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      await loadSample(page, 12);
      const before = await page.evaluate(() => window.ecomap.getMap());
      const svg = await exportThroughDialog(page, [() => clickItem(page, 'export-format:1', 0.1)]);
      assert(svg.name.endsWith('.svg') && svg.bytes.toString('utf8').includes('<svg'), `not an SVG: ${svg.name}`);
      assert(svg.bytes.toString('utf8').includes('Deepa Iyer'), 'the SVG has no attribution line');
      await reopen(page, svg.name, svg.bytes);
      assert(await page.evaluate(() => window.ecomap.getMap()) === before, 'the re-opened SVG gives another map');
      const bytes = Buffer.from(await page.evaluate(async () =>
        Array.from(await window.ecomap.exportPNG({ width: 600, transparent: true }))));
      const png = PNG.sync.read(bytes);
      assert(png.data[3] === 0, `top-left pixel alpha is ${png.data[3]}, expected transparent`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['PDF through the Export dialog and exportPDF(): vector pages whose text pdftotext reads', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      await waitReady(page);
      await loadSample(page, 12);
      const map = JSON.parse(await page.evaluate(() => window.ecomap.getMap()));
      const pdf = await exportThroughDialog(page, [() => clickItem(page, 'export-format:2', 0.1),
        () => clickItem(page, 'export-paper:1', 0.1), () => clickItem(page, 'export-details', 0.1)]);
      assert(pdf.name.endsWith('.pdf') && pdf.bytes.subarray(0, 5).toString() === '%PDF-', `not a PDF: ${pdf.name}`);
      const file = join(out, 'export.pdf');
      await writeFile(file, pdf.bytes);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      assert(/^Pages:\s+1$/m.test(info) && /792 x 612 pts \(letter\)/.test(info), `Letter, map only expected:\n${info}`);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      for (const role of map.framework?.roles?.map((r) => r.name) ?? ['Weavers', 'Guides', 'Frontline Responders'])
        assert(text.includes(role), `no "${role}" in the PDF text`);
      assert(text.includes('Deepa Iyer'), 'no attribution line in the PDF text');

      // The API: A4 by default with page 2; a bad paper is refused with the reason.
      const bytes = Buffer.from(await page.evaluate(async () => Array.from(await window.ecomap.exportPDF())));
      await writeFile(file, bytes);
      const info2 = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      assert(/^Pages:\s+2$/m.test(info2) && /\(A4\)/.test(info2), `A4 with two pages expected:\n${info2}`);
      assert(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).includes('Who plays which role'), 'no page 2');
      const error = await page.evaluate(() => window.ecomap.exportPDF({ paper: 'a3' }).then(() => '', (e) => e.message));
      assert(/a4.*letter/.test(error), `message: ${error}`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }],

    ['CSV through the Export dialog: two UTF-8 tables that spreadsheet software reads', async () => {
      const { context, page } = await openApp(browser, server.url);
      await waitReady(page);
      await loadSample(page, 12);
      const downloads = [];
      page.on('download', (d) => downloads.push(d));
      await clickItem(page, 'export');
      await clickItem(page, 'export-format:3', 0.1);
      await clickItem(page, 'export-go');
      await page.waitForTimeout(1500);
      assert(downloads.length === 2, `${downloads.length} files downloaded, expected 2`);
      const names = downloads.map((d) => d.suggestedFilename()).sort();
      assert(names[0].endsWith('-links.csv') && names[1].endsWith('.csv'), `names ${names}`);
      const entities = await readFile(await downloads.find((d) => !d.suggestedFilename().endsWith('-links.csv')).path(), 'utf8');
      assert(entities.charCodeAt(0) === 0xfeff, 'no UTF-8 byte order mark');
      const map = JSON.parse(await page.evaluate(() => window.ecomap.getMap()));
      const rows = entities.trim().split('\r\n');
      assert(rows.length === map.entities.length + 1, `${rows.length - 1} rows for ${map.entities.length} entities`);
      await page.screenshot({ path: join(out, 'export-dialog.png') });
      await context.close();
    }],
  ];
}
