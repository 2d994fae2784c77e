import { Option } from 'commander';
import { EXIT_BAD_INPUT, fail, program } from './program.js';

export function registerDetectSeries(): void {
  program
    .command('detect-series')
    .description('run the volume spike detector online over every *.csv (timestamp,value) in a folder; write the flagged rows as JSON')
    .requiredOption('--data <dir>', 'folder of timestamp,value CSV files')
    .requiredOption('--out <file>', 'where to write {"<file>.csv": ["YYYY-MM-DD HH:MM:SS", …]}')
    .addOption(new Option('--sensitivity <level>', 'sensitive | balanced | strict').choices(['sensitive', 'balanced', 'strict']).default('balanced'))
    .action(async (options: { data: string; out: string; sensitivity: 'sensitive' | 'balanced' | 'strict' }) => {
      const { existsSync } = await import('node:fs');
      if (!existsSync(options.data)) fail(`--data: no folder ${options.data}`, EXIT_BAD_INPUT);
      const { writeDetections } = await import('../analytics/detect-series.js');
      const detections = writeDetections(options.data, options.out, options.sensitivity);
      const files = Object.keys(detections);
      const flagged = files.reduce((n, f) => n + detections[f]!.length, 0);
      console.log(`${files.length} series, ${flagged} flagged rows (${options.sensitivity}) → ${options.out}`);
    });
}
