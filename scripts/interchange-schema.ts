// `npm run interchange:schema`: rewrites docs/interchange/azad-interchange-v<N>.schema.json from the zod schemas.
import { writeFileSync } from 'node:fs';
import { recordTypesMarkdown, schemaFile, schemaText, typesFile } from '../src/interchange/json-schema.ts';

writeFileSync(schemaFile, schemaText());
writeFileSync(typesFile, recordTypesMarkdown());
process.stdout.write(`wrote ${schemaFile.pathname} and ${typesFile.pathname}\n`);
