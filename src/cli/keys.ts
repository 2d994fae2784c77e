import { Command, Option } from 'commander';
import { resolveDbPath } from '../db/client.js';
import { EXIT_BAD_INPUT, fail, program, storeCommand } from './program.js';

const ROLE_CHOICES = ['viewer', 'analyst', 'admin'];

/** --db given to the subcommand, to `keys`, or before the command name. */
function dbOf(command: Command): string {
  const own = command.opts<{ db?: string }>().db;
  return resolveDbPath(own ?? command.parent?.opts<{ db?: string }>().db ?? program.opts<{ db?: string }>().db);
}

async function withDb<T>(command: Command, fn: (db: import('../db/client.js').Db) => T): Promise<T> {
  const { openDb } = await import('../db/client.js');
  const store = openDb(dbOf(command));
  try {
    return fn(store.db);
  } finally {
    store.close();
  }
}

const iso = (ms: number | null) => (ms === null ? '–' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

export function registerKeys(): void {
  const keys = storeCommand('keys').description('make, list and revoke API keys (the key is printed once, stored hashed)');

  keys
    .command('create')
    .description('make a key and print it (once)')
    .requiredOption('--name <name>', 'who or what holds it, e.g. "dashboard" or "jane"')
    .addOption(new Option('--role <role>', 'viewer: trends, alerts, sources; analyst: also mentions, export, labels; admin: also keys').choices(ROLE_CHOICES).makeOptionMandatory())
    .option('--rate-limit <n>', "requests a minute for this key (default: the server's)")
    .option('--db <path>', 'SQLite file (env EARSHOT_DB; default ./data/earshot.db)')
    .action(async (options: { name: string; role: 'viewer' | 'analyst' | 'admin'; rateLimit?: string }, command: Command) => {
      const { issueKey, KEY_NAME_PATTERN } = await import('../api/keys.js');
      const { KeyNameTakenError } = await import('../db/api-keys.js');
      if (!KEY_NAME_PATTERN.test(options.name)) fail(`--name: '${options.name}' must be letters, digits, space and . _ @ -, up to 100`, EXIT_BAD_INPUT);
      const rateLimit = options.rateLimit === undefined ? null : Number(options.rateLimit);
      if (rateLimit !== null && (!Number.isInteger(rateLimit) || rateLimit < 1)) fail(`--rate-limit: '${options.rateLimit}' is not a positive whole number`, EXIT_BAD_INPUT);
      try {
        const issued = await withDb(command, (db) => issueKey(db, { name: options.name, role: options.role, rateLimit, createdBy: 'cli' }));
        console.log(issued.key);
        console.error(`key ${issued.id} '${issued.name}' (${issued.role}) made; it is shown only this once`);
      } catch (error) {
        if (error instanceof KeyNameTakenError) fail(`--name: ${error.message}`, EXIT_BAD_INPUT);
        throw error;
      }
    });

  keys
    .command('list')
    .description('list keys (never the keys themselves)')
    .option('--all', 'include revoked keys')
    .option('--json', 'print JSON instead of a table')
    .option('--db <path>', 'SQLite file (env EARSHOT_DB; default ./data/earshot.db)')
    .action(async (options: { all?: boolean; json?: boolean }, command: Command) => {
      const { listKeys } = await import('../db/api-keys.js');
      const rows = await withDb(command, (db) => listKeys(db, { revoked: options.all ? undefined : false }, 1_000_000).items);
      if (options.json) return void console.log(JSON.stringify(rows));
      if (rows.length === 0) return void console.log('no keys: `earshot keys create --name N --role R` makes one');
      console.log('| id | name | role | key | rate limit | created | by | last used | revoked |');
      console.log('|---|---|---|---|---|---|---|---|---|');
      for (const k of rows) {
        console.log(`| ${k.id} | ${k.name} | ${k.role} | ${k.hint} | ${k.rateLimit ?? 'default'} | ${iso(k.createdAt)} | ${k.createdBy} | ${iso(k.lastUsedAt)} | ${iso(k.revokedAt)} |`);
      }
    });

  keys
    .command('revoke')
    .description('revoke a key by id or name; it stops working at once')
    .argument('<key>', 'the id or name of a live key')
    .option('--db <path>', 'SQLite file (env EARSHOT_DB; default ./data/earshot.db)')
    .action(async (which: string, _options: unknown, command: Command) => {
      const { findLiveKeyByName, getKey, revokeKey } = await import('../db/api-keys.js');
      const revoked = await withDb(command, (db) => {
        const key = /^\d+$/.test(which) ? getKey(db, Number(which)) : findLiveKeyByName(db, which);
        return key && key.revokedAt === null ? revokeKey(db, key.id, Date.now()) : undefined;
      });
      if (!revoked) fail(`no live key with id or name '${which}' (earshot keys list shows them)`, EXIT_BAD_INPUT);
      const disabled = revoked.subscriptionsDisabled;
      console.log(`key ${revoked.id} '${revoked.name}' (${revoked.role}) revoked${disabled ? `; ${disabled} subscription(s) it made disabled` : ''}`);
    });
}
