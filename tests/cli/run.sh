#!/usr/bin/env bash
# Command-line tests: runs ecomap-cli as a user would and checks exit codes and output.
# Usage: bash tests/cli/run.sh path/to/ecomap-cli
# Prints one line per check ("ok   ..." / "FAIL ...: why") and ends with
# "cli: N passed, M failed"; exits non-zero when any check failed.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FIXTURES=$HERE/fixtures
SHARED=$HERE/../fixtures
CLI=${1:-}
PASSED=0
FAILED=0

T=$(mktemp -d) || { echo "cli: cannot create a temporary directory"; exit 1; }
trap 'rm -rf "$T"' EXIT

ok() { PASSED=$((PASSED + 1)); printf 'ok   %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL %s: %s\n' "$1" "$2"; }
finish() { echo "cli: $PASSED passed, $FAILED failed"; [ "$FAILED" -eq 0 ]; exit $?; }

if [ -z "$CLI" ] || [ ! -x "$CLI" ]; then
  fail "the command-line tool exists" "no executable at '${CLI}' (usage: run.sh path/to/ecomap-cli)"
  finish
fi
CLI=$(cd "$(dirname "$CLI")" && pwd)/$(basename "$CLI")

# [SECTION] helpers -------------------------------------------------------------------

# Runs the tool in $T with a time limit; sets RC and fills $T/out, $T/err.
run() {
  (cd "$T" && timeout 60 "$CLI" "$@") >"$T/out" 2>"$T/err"
  RC=$?
}
# Assertions for check(); each sets WHY when it does not hold.
rc_is() { [ "$RC" -eq "$1" ] || { WHY="exit code $RC, expected $1 ($(cat "$T/err" "$T/out" | head -c 200 | tr '\n' ' '))"; return 1; }; }
out_has() { grep -qF -- "$1" "$T/out" || { WHY="stdout lacks '$1' (got: $(head -c 300 "$T/out" | tr '\n' '|'))"; return 1; }; }
err_has() { grep -qF -- "$1" "$T/err" || { WHY="stderr lacks '$1' (got: $(head -c 300 "$T/err" | tr '\n' '|'))"; return 1; }; }
lines_are() {  # n: lines of stdout and stderr together
  local n; n=$(cat "$T/out" "$T/err" | wc -l)
  [ "$n" -eq "$1" ] || { WHY="$n lines of output, expected $1: $(cat "$T/out" "$T/err" | head -c 300 | tr '\n' '|')"; return 1; }
}
json_ok() {  # python3 expression over `d` (stdout parsed as JSON) that must be true
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$T/out" "$1" \
    2>/dev/null || { WHY="JSON check failed: $1"; return 1; }
}
check() {  # name, assertions (a shell expression over the last run)
  WHY="check failed"
  if eval "$2"; then ok "$1"; else fail "$1" "$WHY"; fi
}

# [SECTION] inputs --------------------------------------------------------------------

cp "$FIXTURES"/*.json "$T"/
head -c 700 "$FIXTURES/stats.json" > "$T/truncated.json"
{ head -c 4096 /dev/urandom; printf '\0binary'; } > "$T/binary.dat"
{ printf '{"format": "ecomap", "formatVersion": 1, "meta": {"title": "'
  head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' a
  printf '"}}\n'; } > "$T/huge.json"
sed 's/"formatVersion": 1/"formatVersion": 999/' "$FIXTURES/stats.json" > "$T/future.json"
sed 's/"title": "Stats fixture"/"title": "Stats fixture", "language": "es"/' "$FIXTURES/stats.json" > "$T/stats-es.json"
mkdir "$T/folder"
SANITIZED=false
ldd "$CLI" 2>/dev/null | grep -qE 'libasan|libubsan' && SANITIZED=true

# [SECTION] help and usage ------------------------------------------------------------

run --help
check "--help lists the commands and exit codes" 'rc_is 0 && out_has "merge A.json B.json" && out_has "export FILE -o OUT.svg" && out_has "2  usage error"'
run help stats
check "help stats documents the JSON keys" 'rc_is 0 && out_has "entitiesPlaced" && out_has "crowdedThreshold"'
run merge --help
check "merge --help says what the base is" 'rc_is 0 && out_has "starts empty"'
run help export
check "help export explains the formats and --hide-names" 'rc_is 0 && out_has "OUT-links.csv" && out_has "--hide-names replaces every name"'
run frobnicate
check "unknown command: exit 2, one message, then usage" \
  'rc_is 2 && err_has "ecomap: unknown command '"'frobnicate'"'" && err_has "Usage: ecomap"'
run
check "no command: exit 2" 'rc_is 2 && err_has "no command given"'

# [SECTION] validate ------------------------------------------------------------------

run validate stats.json
check "validate a good file: exit 0, counts" 'rc_is 0 && lines_are 1 && out_has "stats.json: ok (15 entities, 15 placements, 1 relationship)"'
run validate "$SHARED/v1/workshop.json"
check "validate the shared workshop fixture" 'rc_is 0 && out_has "workshop.json: ok ("'
run validate truncated.json
check "validate a truncated file: one line, where it ends" \
  'rc_is 1 && lines_are 1 && out_has "truncated.json: rejected: the file is not valid JSON: it ends too early (line "'
run validate binary.dat
check "validate random bytes with NUL: one line" 'rc_is 1 && lines_are 1 && out_has "binary.dat: rejected: this is not a text file"'
if $SANITIZED; then run validate huge.json
else  # 30 MB of address space: reading the 50 MB file whole could not work
  (cd "$T" && ulimit -v 30000 && exec timeout 60 "$CLI" validate huge.json) >"$T/out" 2>"$T/err"; RC=$?
fi
check "validate a 50 MB file: refused from its size, unread" \
  'rc_is 1 && lines_are 1 && out_has "huge.json: rejected: the file is 50.0 MiB; the limit is 20.0 MiB"'
mkfifo "$T/stream"
# The writer gets its own stdout: a reader that never opens the pipe must not hang the suite.
( exec >/dev/null 2>&1; exec timeout 60 yes '{"endless": "stream"}' > "$T/stream" ) &
WRITER=$!
run validate stream
check "validate an endless stream: stops at the limit" 'rc_is 1 && lines_are 1 && out_has "stream: rejected: the input is larger than the limit of 20.0 MiB"'
kill "$WRITER" 2>/dev/null; wait "$WRITER" 2>/dev/null
run validate future.json
check "validate formatVersion 999: one line, newer version" \
  'rc_is 1 && lines_are 1 && out_has "future.json: rejected: this map was saved by a newer version of ecomap (format 999)"'
run validate missing.json
check "validate a missing file: one line" 'rc_is 1 && lines_are 1 && out_has "missing.json: cannot read: no such file or directory"'
run validate folder
check "validate a directory: one line" 'rc_is 1 && lines_are 1 && out_has "folder: cannot read: it is a directory"'
run validate warnings.json
check "validate a file with warnings: exit 0, warning listed" \
  'rc_is 0 && lines_are 2 && out_has "warnings.json: ok (1 entity, 1 placement, 0 relationships)" && out_has "  warning: /placements/1/role: role \"astronauts\""'
for bad in "$SHARED"/bad/*; do
  run validate "$bad"
  check "validate shared bad fixture $(basename "$bad"): exit 1, one line" 'rc_is 1 && lines_are 1 && out_has ": rejected: "'
done
run validate stats.json missing.json warnings.json
check "validate several files: one bad one gives exit 1, all reported" \
  'rc_is 1 && lines_are 4 && out_has "stats.json: ok" && out_has "missing.json: cannot read" && out_has "warnings.json: ok"'
run validate
check "validate without files: exit 2" 'rc_is 2 && err_has "ecomap validate: no file given"'
run validate --strict stats.json
check "validate with an unknown option: exit 2" 'rc_is 2 && err_has "unknown option '"'--strict'"'"'

# [SECTION] stats ---------------------------------------------------------------------

run stats stats.json
row() { grep -E "^$1 " "$T/out" | tr -s ' ' | sed 's/ $//'; }
check "stats table: header counts" 'rc_is 0 && out_has "15 entities (14 placed, 1 unplaced), 15 placements, 1 relationship"'
check "stats table: Weavers row" '[ "$(row Weavers)" = "Weavers 5 3 1 1 6 3 2 1 2 1 crowded" ] || { WHY="row is \"$(row Weavers)\""; false; }'
check "stats table: Experimenters row" '[ "$(row Experimenters)" = "Experimenters 1 1 0 0 1 0 0 1 0 1 thin" ] || { WHY="row is \"$(row Experimenters)\""; false; }'
check "stats table: gaps and crowded roles" \
  'out_has "Empty roles: Frontline Responders, Disruptors, Healers" && out_has "Thin roles (fewer than 2 entities): Experimenters, Visionaries, Guides" && out_has "Crowded roles (3 entities or more): Weavers"'
run stats stats-es.json
check "stats table of a Spanish map: Spanish words, no English ones" \
  'rc_is 0 && out_has "15 entradas (14 ubicadas, 1 sin ubicar), 15 ubicaciones, 1 vínculo" && out_has "Roles vacíos: Frontline Responders, Disruptors, Healers" && out_has "Roles saturados (3 entradas o más): Weavers" && [ "$(row Weavers)" = "Weavers 5 3 1 1 6 3 2 1 2 1 saturado" ] && ! grep -qE "entities|placements|Empty roles|crowded" "$T/out"'
run stats stats.json --json
check "stats --json: totals" \
  'rc_is 0 && json_ok "d[\"entities\"]==15 and d[\"placements\"]==15 and d[\"entitiesPlaced\"]==14 and d[\"entitiesUnplaced\"]==1 and d[\"thinThreshold\"]==2 and d[\"crowdedThreshold\"]==3"'
check "stats --json: weavers counts" \
  'json_ok "[(r[\"id\"],r[\"entities\"],r[\"placements\"],r[\"people\"],r[\"organizations\"],r[\"networks\"],r[\"primary\"],r[\"secondary\"],r[\"aspiring\"],r[\"energizes\"],r[\"depletes\"],r[\"crowded\"]) for r in d[\"roles\"]][0]==(\"weavers\",5,6,3,1,1,3,2,1,2,1,True)"'
check "stats --json: gaps and crowded" \
  'json_ok "d[\"gaps\"]=={\"empty\":[\"frontline-responders\",\"disruptors\",\"healers\"],\"thin\":[\"experimenters\",\"visionaries\",\"guides\"]} and d[\"crowded\"]==[\"weavers\"]"'
run stats "$SHARED/v2/workshop.json" --json
check "stats --json: dot votes per role and in total" \
  'rc_is 0 && json_ok "d[\"votes\"]==14 and {r[\"id\"]:r[\"votes\"] for r in d[\"roles\"] if r[\"votes\"]}=={\"weavers\":1,\"frontline-responders\":6,\"disruptors\":4,\"healers\":3}"'
run stats truncated.json
check "stats on a rejected file: exit 1, one line" 'rc_is 1 && lines_are 1 && err_has "truncated.json: rejected: "'
run stats warnings.json --json
check "stats: warnings go to stderr, JSON stays clean" 'rc_is 0 && err_has "warning: /placements/1/role" && json_ok "d[\"placements\"]==1"'
run stats stats.json warnings.json
check "stats with two files: exit 2" 'rc_is 2 && err_has "give exactly one file"'
run stats stats.json --csv
check "stats with an unknown option: exit 2" 'rc_is 2 && err_has "unknown option '"'--csv'"'"'

# [SECTION] merge ---------------------------------------------------------------------

run merge alice.json bo.json chen.json -o group.json
check "merge three maps: exit 0, report" \
  'rc_is 0 && out_has "merged 3 maps" && out_has "merged: Bo'"'"'s map: \"food bank \" (o7) -> o1" && out_has "renamed: Bo'"'"'s map: entity p1 -> p1-2" && out_has "wrote group.json: 4 entities, 5 placements, 3 relationships"'
run validate group.json
check "merged map validates with the expected counts" 'rc_is 0 && lines_are 1 && out_has "group.json: ok (4 entities, 5 placements, 3 relationships)"'
run stats group.json --json
check "merged map: role counts" \
  'json_ok "d[\"title\"]==\"Group map\" and {r[\"id\"]:(r[\"entities\"],r[\"placements\"]) for r in d[\"roles\"] if r[\"placements\"]}=={\"weavers\":(1,2),\"builders\":(1,1),\"caregivers\":(1,1),\"storytellers\":(1,1)}"'
check "merged map: provenance of merged entities" \
  'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); s={e[\"id\"]:e[\"source\"] for e in d[\"entities\"]}; sys.exit(s!={\"p1\":\"Alice'"'"'s map, Chen'"'"'s map\",\"o1\":\"Alice'"'"'s map, Bo'"'"'s map\",\"p1-2\":\"Bo'"'"'s map\",\"n1\":\"Chen'"'"'s map\"})" "$T/group.json" 2>/dev/null || { WHY="unexpected sources in group.json"; false; }'
run merge alice.json bo.json --title "Retreat group" -o titled.json
check "merge --title names the group map" 'rc_is 0 && grep -qF "\"title\": \"Retreat group\"" "$T/titled.json"'
cp "$T/alice.json" "$T/alice.orig"
run merge alice.json bo.json -o ./alice.json
check "merge refuses to overwrite an input" \
  'rc_is 2 && err_has "refusing to overwrite the input alice.json" && cmp -s "$T/alice.json" "$T/alice.orig"'
run merge alice.json bo.json
check "merge refuses without -o" 'rc_is 2 && err_has "missing -o GROUP.json"'
run merge alice.json alice.json -o twice.json
check "merge refuses a file listed twice" 'rc_is 2 && err_has "alice.json is listed twice" && [ ! -e "$T/twice.json" ]'
run merge alice.json truncated.json -o never.json
check "merge with a rejected input writes nothing" \
  'rc_is 1 && out_has "truncated.json: rejected: " && err_has "nothing written" && [ ! -e "$T/never.json" ]'
run merge alice.json bo.json -o no/such/dir/group.json
check "merge into a missing folder: exit 1, says why" 'rc_is 1 && err_has "cannot write no/such/dir/group.json"'

# [SECTION] sample --------------------------------------------------------------------

run sample --seed 42 --entities 40 -o sample.json
check "sample writes a map" 'rc_is 0 && out_has "wrote sample.json: sample map (seed 42): 40 entities"'
run validate sample.json
check "sample map validates" 'rc_is 0 && lines_are 1 && out_has "sample.json: ok (40 entities, "'
run sample --seed 42 --entities 40 -o again.json
check "sample: same seed, same bytes" 'rc_is 0 && cmp -s "$T/sample.json" "$T/again.json"'
run sample --entities many -o bad.json
check "sample with a bad --entities: exit 2" 'rc_is 2 && err_has "--entities must be a whole number" && [ ! -e "$T/bad.json" ]'
run sample --seed 1
check "sample without -o: exit 2" 'rc_is 2 && err_has "missing -o FILE"'
# [SECTION] example maps ----------------------------------------------------------------

for example in "$HERE"/../../maps/examples/*.ecomap.json; do
  name=$(basename "$example")
  run validate "$example"
  check "example $name validates without a repair" 'rc_is 0 && lines_are 1 && out_has ": ok ("'
done

# [SECTION] export --------------------------------------------------------------------

# python3 check over the files named after it; `files` is the list of their paths.
py_ok() {  # expression, files...
  local expr=$1; shift
  python3 - "$expr" "$@" <<'PY' 2>"$T/py.err" || { WHY="python check failed: $1 ($(head -c 300 "$T/py.err" | tr '\n' ' '))"; return 1; }
import base64, csv, io, json, re, sys
expr, files = sys.argv[1], sys.argv[2:]
def text(path): return open(path, encoding="utf-8").read()
def rows(path): return list(csv.reader(io.StringIO(open(path, encoding="utf-8-sig", newline="").read())))
def secrets(path):  # names, notes, sources and link labels of a map file (4 characters or more)
    d = json.load(open(path, encoding="utf-8"))
    found = {e[k] for e in d["entities"] for k in ("name", "notes", "source")} | {r["label"] for r in d["relationships"]}
    return {x for x in found if len(x) >= 4}
def embedded(path):
    m = re.search(r'<ecomap:document xmlns:ecomap="https://ecomap.invalid/ns">([A-Za-z0-9+/=]*)</ecomap:document>', text(path))
    return base64.b64decode(m.group(1)).decode("utf-8") if m else ""
sys.exit(0 if eval(expr) else 1)
PY
}

run sample --seed 5 --entities 200 -o big.json
run export big.json -o big.svg --title
check "export .svg: exit 0, says what it wrote" 'rc_is 0 && out_has "wrote big.svg: the map as an SVG image, 200 entities"'
check "export .svg: an SVG with the roles, the attribution and the map inside" \
  'py_ok "all(t.startswith(\"<?xml\") and \"<svg xmlns=\\\"http://www.w3.org/2000/svg\\\"\" in t and \">Frontline Responders</text>\" in t and \"Deepa Iyer, Building Movement Project — socialchangemap.com</text>\" in t and \"Inter, &apos;\" not in t and json.loads(embedded(files[0]))[\"formatVersion\"] == 2 for t in [text(files[0])])" "$T/big.svg"'
run validate big.svg
check "the exported SVG re-opens with the same records" 'rc_is 0 && lines_are 1 && out_has "big.svg: ok (200 entities, "'
run sample --seed 7 --entities 2000 -o many.json
run export many.json -o many.svg
# Card totals: the semibold numbers; tokens: the shapes in <g id="tokens">. Together, every placement.
check "export .svg of 2,000 entities: crowded roles show their counts instead of their tokens" \
  'rc_is 0 && py_ok "(lambda t, n: len(re.findall(r\"font-weight=.600.>[0-9,]+</text>\", t)) >= 5 and \"people</text>\" in t and sum(int(c.replace(\",\", \"\")) for c in re.findall(r\"font-weight=.600.>([0-9,]+)</text>\", t)) + len(re.findall(r\"<(?:circle|rect|polygon) \", re.search(r\"<g id=.tokens.>(.*?)</g>\", t, re.S).group(1))) == n)(text(files[0]), len(json.load(open(files[1]))[\"placements\"]))" "$T/many.svg" "$T/many.json"'
run export big.svg -o again.json
check "map -> SVG -> map gives the same map file" 'rc_is 0 && cmp -s "$T/big.json" "$T/again.json"'
run export big.json -o copy.json
check "export .json: byte-identical to the map file export" 'rc_is 0 && out_has "wrote copy.json: the map file" && cmp -s "$T/big.json" "$T/copy.json"'
run export "$SHARED/v1/workshop.json" -o workshop-v2.json
check "export .json of a version 1 map writes version 2 with votes" \
  'rc_is 0 && py_ok "json.load(open(files[0]))[\"formatVersion\"] == 2 and json.load(open(files[0]))[\"votes\"] == {}" "$T/workshop-v2.json"'
run export big.json -o big.csv
check "export .csv: two tables, said so" 'rc_is 0 && out_has "wrote big.csv: 200 entities" && out_has "wrote big-links.csv: 100 relationships"'
check "export .csv: the entities table opens with the csv module, one row per entity" \
  'py_ok "all(len(r) == 201 and r[0][:4] == [\"id\", \"name\", \"kind\", \"anonymous\"] and r[0][-2:] == [\"roles\", \"notes\"] and len(r[0]) == 16 and [x[0] for x in r[1:]] == [e[\"id\"] for e in json.load(open(files[1]))[\"entities\"]] for r in [rows(files[0])])" "$T/big.csv" "$T/big.json"'
check "export .csv: the links table, one row per relationship" \
  'py_ok "all(len(r) == 101 and r[0] == [\"id\", \"from\", \"from_name\", \"to\", \"to_name\", \"kind\", \"label\"] for r in [rows(files[0])])" "$T/big-links.csv"'
check "export .csv: BOM and CRLF line ends" \
  'py_ok "all(b.startswith(b\"\\xef\\xbb\\xbf\\\"id\\\",\") and b.count(b\"\\r\\n\") >= 201 for b in [open(files[0], \"rb\").read()])" "$T/big.csv"'
run validate big.csv
check "the entities table re-opens as a map" 'rc_is 0 && out_has "big.csv: ok (200 entities, "'
printf 'name,kind,roles\nAmina,person,Weavers (primary); Guides\nFood Bank,organization,Caregivers\nZed,person,Astronauts\n' > "$T/list.csv"
run validate list.csv
check "a participant list opens, with a warning that says where" \
  'rc_is 0 && out_has "list.csv: ok (3 entities, 3 placements, 0 relationships)" && out_has "warning: row 4, roles: no role \"Astronauts\"; skipped"'
printf 'first,last\nAmina,K\n' > "$T/noname.csv"
run validate noname.csv
check "a table without a name column is refused clearly" 'rc_is 1 && lines_are 1 && out_has "noname.csv: rejected: this table (CSV) has no \"name\" column"'
run validate "$SHARED/images/blank.png"
check "a PNG without a map is refused clearly" 'rc_is 1 && lines_are 1 && out_has "blank.png: rejected: this PNG has no ecomap map inside: export it from ecomap with the map embedded"'
for kind in svg csv json; do
  run export big.json -o "hidden.$kind" --hide-names
  check "export .$kind --hide-names: says so" 'rc_is 0 && out_has "(names hidden)"'
done
check "--hide-names: no name, note, source or label of the map in any output, embedded map included" \
  'py_ok "len(secrets(files[0])) > 50 and not [x for x in secrets(files[0]) for t in [text(files[1]), embedded(files[1]), text(files[2]), text(files[3]), text(files[4])] if x in t]" "$T/big.json" "$T/hidden.svg" "$T/hidden.csv" "$T/hidden-links.csv" "$T/hidden.json"'
run export big.json -o out.txt
check "export to an unknown format: exit 2, says which endings work" 'rc_is 2 && err_has "the -o file must end in .svg, .png, .pdf, .csv or .json"'
run export "$HERE/../../maps/examples/workshop-25-people.ecomap.json" -o workshop.pdf
check "export .pdf: exit 0, says what it wrote" 'rc_is 0 && out_has "wrote workshop.pdf: the map as a PDF, A4 landscape, with the counts per role and the reflections, 30 entities"'
check "export .pdf: qpdf finds no error; pdfinfo reads 2 A4 landscape pages" \
  'qpdf --check "$T/workshop.pdf" >"$T/qpdf" 2>&1 && pdfinfo "$T/workshop.pdf" >"$T/info" && grep -q "^Pages: *2$" "$T/info" && grep -q "841.89 x 595.28 pts (A4)" "$T/info" || { WHY="$(cat "$T/qpdf" "$T/info" | head -c 400)"; false; }'
check "export .pdf: pdftotext finds every role, the title, the attribution and the reflections" \
  'pdftotext "$T/workshop.pdf" "$T/workshop.txt" && for t in Weavers Experimenters "Frontline Responders" Visionaries Builders Caregivers Disruptors Healers Storytellers Guides "Tenant organizing workshop" "Deepa Iyer, Building Movement Project" "Who plays which role" "Few healers and guides"; do grep -qF "$t" "$T/workshop.txt" || { WHY="no \"$t\" in the text"; exit 1; }; done'
check "export .pdf: the map file is attached, and it validates" \
  'pdfdetach -list "$T/workshop.pdf" | grep -q "map.ecomap.json" && pdfdetach -save 1 -o "$T/attached.json" "$T/workshop.pdf" >/dev/null && "$CLI" validate "$T/attached.json" | grep -q "ok (30 entities" || { WHY="no attached map, or it does not validate"; false; }'
run export "$HERE/../../maps/examples/one-person.ecomap.json" -o letter.pdf --paper letter --map-only --hide-names
check "export .pdf --paper letter --map-only: one Letter page, names hidden" \
  'rc_is 0 && out_has "Letter landscape, the map only (names hidden)" && pdfinfo "$T/letter.pdf" | grep -q "^Pages: *1$" && pdfinfo "$T/letter.pdf" | grep -q "792 x 612 pts (letter)" || { WHY="$(pdfinfo "$T/letter.pdf" 2>&1 | head -c 300)"; false; }'
run export big.json -o bad.pdf --paper a3
check "export .pdf --paper a3: exit 2, says the choices" 'rc_is 2 && err_has "--paper must be a4 or letter (got" && err_has "a3" && [ ! -e "$T/bad.pdf" ]'
run export big.json -o notpdf.svg --map-only
check "--map-only on an SVG: exit 2" 'rc_is 2 && err_has "--paper and --map-only are for PDF files"'
run export big.json -o big.png --width 800 --title
check "export .png: exit 0, says what it wrote" 'rc_is 0 && out_has "wrote big.png: the map as a PNG image 800 pixels wide, 200 entities"'
check "export .png: a PNG 800 pixels wide, not blank" \
  'python3 -c "import struct,sys,zlib; b=open(sys.argv[1],\"rb\").read(); assert b[:8]==b\"\\x89PNG\\r\\n\\x1a\\n\"; w,h=struct.unpack(\">II\",b[16:24]); assert w==800 and 300<h<2000, (w,h); assert len(b)>20000, len(b)" "$T/big.png" 2>"$T/py" || { WHY="$(cat "$T/py")"; false; }'
run validate big.png
check "the exported PNG re-opens with the same records" 'rc_is 0 && out_has "big.png: ok (200 entities, "'
run export big.json -o wide.png --width 12
check "export .png --width out of range: exit 2, says the range" 'rc_is 2 && err_has "--width must be a whole number of pixels from 64 to 8000"'
run export big.json -o big2.svg --width 800
check "--width on an SVG: exit 2" 'rc_is 2 && err_has "--width is for PNG images"'
(cd "$T" && timeout 60 env PATH=/nonexistent "$CLI" export big.json -o nopath.png) >"$T/out" 2>"$T/err"; RC=$?
check "export .png without rsvg-convert: exit 1, says which package" 'rc_is 1 && err_has "librsvg2-bin" && [ ! -e "$T/nopath.png" ]'
run export big.json
check "export without -o: exit 2" 'rc_is 2 && err_has "missing -o OUT.svg"'
run export big.json -o ./big.json
check "export refuses to overwrite its input" 'rc_is 2 && err_has "refusing to overwrite the input big.json"'
run export truncated.json -o never.svg
check "export of a rejected file writes nothing" 'rc_is 1 && err_has "truncated.json: rejected: " && [ ! -e "$T/never.svg" ]'
run export big.json -o no/such/dir/x.svg
check "export into a missing folder: exit 1, says why" 'rc_is 1 && err_has "cannot write no/such/dir/x.svg"'
run export big.json -o t.svg --transparent
check "export --transparent: no background rectangle" 'rc_is 0 && ! grep -q "fill=\"#FFFFFF\"/>" "$T/t.svg" || { WHY="background found"; false; }'

if command -v rsvg-convert >/dev/null 2>&1; then
  for svg in "$SHARED/golden/map.svg" "$T/big.svg" "$T/hidden.svg"; do
    name=$(basename "$svg")
    check "rsvg-convert renders $name" \
      'rsvg-convert -o "$T/render.png" "$svg" 2>"$T/rsvg.err" && [ -s "$T/render.png" ] && [ ! -s "$T/rsvg.err" ] || { WHY="rsvg-convert: $(head -c 300 "$T/rsvg.err")"; false; }'
  done
else
  echo "skipped rsvg-convert render checks: rsvg-convert is not installed (Debian package librsvg2-bin)"
fi

check "no temporary files are left behind" \
  '[ -z "$(find "$T" -name "*.tmp-*" -print -quit)" ] || { WHY="found $(find "$T" -name "*.tmp-*" | head -n1)"; false; }'

finish
