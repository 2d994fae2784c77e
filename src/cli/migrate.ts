import { openDb, resolveDbPath } from '../db/client.js';
import { globals, storeCommand } from './program.js';

export function registerMigrate(): void {
  storeCommand('migrate')
    .description('create the database or apply pending migrations, then exit')
    .action(() => {
      const store = openDb(resolveDbPath(globals().db));
      console.log(`database ${store.path} is up to date`);
      store.close();
    });
}
