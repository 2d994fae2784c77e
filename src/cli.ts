import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, DEFAULT_CONFIG_PATH, loadConfig, parseConfigText, resolveConfigPath } from './config/load.js';
import type { Earshot } from './context.js';
import { openDb, resolveDbPath } from './db/client.js';
import { isConnectorError } from './connectors/errors.js';
import { itemToJson, ParseUsageError, parseSavedResponse } from './connectors/parse-saved.js';
import { detectFormat, parseMapArgs } from './ingest/import-reader/index.js';
import { DEFAULT_PORT } from './server-defaults.js';

const EXIT_BAD_INPUT = 2;

interface GlobalOptions {
  db?: string;
  config?: string;
}

const program = new Command('earshot')
  .description('Self-hosted social listening: sources → sentiment and topics → trends and alerts')
  .option('--db <path>', 'SQLite file (env EARSHOT_DB; default ./data/earshot.db)')
  .option('--config <path>', 'config file (env EARSHOT_CONFIG; default ./earshot.config.yaml)')
  .enablePositionalOptions()
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : EXIT_BAD_INPUT);
  });

/** --db and --config, given before or after the command name (`earshot --db x run s` or `earshot run s --db x`). */
function storeCommand(name: string): Command {
  return program
    .command(name)
    .option('--db <path>', 'SQLite file (env EARSHOT_DB; default ./data/earshot.db)')
    .option('--config <path>', 'config file (env EARSHOT_CONFIG; default ./earshot.config.yaml)');
}

let current: Command | undefined;
program.hook('preAction', (_program, action) => {
  current = action;
});

function globals(): GlobalOptions {
  const own = (current?.opts<GlobalOptions>() ?? {}) as GlobalOptions;
  const top = program.opts<GlobalOptions>();
  return { db: own.db ?? top.db, config: own.config ?? top.config };
}

// The analysis stack (wink's model) loads only for commands that analyse, so `config check` and
// `parse` answer at once.
async function open(): Promise<Earshot> {
  const { db, config } = globals();
  const { openEarshot } = await import('./context.js');
  return openEarshot({
    dbPath: resolveDbPath(db),
    configPath: resolveConfigPath(config),
    configExplicit: config !== undefined || process.env.EARSHOT_CONFIG !== undefined,
  });
}

storeCommand('serve')
  .description('serve the API and run every enabled source on its schedule')
  .addOption(new Option('--port <n>', 'HTTP port').env('PORT').default(String(DEFAULT_PORT)))
  .action(async (options: { port: string }) => {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: '${options.port}' is not a port number`, EXIT_BAD_INPUT);
    const { startServer, stopOnSignals } = await import('./main.js');
    const server = await startServer(await open(), port);
    stopOnSignals(server);
  });

storeCommand('run <source>')
  .description('run one source now and print what it fetched and stored')
  .action(async (name: string) => {
    const { runSource, UnknownSourceError } = await import('./ingest/run-source.js');
    const earshot = await open();
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    process.once('SIGTERM', () => controller.abort());
    try {
      const summary = await runSource(earshot, name, controller.signal);
      console.log(JSON.stringify(summary));
      if (summary.status === 'failed') process.exitCode = 1;
    } catch (error) {
      if (error instanceof UnknownSourceError) fail(error.message, EXIT_BAD_INPUT);
      throw error;
    } finally {
      await earshot.close();
    }
  });

storeCommand('import <file>')
  .description('import direct feedback or an export (CSV/TSV or JSONL) into a source')
  .requiredOption('--source <name>', 'name of the import source to fill (created on first use)')
  .addOption(new Option('--format <format>', 'file format (default: from the file extension)').choices(['csv', 'jsonl']))
  .option('--map <field=column...>', 'which column holds a field: id, text, title, author, date, url, rating, nps, csat, ces, brand')
  .action(async (file: string, options: { source: string; format?: 'csv' | 'jsonl'; map?: string[] }) => {
    let map;
    let format;
    try {
      map = parseMapArgs(options.map ?? []);
      format = detectFormat(file, options.format);
    } catch (error) {
      fail((error as Error).message, EXIT_BAD_INPUT);
    }
    const { importFile } = await import('./ingest/import-file.js');
    const earshot = await open();
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'importing [{bar}] {percentage}% | {value}/{total} bytes | ETA {eta}s', stream: process.stderr }, cliProgress.Presets.shades_classic)
      : undefined;
    let barStarted = false;
    const errors: string[] = [];
    try {
      const summary = await importFile(earshot.store, earshot.ingestor, file, options.source, { format, map }, {
        onRowError: (line, error) => {
          const message = error.startsWith(`line ${line}`) ? error : `line ${line}: ${error}`;
          if (bar) errors.push(message);
          else console.error(message);
        },
        onProgress: (read, total) => {
          if (!bar) return;
          if (!barStarted) {
            bar.start(total, 0);
            barStarted = true;
          }
          bar.update(read);
        },
      });
      bar?.stop();
      for (const message of errors) console.error(message);
      console.log(
        `imported ${file} into '${summary.source}': ${summary.read} rows read, ${summary.inserted} inserted, ` +
          `${summary.duplicates} duplicates, ${summary.rejected} skipped`,
      );
    } catch (error) {
      bar?.stop();
      fail((error as Error).message, 1);
    } finally {
      await earshot.close();
    }
  });

storeCommand('detect')
  .description('replay stored history through the spike detectors and list what would have fired (stores nothing)')
  .requiredOption('--from <date>', 'start (ISO date or date-time; without an offset it is read in --tz)')
  .requiredOption('--to <date>', 'end, exclusive')
  .addOption(new Option('--sensitivity <level>', 'sensitive | balanced | strict').choices(['sensitive', 'balanced', 'strict']).default('balanced'))
  .option('--tz <zone>', 'IANA time zone for dates, hour-of-day rhythm and the listing', 'UTC')
  .option('--json', 'print JSON instead of a table')
  .action(async (options: { from: string; to: string; sensitivity: 'sensitive' | 'balanced' | 'strict'; tz: string; json?: boolean }) => {
    const { isValidZone } = await import('./analytics/buckets.js');
    const { parseIsoInZone } = await import('./util/dates.js');
    if (!isValidZone(options.tz)) fail(`--tz: '${options.tz}' is not an IANA time zone`, EXIT_BAD_INPUT);
    const from = parseIsoInZone(options.from, options.tz);
    const to = parseIsoInZone(options.to, options.tz);
    if (from === null) fail(`--from: '${options.from}' is not an ISO date`, EXIT_BAD_INPUT);
    if (to === null) fail(`--to: '${options.to}' is not an ISO date`, EXIT_BAD_INPUT);
    if (to <= from) fail('--to: must be after --from', EXIT_BAD_INPUT);
    const { detectCommand } = await import('./alerts/detect-command.js');
    detectCommand({ dbPath: resolveDbPath(globals().db), from, to, sensitivity: options.sensitivity, tz: options.tz, json: options.json });
  });

storeCommand('retag')
  .description('re-run analysis over stored mentions (after a taxonomy or model change) and recount their rollups')
  .option('--from <date>', 'only mentions published at or after this ISO date')
  .option('--to <date>', 'only mentions published before this ISO date')
  .action(async (options: { from?: string; to?: string }) => {
    const { parseDate } = await import('./util/dates.js');
    const range: { from?: number; to?: number } = {};
    for (const key of ['from', 'to'] as const) {
      if (options[key] === undefined) continue;
      const at = parseDate(options[key]);
      if (at === null) fail(`--${key}: '${options[key]}' is not a date`, EXIT_BAD_INPUT);
      range[key] = at;
    }
    const { retag } = await import('./ingest/retag.js');
    const earshot = await open();
    try {
      const summary = await retag(earshot.store, earshot.builder, range, (done, total) => {
        if (process.stderr.isTTY) process.stderr.write(`\rretagged ${done}/${total}`);
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(`retagged ${summary.mentions} mentions: sentiment changed on ${summary.sentimentChanged}, topics on ${summary.topicsChanged}; rollups recounted`);
    } finally {
      await earshot.close();
    }
  });

storeCommand('eval')
  .description("compare the machine's sentiment and topics with analysts' corrections, per language")
  .option('--json', 'print JSON instead of a table')
  .action(async (options: { json?: boolean }) => {
    const { evaluateAgainstLabels } = await import('./analytics/label-eval.js');
    const store = openDb(resolveDbPath(globals().db));
    try {
      const rows = evaluateAgainstLabels(store.sqlite);
      if (options.json) return void console.log(JSON.stringify(rows));
      if (rows.length === 0) return void console.log('no corrections yet: PUT /api/v1/mentions/{id}/labels stores them');
      const cell = (v: number | null) => (v === null ? '–' : v.toFixed(3));
      console.log('| lang | sentiment labels | accuracy | macro-F1 | topic labels | topic precision | topic recall |');
      console.log('|---|---|---|---|---|---|---|');
      for (const r of rows) {
        console.log(`| ${r.lang} | ${r.sentimentLabelled} | ${cell(r.sentimentAccuracy)} | ${cell(r.sentimentMacroF1)} | ${r.topicsLabelled} | ${cell(r.topicPrecision)} | ${cell(r.topicRecall)} |`);
      }
    } finally {
      store.close();
    }
  });

storeCommand('migrate')
  .description('create the database or apply pending migrations, then exit')
  .action(() => {
    const store = openDb(resolveDbPath(globals().db));
    console.log(`database ${store.path} is up to date`);
    store.close();
  });

program
  .command('config')
  .description('configuration commands')
  .enablePositionalOptions()
  .command('check')
  .option('--config <path>', 'config file (env EARSHOT_CONFIG; default ./earshot.config.yaml)')
  .description('validate the config file and exit (2 when it has problems); writes nothing')
  .action(() => {
    const file = resolveConfigPath(globals().config);
    const config = loadConfig(file);
    console.log(`${file}: ok (${config.brands.length} brands, ${config.sources.length} sources, ${config.topics.length} topics)`);
  });

program
  .command('analyze [file]')
  .description('analyse one text per line (or JSONL with a "text" field) from FILE or stdin; print one JSON object per line')
  .option('--config <path>', 'config file whose topics and brands to use (default ./earshot.config.yaml, else the built-in topics)')
  .action(async (file: string | undefined, options: { config?: string }) => {
    const { existsSync, createReadStream } = await import('node:fs');
    const { compileTaxonomy } = await import('./nlp/taxonomy.js');
    const { analyzeLines } = await import('./nlp/analyze-lines.js');
    const path = options.config ?? globals().config ?? process.env.EARSHOT_CONFIG ?? DEFAULT_CONFIG_PATH;
    const explicit = options.config !== undefined || globals().config !== undefined || process.env.EARSHOT_CONFIG !== undefined;
    const empty = parseConfigText('{}');
    const config = !explicit && !existsSync(path) && empty.ok ? empty.config : loadConfig(path);
    if (file !== undefined && file !== '-' && !existsSync(file)) fail(`cannot read ${file}: no such file`, EXIT_BAD_INPUT);
    const input = file === undefined || file === '-' ? process.stdin : createReadStream(file);
    const { errors } = await analyzeLines(input, process.stdout, compileTaxonomy(config.topics, config.brands));
    if (errors > 0) process.exitCode = 1;
  });

program
  .command('detect-series')
  .description('run the volume spike detector online over every *.csv (timestamp,value) in a folder; write the flagged rows as JSON')
  .requiredOption('--data <dir>', 'folder of timestamp,value CSV files')
  .requiredOption('--out <file>', 'where to write {"<file>.csv": ["YYYY-MM-DD HH:MM:SS", …]}')
  .addOption(new Option('--sensitivity <level>', 'sensitive | balanced | strict').choices(['sensitive', 'balanced', 'strict']).default('balanced'))
  .action(async (options: { data: string; out: string; sensitivity: 'sensitive' | 'balanced' | 'strict' }) => {
    const { existsSync } = await import('node:fs');
    if (!existsSync(options.data)) fail(`--data: no folder ${options.data}`, EXIT_BAD_INPUT);
    const { writeDetections } = await import('./analytics/detect-series.js');
    const detections = writeDetections(options.data, options.out, options.sensitivity);
    const files = Object.keys(detections);
    const flagged = files.reduce((n, f) => n + detections[f]!.length, 0);
    console.log(`${files.length} series, ${flagged} flagged rows (${options.sensitivity}) → ${options.out}`);
  });

program
  .command('parse <kind> <file>')
  .description("run a connector's parser on a saved response and print its items as NDJSON")
  .option('--config <json>', "the connector's options as JSON (default: its example)")
  .action((kind: string, file: string, options: { config?: string }) => {
    let items;
    try {
      items = parseSavedResponse(kind, file, options.config);
    } catch (error) {
      if (error instanceof ParseUsageError) fail(error.message, EXIT_BAD_INPUT);
      const code = isConnectorError(error) ? error.code : 'PARSE';
      fail(`${code}: ${(error as Error).message}`, 1);
    }
    for (const item of items) process.stdout.write(`${JSON.stringify(itemToJson(item))}\n`);
  });

function fail(message: string, code: number): never {
  console.error(`earshot: ${message}`);
  process.exit(code);
}

// `earshot parse … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`earshot: ${error.file} has ${error.problems.length} problem(s):`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    process.exit(EXIT_BAD_INPUT);
  }
  console.error(`earshot: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
