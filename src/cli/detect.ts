import { Option } from 'commander';
import { resolveDbPath } from '../db/client.js';
import { EXIT_BAD_INPUT, fail, globals, storeCommand } from './program.js';

export function registerDetect(): void {
  storeCommand('detect')
    .description('replay stored history through the spike detectors and list what would have fired (stores nothing)')
    .requiredOption('--from <date>', 'start (ISO date or date-time; without an offset it is read in --tz)')
    .requiredOption('--to <date>', 'end, exclusive')
    .addOption(new Option('--sensitivity <level>', 'sensitive | balanced | strict').choices(['sensitive', 'balanced', 'strict']).default('balanced'))
    .option('--tz <zone>', 'IANA time zone for dates, hour-of-day rhythm and the listing', 'UTC')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { from: string; to: string; sensitivity: 'sensitive' | 'balanced' | 'strict'; tz: string; json?: boolean }) => {
      const { isValidZone } = await import('../analytics/buckets.js');
      const { parseIsoInZone } = await import('../util/dates.js');
      if (!isValidZone(options.tz)) fail(`--tz: '${options.tz}' is not an IANA time zone`, EXIT_BAD_INPUT);
      const from = parseIsoInZone(options.from, options.tz);
      const to = parseIsoInZone(options.to, options.tz);
      if (from === null) fail(`--from: '${options.from}' is not an ISO date`, EXIT_BAD_INPUT);
      if (to === null) fail(`--to: '${options.to}' is not an ISO date`, EXIT_BAD_INPUT);
      if (to <= from) fail('--to: must be after --from', EXIT_BAD_INPUT);
      const { detectCommand } = await import('../alerts/detect-command.js');
      detectCommand({ dbPath: resolveDbPath(globals().db), from, to, sensitivity: options.sensitivity, tz: options.tz, json: options.json });
    });
}
