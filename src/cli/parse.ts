import { isConnectorError } from '../connectors/errors.js';
import { itemToJson, ParseUsageError, parseSavedResponse } from '../connectors/parse-saved.js';
import { EXIT_BAD_INPUT, fail, program } from './program.js';

export function registerParse(): void {
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
}
