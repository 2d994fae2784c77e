import { ConfigError } from './config/load.js';
import { registerAnalyze } from './cli/analyze.js';
import { registerConfigCheck } from './cli/config-check.js';
import { registerDetect } from './cli/detect.js';
import { registerDetectSeries } from './cli/detect-series.js';
import { registerEval } from './cli/eval.js';
import { registerImport } from './cli/import.js';
import { registerKeys } from './cli/keys.js';
import { registerMigrate } from './cli/migrate.js';
import { registerParse } from './cli/parse.js';
import { EXIT_BAD_INPUT, program } from './cli/program.js';
import { registerRetag } from './cli/retag.js';
import { registerRun } from './cli/run.js';
import { registerServe } from './cli/serve.js';

// One file a command under src/cli/; the order here is the order `earshot --help` lists them.
registerServe();
registerRun();
registerImport();
registerDetect();
registerRetag();
registerEval();
registerMigrate();
registerKeys();
registerConfigCheck();
registerAnalyze();
registerDetectSeries();
registerParse();

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
