// Worker entry: TypeScript is run through tsx here too, as in bin/earshot.js.
import { register } from 'tsx/esm/api';

register();
await import('./record-worker-main.ts');
