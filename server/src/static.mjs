// ecomap server: the built app's files, with security headers, no directory listing, and
// precompressed .br/.gz siblings when the browser accepts them.
import { stat, open, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';

export const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.webmanifest': 'application/manifest+json',
  '.data': 'application/octet-stream',
};

// Only the app's own files; wasm compilation; websockets and fetches to the same origin;
// data:/blob: images (icons, exported PNG previews); inline <style> in index.html.
export const CSP = [
  "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'", "manifest-src 'self'",
  "worker-src 'self' blob:", "base-uri 'none'", "form-action 'none'", "object-src 'none'",
].join('; ');

// An HTML page's own inline scripts (index.html starts its downloads from one, before any file
// arrives) are allowed by their SHA-256, read from the page as it is served: nothing else inline runs.
export function cspFor(inlineHashes = []) {
  if (inlineHashes.length === 0) return CSP;
  return CSP.replace("'wasm-unsafe-eval'", `'wasm-unsafe-eval' ${inlineHashes.map((h) => `'sha256-${h}'`).join(' ')}`);
}
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi;
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const [, attributes = '', body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.push(createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return hashes;
}
const pageHashes = new Map();  // path -> {mtime, size, hashes}: read again when the file changes
async function pageScriptHashes(file, info) {
  const known = pageHashes.get(file);
  if (known && known.mtime === info.mtimeMs && known.size === info.size) return known.hashes;
  const hashes = inlineScriptHashes(await readFile(file, 'utf8'));
  pageHashes.set(file, { mtime: info.mtimeMs, size: info.size, hashes });
  return hashes;
}

export function securityHeaders(inlineHashes) {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': cspFor(inlineHashes),
    'Referrer-Policy': 'no-referrer',            // join and projector links carry codes and keys
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
    'X-Ecomap-Rooms': '1',                       // the page asks for rooms only where this answers (web/room-app.js)
  };
}

function send(res, status, text, extra = {}) {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(text);
}

async function fileInfo(path) {
  try { const s = await stat(path); return s.isFile() ? s : null; } catch { return null; }
}

// Serves req from root (an absolute folder); answers 404 for folders other than / and for anything outside.
export async function serveStatic(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  let path;
  try { path = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return send(res, 400, 'Bad path\n'); }
  if (path.includes('\0') || path.split('/').some((p) => p === '..' || p.startsWith('.') && p.length > 0)) return send(res, 404, 'Not found\n');
  if (path.endsWith('/')) {
    if (path !== '/') return send(res, 404, 'Not found\n');  // no directory listing, no folder indexes
    path = '/index.html';
  }
  const base = resolve(root);
  const file = resolve(join(base, path));
  if (!file.startsWith(base + sep)) return send(res, 404, 'Not found\n');
  const info = await fileInfo(file);
  if (!info) return send(res, 404, 'Not found\n');

  const type = MIME[extname(file).toLowerCase()] || 'application/octet-stream';
  const accepted = String(req.headers['accept-encoding'] || '');
  let chosen = file, encoding = null, size = info.size;
  for (const [enc, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!new RegExp(`(^|[\\s,])${enc}(?![\\w-])(?!;q=0(\\.0*)?(\\s|,|$))`).test(accepted)) continue;
    const alt = await fileInfo(file + suffix);
    if (alt) { chosen = file + suffix; encoding = enc; size = alt.size; break; }
  }
  const inline = type.startsWith('text/html') ? await pageScriptHashes(file, info) : [];
  const headers = { ...securityHeaders(inline), 'Content-Type': type, 'Content-Length': size, Vary: 'Accept-Encoding',
    'Last-Modified': info.mtime.toUTCString() };
  if (encoding) {
    headers['Content-Encoding'] = encoding;
    headers['X-Ecomap-Length'] = info.size;  // the size the page receives (its download progress, web/ecomap-boot.js)
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  const handle = await open(chosen, 'r');
  // pipeline closes the file when the answer ends, fails or is abandoned by the browser (a tab
  // closed mid-download): pipe() left the file open until garbage collection.
  pipeline(handle.createReadStream(), res, () => {});
}
