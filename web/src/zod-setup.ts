// Imported first by main.tsx, before any schema module is evaluated: zod otherwise probes
// `new Function` when it builds object schemas, which the server's CSP (no 'unsafe-eval') refuses.
import { z } from 'zod';

z.config({ jitless: true });
