// Bundles web/room-client.js (with yjs, @hocuspocus/provider, y-indexeddb) into one script.
//   node server/build-client.mjs [OUT_DIR]          -> OUT_DIR/room.js (default build/web/dist): a classic
//                                                      script that sets window.ecomap.room
//   node server/build-client.mjs --node OUT.mjs      -> an ES module for Node (tests, benchmark)
import { build, stop } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const common = { bundle: true, nodePaths: [join(here, 'node_modules')], logLevel: 'warning', legalComments: 'none' };

export async function bundleForPage(outDir = join(root, 'build/web/dist')) {
  await build({
    ...common,
    stdin: { contents: "import { installInPage } from './web/room-client.js'; installInPage();", resolveDir: root, sourcefile: 'room-entry.js' },
    outfile: join(outDir, 'room.js'), format: 'iife', minify: true, target: ['es2020'], platform: 'browser',
  }).finally(stop);
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = args[0] === '--node' ? await bundleForNode(resolve(args[1])) : await bundleForPage(args[0] && resolve(args[0]));
  console.log(`room client bundled: ${out}`);
}
