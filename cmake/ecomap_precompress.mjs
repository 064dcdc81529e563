// Writes precompressed siblings of the app's files: NAME.gz (gzip -9) and NAME.br (brotli, best),
// which the room service sends to browsers that accept them (server/src/static.mjs); plain static
// hosts can do the same (nginx gzip_static/brotli_static). A sibling is rewritten only when its file
// is newer, kept only when it is smaller, and removed when its file is gone.
// Usage: node cmake/ecomap_precompress.mjs DIST
import { readdir, readFile, writeFile, rename, stat, unlink } from 'node:fs/promises';
import { join, extname, dirname, basename } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.svg', '.css', '.webmanifest', '.txt']);
const MIN_SIZE = 512;  // smaller files gain nothing worth a second request path

async function mtime(path) { try { return (await stat(path)).mtimeMs; } catch { return -1; } }

async function walk(dir, out = []) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out); else out.push(path);
  }
  return out;
}

const dist = process.argv[2];
if (!dist) { console.error('usage: node cmake/ecomap_precompress.mjs DIST'); process.exit(2); }
const files = await walk(dist);
const present = new Set(files);
let written = 0;
for (const file of files) {
  if (/\.(gz|br)$/.test(file)) {
    if (!present.has(file.slice(0, -3))) await unlink(file);  // its file is gone
    continue;
  }
  if (!COMPRESSIBLE.has(extname(file).toLowerCase())) continue;
  const source = await mtime(file);
  const variants = [
    ['.gz', (bytes) => gzipSync(bytes, { level: 9 })],
    ['.br', (bytes) => brotliCompressSync(bytes, { params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    } })],
  ];
  let bytes = null;
  for (const [suffix, compress] of variants) {
    const target = file + suffix;
    if (await mtime(target) >= source) continue;  // up to date
    bytes = bytes || await readFile(file);
    const packed = bytes.length >= MIN_SIZE ? compress(bytes) : null;
    if (!packed || packed.length >= bytes.length) { await unlink(target).catch(() => {}); continue; }
    const temporary = join(dirname(target), `.${basename(target)}.tmp`);  // hidden: never served, never cached
    await writeFile(temporary, packed);
    await rename(temporary, target);  // the server may be reading the old one
    written++;
  }
}
if (written) console.log(`precompressed: ${written} file(s) in ${dist}`);
