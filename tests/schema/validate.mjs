// Validates ecomap map files against maps/ecomap.schema.json (JSON Schema 2020-12).
//
//   node tests/schema/validate.mjs FILE_OR_DIRECTORY...
//
// Directories are searched (not recursively) for *.json files. Prints one line per
// file ("ok <file>" or "FAIL <file>: <pointer> <problem>; ...") and exits 1 when any
// file fails or no file was given, 2 when the schema itself does not compile.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemaPath = join(root, 'maps', 'ecomap.schema.json');

let validate;
try {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
} catch (error) {
  console.error(`FAIL ${schemaPath}: the schema does not compile: ${error.message}`);
  process.exit(2);
}

const files = process.argv.slice(2).flatMap((arg) =>
  statSync(arg).isDirectory()
    ? readdirSync(arg).filter((name) => name.endsWith('.json')).sort().map((name) => join(arg, name))
    : [arg]);
if (files.length === 0) {
  console.error('usage: node tests/schema/validate.mjs FILE_OR_DIRECTORY...');
  process.exit(1);
}

let failures = 0;
for (const file of files) {
  let problem = null;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    if (!validate(data)) {
      problem = validate.errors
        .map((e) => `${e.instancePath || '/'} ${e.message}`)
        .join('; ');
    }
  } catch (error) {
    problem = `not readable JSON: ${error.message}`;
  }
  if (problem) {
    failures += 1;
    console.log(`FAIL ${file}: ${problem}`);
  } else {
    console.log(`ok ${file}`);
  }
}
console.log(`schema: ${files.length - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
