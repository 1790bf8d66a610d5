import { z } from 'zod';
import { ReportDefinition } from './schema.ts';

/** The JSON Schema of a report definition file, as docs/report-definition.schema.json holds it. */
export const definitionJsonSchema = () => `${JSON.stringify(z.toJSONSchema(ReportDefinition, { io: 'input' }), null, 2)}\n`;
