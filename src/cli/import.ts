import { Option } from 'commander';
import cliProgress from 'cli-progress';
import { detectFormat, parseMapArgs } from '../ingest/import-reader/index.js';
import { EXIT_BAD_INPUT, fail, open, storeCommand } from './program.js';

export function registerImport(): void {
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
      const { importFile } = await import('../ingest/import-file.js');
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
}
