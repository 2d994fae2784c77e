import { loadConfig, resolveConfigPath } from '../config/load.js';
import { globals, program } from './program.js';

export function registerConfigCheck(): void {
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
}
