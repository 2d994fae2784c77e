import { Command } from 'commander';
import { resolveConfigPath } from '../config/load.js';
import type { Earshot } from '../context.js';
import { resolveDbPath } from '../db/client.js';

/** Exit code for bad arguments, bad input files and bad configs. */
export const EXIT_BAD_INPUT = 2;

export interface GlobalOptions {
  db?: string;
  config?: string;
}

export const program = new Command('earshot')
  .description('Self-hosted social listening: sources → sentiment and topics → trends and alerts')
  .option('--db <path>', 'SQLite file (env EARSHOT_DB; default ./data/earshot.db)')
  .option('--config <path>', 'config file (env EARSHOT_CONFIG; default ./earshot.config.yaml)')
  .enablePositionalOptions()
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : EXIT_BAD_INPUT);
  });

/** --db and --config, given before or after the command name (`earshot --db x run s` or `earshot run s --db x`). */
export function storeCommand(name: string): Command {
  return program
    .command(name)
    .option('--db <path>', 'SQLite file (env EARSHOT_DB; default ./data/earshot.db)')
    .option('--config <path>', 'config file (env EARSHOT_CONFIG; default ./earshot.config.yaml)');
}

let current: Command | undefined;
program.hook('preAction', (_program, action) => {
  current = action;
});

export function globals(): GlobalOptions {
  const own = (current?.opts<GlobalOptions>() ?? {}) as GlobalOptions;
  const top = program.opts<GlobalOptions>();
  return { db: own.db ?? top.db, config: own.config ?? top.config };
}

// The analysis stack (wink's model) loads only for commands that analyse, so `config check` and
// `parse` answer at once.
export async function open(): Promise<Earshot> {
  const { db, config } = globals();
  const { openEarshot } = await import('../context.js');
  return openEarshot({
    dbPath: resolveDbPath(db),
    configPath: resolveConfigPath(config),
    configExplicit: config !== undefined || process.env.EARSHOT_CONFIG !== undefined,
  });
}

export function fail(message: string, code: number): never {
  console.error(`earshot: ${message}`);
  process.exit(code);
}
