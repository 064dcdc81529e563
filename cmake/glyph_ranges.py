#!/usr/bin/env python3
"""Prints the glyph ranges the embedded typeface must carry: the fixed ranges given as the
first argument ("0020-024F;0300-036F;..."), then one range per run of consecutive code
points that the JSON files named after it (catalogs, templates) use and the fixed ranges
leave out. Used by src/core/CMakeLists.txt at configure time; output is a CMake list."""
import json
import sys


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)


def main():
    fixed = [tuple(int(end, 16) for end in r.split("-")) for r in sys.argv[1].split(";") if r]
    wanted = set()
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as file:
            for text in strings(json.load(file)):
                wanted.update(ord(c) for c in text if ord(c) >= 0x20)
    extra = sorted(c for c in wanted if not any(first <= c <= last for first, last in fixed))
    runs = []
    for c in extra:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    ranges = ["%04X-%04X" % (first, last) for first, last in fixed] + ["%04X-%04X" % (a, b) for a, b in runs]
    sys.stdout.write(";".join(ranges))


if __name__ == "__main__":
    main()
