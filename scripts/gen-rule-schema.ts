// Writes rules/schema.json from the zod schema of rule files. Run from the project root:
//   node_modules/.bin/tsc -p tsconfig.json && node dist/scripts/gen-rule-schema.js
import { writeFileSync } from 'node:fs';
import { ruleFileJsonSchema } from '../src/rules/json-schema.js';

writeFileSync('rules/schema.json', ruleFileJsonSchema());
console.log('wrote rules/schema.json');
