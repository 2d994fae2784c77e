import { EXIT_BAD_INPUT, fail, open, storeCommand } from './program.js';

export function registerRetag(): void {
  storeCommand('retag')
    .description('re-run analysis over stored mentions (after a taxonomy or model change) and recount their rollups')
    .option('--from <date>', 'only mentions published at or after this ISO date')
    .option('--to <date>', 'only mentions published before this ISO date')
    .action(async (options: { from?: string; to?: string }) => {
      const { parseDate } = await import('../util/dates.js');
      const range: { from?: number; to?: number } = {};
      for (const key of ['from', 'to'] as const) {
        if (options[key] === undefined) continue;
        const at = parseDate(options[key]);
        if (at === null) fail(`--${key}: '${options[key]}' is not a date`, EXIT_BAD_INPUT);
        range[key] = at;
      }
      const { retag } = await import('../ingest/retag.js');
      const earshot = await open();
      try {
        const summary = await retag(earshot.store, earshot.builder, range, (done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\rretagged ${done}/${total}`);
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        console.log(
          `retagged ${summary.mentions} mentions: sentiment changed on ${summary.sentimentChanged}, topics on ${summary.topicsChanged}, ` +
            `brands or products on ${summary.brandsChanged}, duplicate grouping on ${summary.duplicatesChanged}; rollups and term counts recounted`,
        );
      } finally {
        await earshot.close();
      }
    });
}
