// The AsyncAPI document as an outsider's tools read it: parsed and validated by the AsyncAPI
// parser (the library behind `asyncapi validate`), then every event's JSON fixture
// (contracts/src/test/resources/fixtures) validated against the payload schema of its message.
// Exit code 1 on any error diagnostic, missing fixture or fixture the schema refuses.
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync, existsSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const text = readFileSync(new URL('../../main/resources/asyncapi/sanjiaodi.asyncapi.json', here), 'utf8');
const { document, diagnostics } = await new Parser().parse(text);
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  console.log(`${d.severity === 0 ? 'ERROR' : 'note '} ${d.code} ${d.message} at ${d.path.join('.')}`);
}
if (!document || errors.length > 0) {
  console.error(`the AsyncAPI document is not valid: ${errors.length} error(s)`);
  process.exit(1);
}

const raw = JSON.parse(text);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
let failed = 0;
const names = Object.keys(raw.components.messages);
for (const name of names) {
  const fixture = new URL(`../resources/fixtures/${name}.json`, here);
  if (!existsSync(fixture)) {
    console.error(`FAIL ${name}: no fixture`);
    failed++;
    continue;
  }
  const validate = ajv.compile({
    $ref: raw.components.messages[name].payload.$ref,
    components: { schemas: raw.components.schemas },
  });
  if (!validate(JSON.parse(readFileSync(fixture, 'utf8')))) {
    console.error(`FAIL ${name}: ${ajv.errorsText(validate.errors)}`);
    failed++;
  }
}
console.log(`${document.channels().length} channels, ${names.length} messages, ${names.length - failed} fixtures valid`);
process.exit(failed === 0 ? 0 : 1);
