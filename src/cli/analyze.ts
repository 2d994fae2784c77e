import { DEFAULT_CONFIG_PATH, loadConfig, parseConfigText } from '../config/load.js';
import { EXIT_BAD_INPUT, fail, globals, program } from './program.js';

export function registerAnalyze(): void {
  program
    .command('analyze [file]')
    .description('analyse one text per line (or JSONL with a "text" field) from FILE or stdin; print one JSON object per line')
    .option('--config <path>', 'config file whose topics and brands to use (default ./earshot.config.yaml, else the built-in topics)')
    .option('--lang <code>', 'language of every line that names none itself (ISO 639-1, e.g. de): skips detection, as a source\'s language hint does')
    .action(async (file: string | undefined, options: { config?: string; lang?: string }) => {
      if (options.lang !== undefined && !/^[a-z]{2,3}([-_][A-Za-z0-9]+)?$/.test(options.lang)) {
        fail(`--lang must be a language code such as de or pt-BR, got ${JSON.stringify(options.lang)}`, EXIT_BAD_INPUT);
      }
      const { existsSync, createReadStream } = await import('node:fs');
      const { compileTaxonomy } = await import('../nlp/taxonomy.js');
      const { analyzeLines } = await import('../nlp/analyze-lines.js');
      const path = options.config ?? globals().config ?? process.env.EARSHOT_CONFIG ?? DEFAULT_CONFIG_PATH;
      const explicit = options.config !== undefined || globals().config !== undefined || process.env.EARSHOT_CONFIG !== undefined;
      const empty = parseConfigText('{}');
      const config = !explicit && !existsSync(path) && empty.ok ? empty.config : loadConfig(path);
      if (file !== undefined && file !== '-' && !existsSync(file)) fail(`cannot read ${file}: no such file`, EXIT_BAD_INPUT);
      const input = file === undefined || file === '-' ? process.stdin : createReadStream(file);
      const { errors } = await analyzeLines(input, process.stdout, compileTaxonomy(config.topics, config.brands), { lang: options.lang });
      if (errors > 0) process.exitCode = 1;
    });
}
