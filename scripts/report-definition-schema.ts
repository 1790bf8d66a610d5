// `npm run report:schema`: writes docs/report-definition.schema.json from the zod schema.
import fs from 'node:fs';
import { definitionJsonSchema } from '../src/report/definition/json-schema.ts';

fs.writeFileSync(new URL('../docs/report-definition.schema.json', import.meta.url), definitionJsonSchema());
