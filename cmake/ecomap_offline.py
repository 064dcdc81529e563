#!/usr/bin/env python3
"""Writes DIST/sw.js from web/sw.js: the app's files in DIST (what the offline app caches)
and a version made from their contents, so that each build with other files is a new cache.
Usage: ecomap_offline.py DIST TEMPLATE"""
import hashlib, json, os, sys

dist, template = sys.argv[1], sys.argv[2]
files = []
for root, _, names in os.walk(dist):
    for name in names:
        path = os.path.relpath(os.path.join(root, name), dist).replace(os.sep, '/')
        if path in ('sw.js',) or name.endswith(('.gz', '.br')) or name.startswith('.'):
            continue
        files.append(path)
files.sort()
digest = hashlib.sha256()
for path in files:
    digest.update(path.encode())
    with open(os.path.join(dist, path), 'rb') as f:
        digest.update(hashlib.sha256(f.read()).digest())
with open(template, encoding='utf-8') as f:
    text = f.read()
text = text.replace("'@ECOMAP_VERSION@'", json.dumps(digest.hexdigest()[:16])).replace('@ECOMAP_FILES@', json.dumps(files))
out = os.path.join(dist, 'sw.js')
old = open(out, encoding='utf-8').read() if os.path.exists(out) else None
if old != text:  # unchanged files keep sw.js as it is (no new version for nothing)
    with open(out + '.tmp', 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(out + '.tmp', out)
