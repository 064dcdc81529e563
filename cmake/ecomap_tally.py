#!/usr/bin/env python3
"""The tally of one ctest run of the native build (./ecomap test).

    python3 cmake/ecomap_tally.py BUILD_DIR JUNIT_FILE [SECONDS]

Reads ctest's JUnit file (--output-junit) and the counts the suites wrote to
BUILD_DIR/suites/NAME.counts (cmake/ecomap_suite.sh), and prints one line per suite and
"ecomap: N passed, M failed", where N and M count individual checks: a unit test case is
one check, a suite such as the browser tests counts every test it ran. A set-up step
(building a preset) counts nothing itself; when it fails, the suites that need it are
not run and count as one failure each. Exits 1 when anything failed.
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

ORDER = ['unit', 'ui', 'asan', 'fuzz', 'cli', 'schema', 'browser']


def labels_by_test(build_dir):
    """Test name -> list of labels, from ctest's own description of the tests."""
    listing = subprocess.run(['ctest', '--test-dir', build_dir, '--show-only=json-v1'],
                             capture_output=True, text=True, check=True).stdout
    labels = {}
    for test in json.loads(listing).get('tests', []):
        for prop in test.get('properties', []):
            if prop['name'] == 'LABELS':
                labels[test['name']] = prop['value']
        labels.setdefault(test['name'], [])
    return labels


def suite_of(labels):
    """The line a test counts on: its suite's name, 'setup', or its first label."""
    if 'setup' in labels:
        return 'setup'
    named = [label for label in labels if label != 'suite']
    return named[0] if named else 'other'


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    build_dir, junit = argv[1], argv[2]
    seconds = argv[3] if len(argv) > 3 else None
    labels = labels_by_test(build_dir)
    results = os.path.join(build_dir, 'suites')
    totals = {}      # suite -> [passed, failed]
    failures = []    # names of what failed, for the summary
    for case in ElementTree.parse(junit).getroot().iter('testcase'):
        name, status = case.get('name'), case.get('status')
        test_labels = labels.get(name, [])
        suite = suite_of(test_labels)
        passed_run = status == 'run'
        if suite == 'setup':
            if not passed_run:
                failures.append(f'{name} (set-up step)')
            continue
        counts = [1, 0] if passed_run else [0, 1]
        if 'suite' in test_labels:
            counts = [0, 1]
            path = os.path.join(results, name + '.counts')
            if status != 'notrun' and os.path.exists(path):
                with open(path, encoding='utf-8') as file:
                    counts = [int(value) for value in file.read().split()[:2]]
                if not passed_run and counts[1] == 0:
                    counts[1] = 1   # timed out or crashed after its summary
        if counts[1]:
            failures.append(name if 'suite' not in test_labels else f'{name} ({counts[1]} failed)')
        total = totals.setdefault(suite, [0, 0])
        total[0] += counts[0]
        total[1] += counts[1]

    order = [s for s in ORDER if s in totals] + [s for s in totals if s not in ORDER]
    print()
    print('Summary' + (f' ({seconds} s)' if seconds else '') + ':')
    for suite in order:
        passed, failed = totals[suite]
        print(f'  {suite:<10} {passed:4d} passed, {failed} failed')
    if failures:
        print('  failed: ' + '; '.join(failures))
    passed = sum(total[0] for total in totals.values())
    failed = sum(total[1] for total in totals.values())
    if failed == 0 and any(f.endswith('(set-up step)') for f in failures):
        failed = 1
    print(f'ecomap: {passed} passed, {failed} failed')
    return 0 if failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
