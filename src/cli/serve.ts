import { Option } from 'commander';
import { DEFAULT_PORT } from '../server-defaults.js';
import { EXIT_BAD_INPUT, fail, open, storeCommand } from './program.js';

export function registerServe(): void {
  storeCommand('serve')
    .description('serve the API and run every enabled source on its schedule')
    .addOption(new Option('--port <n>', 'HTTP port').env('PORT').default(String(DEFAULT_PORT)))
    .action(async (options: { port: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: '${options.port}' is not a port number`, EXIT_BAD_INPUT);
      const { startServer, stopOnSignals } = await import('../main.js');
      const server = await startServer(await open(), port);
      stopOnSignals(server);
    });
}
