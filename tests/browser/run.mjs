// Browser tests: the real app in headless Chromium (WebGL2 on SwiftShader).
// Usage: node tests/browser/run.mjs --dist build/web/dist --out build/browser [--filter "text|other text"]
// Every *.tests.mjs file here exports tests({browser, server, out}) -> [[name, async fn], ...].
import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, serve, launch, ensureDir, runTests } from './harness.mjs';

const args = parseArgs(process.argv);
await ensureDir(args.out);
const server = await serve(args.dist);
const browser = await launch();
const here = dirname(fileURLToPath(import.meta.url));
const files = (await readdir(here)).filter((name) => name.endsWith('.tests.mjs')).sort();
const tests = [];
for (const file of files) {
  const module = await import(pathToFileURL(`${here}/${file}`).href);
  tests.push(...module.tests({ browser, server, out: args.out }));
}
const ok = await runTests(tests, args.filter);
await browser.close();
server.close();
process.exit(ok ? 0 : 1);
