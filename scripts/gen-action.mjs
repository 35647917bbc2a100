// Writes every file derived from a definition in src/: action.yml and the README's input and
// output tables from src/config/inputs.ts (the one list of inputs and outputs), and
// docs/report.schema.json from src/report/schema.ts.
// Run: node scripts/gen-action.mjs   (Node >= 22.18 strips the TypeScript types)
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { stringify } from 'yaml';
import './ts-hooks.mjs';

// After the hooks: inputs.ts imports other sources by their `.js` names.
const { INPUTS, OUTPUTS } = await import('../src/config/inputs.ts');
const { reportJsonSchema } = await import('../src/report/schema.ts');

const action = {
  name: 'greenloop',
  description:
    'Runs a bounded coding-agent loop in CI: run the tests, let a model patch the code, rerun, until they pass or a budget runs out.',
  author: 'greenloop',
  branding: { icon: 'refresh-cw', color: 'green' },
  inputs: Object.fromEntries(
    INPUTS.map((input) => [
      input.name,
      { description: input.description, required: false, default: input.default },
    ]),
  ),
  outputs: Object.fromEntries(
    OUTPUTS.map((output) => [output.name, { description: output.description }]),
  ),
  runs: { using: 'node24', main: 'dist/index.js' },
};
writeFileSync(
  new URL('../action.yml', import.meta.url),
  '# Generated from src/config/inputs.ts by scripts/gen-action.mjs; edit the list there.\n' +
    stringify(action, { lineWidth: 0, defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN' }),
);

// The README's input and output tables, between their markers.
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const inputsTable = [
  '| input | default | description |',
  '|---|---|---|',
  ...INPUTS.map(
    (i) =>
      `| \`${i.name}\` | ${i.default === '' ? '' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
  ),
].join('\n');
const outputsTable = [
  '| output | description |',
  '|---|---|',
  ...OUTPUTS.map((o) => `| \`${o.name}\` | ${cell(o.description)} |`),
].join('\n');
const readmeUrl = new URL('../README.md', import.meta.url);
let readme = readFileSync(readmeUrl, 'utf8');
const between = (name, body) => {
  const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(readme)) throw new Error(`README.md lacks the ${name} markers`);
  readme = readme.replace(re, `$1\n${body}\n$2`);
};
between('inputs', inputsTable);
between('outputs', outputsTable);
writeFileSync(readmeUrl, readme);

const schemaUrl = new URL('../docs/report.schema.json', import.meta.url);
writeFileSync(
  schemaUrl,
  await format(JSON.stringify(reportJsonSchema()), {
    ...(await resolveConfig(schemaUrl)),
    filepath: schemaUrl.pathname,
  }),
);
