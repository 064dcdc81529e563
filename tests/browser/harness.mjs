// Shared pieces of the browser tests: a static server for build/web/dist, Debian's
// Chromium through playwright-core (never a downloaded browser), and a tiny runner
// that prints one line per test and "browser: N passed, M failed" at the end.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

export function parseArgs(argv) {
  const args = { dist: 'build/web/dist', out: 'build/browser', filter: '' };
  for (let i = 2; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    args[key] = argv[++i];
  }
  return args;
}

// Serves `dir` on 127.0.0.1 at a free port; resolves to { url, close }.
export function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream',
                           'Content-Length': body.length, 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() });
  }));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
           '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
}

// Opens the app in a fresh page; collects console errors and page errors.
export async function openApp(browser, url, { width = 1280, height = 800, deviceScaleFactor = 1, init } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${msg.location().url || 'page'})`);
  });
  page.on('pageerror', (err) => problems.push('pageerror: ' + err.message));
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return { context, page, problems };
}

export async function waitReady(page, timeout = 60000) {
  await page.waitForFunction(() => window.ecomap && window.ecomap.ready, null, { timeout });
  await page.evaluate(() => window.ecomap.ready);
}

// Waits until the app has stopped drawing: it renders only while something happens, so
// a frame counter that stays still for two intervals in a row means every input so far
// has been handled (one interval could fall inside a slow frame).
export async function settle(page, quietMs = 100, timeout = 10000) {
  const end = Date.now() + timeout;
  let last = await page.evaluate(() => window.ecomap.frameCount());
  let quiet = 0;
  while (quiet < 2 && Date.now() < end) {
    await page.waitForTimeout(quietMs);
    const now = await page.evaluate(() => window.ecomap.frameCount());
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function ensureDir(dir) { await mkdir(dir, { recursive: true }); }

// Runs the named tests in order; prints a line per test and the summary line.
export async function runTests(tests, filter = '') {
  let passed = 0, failed = 0;
  for (const [name, fn] of tests) {
    if (filter && !name.includes(filter)) continue;
    const started = Date.now();
    try {
      await fn();
      passed++;
      console.log(`  ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  FAIL ${name}: ${error.message}`);
    }
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0;
}
