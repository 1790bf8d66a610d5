// A worker thread does not inherit the tsx loader that bin/azad.js registers in the main thread,
// so each screening worker registers it before it loads the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
