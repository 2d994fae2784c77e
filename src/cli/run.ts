import { EXIT_BAD_INPUT, fail, open, storeCommand } from './program.js';

export function registerRun(): void {
  storeCommand('run <source>')
    .description('run one source now and print what it fetched and stored')
    .action(async (name: string) => {
      const { runSource, UnknownSourceError } = await import('../ingest/run-source.js');
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
}
