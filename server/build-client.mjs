// Builds the page's scripts with esbuild (from server/node_modules):
//   node server/build-client.mjs [OUT_DIR]          -> OUT_DIR/room.js (default build/web/dist): web/room-client.js
//                                                      with yjs, @hocuspocus/provider, y-indexeddb, a classic script
//                                                      that sets window.ecomapRoomClient; and OUT_DIR/qr.js
//                                                      (web/qr-code.js: window.ecomapQrCanvas). The page loads both
//                                                      only when it needs them (web/room-app.js, web/share.js).
//   node server/build-client.mjs --node OUT.mjs      -> the room client as an ES module for Node (tests, benchmark)
//   node server/build-client.mjs --page OUT_DIR FILE.js...
//                                                   -> each page script minified to OUT_DIR/<its name> (same
//                                                      behaviour, classic scripts: their global names are kept)
//   node server/build-client.mjs --html OUT_DIR PAGE.html
//                                                   -> the page to OUT_DIR, each <script src="NAME" data-inline>
//                                                      replaced by NAME (next to the page) minified, inline: it
//                                                      runs as the page is parsed, without waiting for a download.
//                                                      The room service allows inline scripts by their hash.
import { build, transform, stop } from 'esbuild';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const common = { bundle: true, nodePaths: [join(here, 'node_modules')], logLevel: 'warning', legalComments: 'none' };

function pageBundle(entry, name, outDir) {
  return build({
    ...common,
    stdin: { contents: `import { installInPage } from './web/${entry}'; installInPage();`, resolveDir: root, sourcefile: `${name}-entry.js` },
    outfile: join(outDir, name), format: 'iife', minify: true, target: ['es2020'], platform: 'browser',
  });
}

export async function bundleForPage(outDir = join(root, 'build/web/dist')) {
  try {
    await Promise.all([pageBundle('room-client.js', 'room.js', outDir), pageBundle('qr-code.js', 'qr.js', outDir)]);
  } finally {
    await stop();
  }
  return join(outDir, 'room.js');
}

export async function bundleForNode(outFile) {
  try {
    await build({ ...common, entryPoints: [join(root, 'web/room-client.js')], outfile: outFile, format: 'esm', platform: 'node', target: ['node18'] });
  } finally {
    await stop();  // esbuild's service process would otherwise outlive the tests that bundle (it holds their stderr)
  }
  return outFile;
}

// One classic page script, minified (no bundling: the scripts share globals such as window.ecomap).
async function minifyScript(file) {
  const { code } = await transform(await readFile(file, 'utf8'), { minify: true, target: 'es2020', legalComments: 'none',
                                                                  sourcefile: basename(file) });
  return code;
}

// Minifies classic page scripts one by one, each to OUT_DIR under its own name.
export async function minifyPage(outDir, files) {
  await mkdir(outDir, { recursive: true });
  try {
    for (const file of files) {
      await writeFile(join(outDir, basename(file)), await minifyScript(file));
    }
  } finally {
    await stop();
  }
}

// The page with its data-inline scripts minified into it. An inline script must not contain
// "</script" (it would end early); esbuild escapes it in strings, and the check below says so if not.
export async function inlinePage(outDir, page) {
  const html = await readFile(page, 'utf8');
  const marked = /<script src="([\w.-]+)" data-inline><\/script>/g;
  const scripts = new Map();
  try {
    for (const [, name] of html.matchAll(marked)) {
      const code = await minifyScript(join(dirname(page), name));
      if (/<\/script/i.test(code)) throw new Error(`${name} cannot be inlined: it contains "</script"`);
      scripts.set(name, code.trimEnd());
    }
  } finally {
    await stop();
  }
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, basename(page)), html.replace(marked, (_, name) => `<script>${scripts.get(name)}</script>`));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--html') {
    await inlinePage(resolve(args[1]), resolve(args[2]));
  } else if (args[0] === '--page') {
    await minifyPage(resolve(args[1]), args.slice(2).map((f) => resolve(f)));
  } else {
    const out = args[0] === '--node' ? await bundleForNode(resolve(args[1])) : await bundleForPage(args[0] && resolve(args[0]));
    console.log(`room client bundled: ${out}`);
  }
}
