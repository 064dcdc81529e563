// Languages: with ?lang=es no English word of the catalogs is left on screen (first
// screen, New map, an entity in the inspector, Export, the facilitator's tabs, the
// presentation, a phone); <html lang> follows; the language menu and
// window.ecomap.setLanguage switch the app and the page at once; the choice is remembered;
// an unknown ?lang= falls back to the browser's language, else English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, waitReady, settle, assert, item, clickItem, addEntity, openPhone, waitFor, docScreenshot } from './harness.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const catalog = (code) => JSON.parse(readFileSync(join(root, 'src', 'i18n', `${code}.json`), 'utf8'));

// The framework's own words (role names, descriptions, prompts, attribution) come from the
// map's template, not from the catalogs: they are taken out of the text before checking.
function frameworkWords() {
  const words = [];
  const walk = (value) => {
    if (typeof value === 'string') words.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(readFileSync(join(root, 'maps', 'social-change-ecosystem.json'), 'utf8')));
  return words.filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);  // longest first
}

// English texts that must not show in Spanish: every catalog text that differs from its
// Spanish text, as a pattern ({placeholders} match anything, whole words only). Texts whose
// fixed part is shorter than 3 characters ("OK", "{kind} {name}"), and those found inside a
// Spanish text, are left out.
function englishPatterns() {
  const en = catalog('en'), es = catalog('es');
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [];
  for (const [key, text] of Object.entries(en)) {
    if (key.startsWith('@') || es[key] === undefined || es[key] === text) continue;
    const fixed = text.split(/\{[A-Za-z0-9_]+\}/);
    if (fixed.join('').replace(/[\s\p{P}\p{S}\d]/gu, '').length < 3) continue;
    const body = fixed.map(escape).join('.+?');
    const re = new RegExp(`(?<![\\p{L}])${body}(?![\\p{L}])`, 'u');
    if (!Object.values(es).some((spanish) => re.test(spanish))) patterns.push({ key, text, re });  // e.g. "{n} org" in "{n} org."
  }
  return patterns;
}

const FRAMEWORK = frameworkWords();
const ENGLISH = englishPatterns();

// The English catalog texts found in `text` (the framework's words taken out first).
function englishIn(text) {
  let rest = text;
  for (const word of FRAMEWORK) rest = rest.split(word).join(' ');
  return ENGLISH.filter((p) => p.re.test(rest)).map((p) => `${p.key}: "${p.text}"`);
}

// The map's own contents (title, values, cause, names: what the document holds) are not
// interface words: taken out, as are the text fields' contents ("{ ... }" in the capture).
async function withoutDocument(page, text) {
  const map = await page.evaluate(() => JSON.parse(window.ecomap.getMap()));
  const data = [map.meta && map.meta.title, ...(map.centre && map.centre.values || []), map.centre && map.centre.cause,
                ...map.entities.map((e) => e.name)].filter((s) => typeof s === 'string' && s.length > 0)
    .sort((a, b) => b.length - a.length);
  let rest = text.replace(/\{ [^}]*\}/g, ' ');
  for (const value of data) rest = rest.split(value).join(' ');
  return rest;
}

// `ignore`: key prefixes whose words may show from elsewhere (the New map dialog's starter
// descriptions, "12 people, 4 organizations", and the table's "Weavers (primary)" come from src/core).
async function assertSpanish(page, screen, ignore = []) {
  await settle(page);
  const text = await page.evaluate(() => window.ecomap.renderedText());
  assert(text.length > 20, `${screen}: no text was captured`);
  const found = englishIn(await withoutDocument(page, text)).filter((line) => !ignore.some((prefix) => line.startsWith(prefix)));
  assert(found.length === 0, `${screen}: English left on screen in Spanish:\n  ${found.join('\n  ')}\n--- text ---\n${text.slice(0, 1500)}`);
  const lang = await page.evaluate(() => document.documentElement.lang);
  assert(lang === 'es', `${screen}: <html lang> is "${lang}"`);
  return text;
}

const renderedText = (page) => page.evaluate(() => window.ecomap.renderedText());

export function tests({ browser, server, out }) {
  const url = (query) => server.url + query;
  return [
  ['languages: with ?lang=es the main screens show no English text of the catalogs', async () => {
    assert(ENGLISH.length > 100, `only ${ENGLISH.length} English texts to look for`);
    const { context, page, problems } = await openApp(browser, url('?lang=es'));
    await waitReady(page);
    assert(await page.evaluate(() => window.ecomap.language()) === 'es', 'ecomap.language() is not "es"');
    let text = await assertSpanish(page, 'first screen');
    assert(text.includes('Personas y organizaciones') && text.includes('Guardar JSON'), `the first screen is not in Spanish:\n${text}`);
    await docScreenshot(page, out, 'es-desktop-1280x800.png');

    await clickItem(page, 'new-map');
    await item(page, 'new:cancel');
    text = await assertSpanish(page, 'New map dialog', ['ui.count.']);
    assert(text.includes('Empezar desde una plantilla'), 'the New map dialog has no Spanish heading');
    await clickItem(page, 'new:cancel');

    const id = await addEntity(page, 'person', 'Ana');
    const first = (await page.evaluate(() => window.ecomap.layout())).roles[0].id;
    await clickItem(page, `toggle-role:${first}`);
    await waitFor(page, (e) => JSON.parse(window.ecomap.getMap()).placements.some((p) => p.entity === e), id, 'Ana to be placed');
    text = await assertSpanish(page, 'an entity in the inspector');
    assert(text.includes('Detalles de los roles') && text.includes('Principal'), `the inspector is not in Spanish:\n${text}`);

    await clickItem(page, 'export');
    await item(page, 'export-go');
    text = await assertSpanish(page, 'Export dialog (PNG)');
    assert(text.includes('Fondo transparente'), 'the Export dialog is not in Spanish');
    await clickItem(page, 'export-format:2');
    await assertSpanish(page, 'Export dialog (PDF)');
    await clickItem(page, 'export-cancel');

    await clickItem(page, 'tab-counts');
    text = await assertSpanish(page, 'Counts tab');
    assert(text.includes('Faltan:'), `the Counts tab has no Spanish gaps line:\n${text}`);
    await clickItem(page, 'tab-table');
    await assertSpanish(page, 'Table tab', ['ui.strength.']);  // the Roles column's text comes from core/look (roles_texts)
    await clickItem(page, 'tab-map');

    await page.evaluate(() => window.ecomap.voteMode(true));
    await page.evaluate(() => window.ecomap.present(true));
    text = await assertSpanish(page, 'presentation');
    assert(text.includes('Salir'), 'the presentation controls are not in Spanish');
    await page.evaluate(() => { window.ecomap.present(false); window.ecomap.voteMode(false); });
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['languages: the language menu and setLanguage() switch the app and the page at once, and the choice is remembered', async () => {
    const { context, page, problems } = await openApp(browser, url('?lang=es'));
    await waitReady(page);
    await settle(page);
    const languages = await page.evaluate(() => window.ecomap.languages());
    assert(languages.some((l) => l.code === 'en' && l.name === 'English') && languages.some((l) => l.code === 'es' && l.name === 'Español'),
           `languages() is ${JSON.stringify(languages)}`);
    await clickItem(page, 'language');
    await item(page, 'language:en');
    const menu = await renderedText(page);
    assert(menu.includes('English') && menu.includes('Español'), `the language menu does not list every language by its own name:\n${menu}`);
    await clickItem(page, 'language:en');
    await waitFor(page, () => window.ecomap.language() === 'en', null, 'the menu to switch to English');
    await settle(page);
    let text = await renderedText(page);
    assert(text.includes('People and organizations') && !text.includes('Personas y organizaciones'), `the app is not in English:\n${text}`);
    assert(await page.evaluate(() => document.documentElement.lang) === 'en', '<html lang> does not follow the menu');
    assert(await page.evaluate(() => new URLSearchParams(location.search).get('lang')) === 'en', '?lang= is not kept in step with the choice');

    // The page's own words follow at once: the share panel, open while switching.
    await clickItem(page, 'share');
    await page.waitForFunction(() => { const h = document.querySelector('#share-panel h2'); return h && h.textContent === 'Share this map'; });
    assert(await page.evaluate(() => window.ecomap.setLanguage('es')) === 'es', 'setLanguage("es") does not return "es"');
    await page.waitForFunction(() => document.querySelector('#share-panel h2').textContent === 'Compartir este mapa', null, { timeout: 3000 });
    await page.keyboard.press('Escape');
    await settle(page);
    text = await renderedText(page);
    assert(text.includes('Personas y organizaciones'), 'setLanguage("es") did not switch the app back');
    assert(await page.evaluate(() => window.ecomap.setLanguage('xx')) === false, 'setLanguage of an unknown code is not false');
    assert(await page.evaluate(() => window.ecomap.language()) === 'es', 'an unknown code changed the language');

    // Remembered in this browser: a visit without ?lang= speaks the last choice.
    await page.evaluate(() => window.ecomap.setLanguage('en'));
    await page.goto(server.url);
    await waitReady(page);
    assert(await page.evaluate(() => window.ecomap.language()) === 'en', 'the choice is not remembered');
    // ... and ?lang= wins over it.
    await page.goto(url('?lang=es'));
    await waitReady(page);
    assert(await page.evaluate(() => [window.ecomap.language(), document.documentElement.lang].join()) === 'es,es', '?lang=es does not win');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],

  ['languages: an unknown ?lang= falls back to the browser language, else English', async () => {
    for (const [locale, expected] of [['es-MX', 'es'], ['de-DE', 'en']]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
      const page = await context.newPage();
      await page.goto(url('?lang=xx'));
      await waitReady(page);
      await settle(page);
      const got = await page.evaluate(() => [window.ecomap.language(), document.documentElement.lang].join());
      assert(got === `${expected},${expected}`, `browser ${locale} with ?lang=xx: language and <html lang> are ${got}`);
      const text = await renderedText(page);
      assert(text.includes(expected === 'es' ? 'Personas y organizaciones' : 'People and organizations'),
             `browser ${locale}: the app is not in ${expected}`);
      await context.close();
    }
  }],

  ['languages: a phone in Spanish (390×844) shows no English text of the catalogs', async () => {
    const phone = await openPhone(browser, url('?lang=es'));
    const { page } = phone;
    await settle(page);
    let text = await assertSpanish(page, 'phone');
    await docScreenshot(page, out, 'es-phone-390x844.png');
    await phone.tap('menu');
    text = await assertSpanish(page, 'phone menu');
    assert(text.includes('Idioma') && text.includes('English'), `the phone's menu has no language choice:\n${text}`);
    assert(phone.problems.length === 0, phone.problems.join('\n'));
    await phone.context.close();
  }],
  ];
}

