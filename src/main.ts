import { serve } from '@hono/node-server';
import { createApp } from './api/app.js';
import { getConnector } from './connectors/index.js';
import type { Earshot } from './context.js';
import { runSource } from './ingest/run-source.js';
import { startScheduler } from './ingest/scheduler.js';

export { DEFAULT_PORT } from './server-defaults.js';

export interface Server {
  port: number;
  stop(): Promise<void>;
}

/** API + scheduler on one process; stops cleanly on SIGINT/SIGTERM. */
export async function startServer(earshot: Earshot, port: number, log: (m: string) => void = console.log): Promise<Server> {
  const app = createApp({ store: earshot.store });
  const http = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, () => resolve(server));
    server.once('error', reject);
  });
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  const scheduled = earshot.config.sources
    .filter((s) => s.enabled)
    .map((s) => ({ name: s.name, schedule: s.schedule ?? getConnector(s.kind)!.defaultSchedule }));
  const scheduler = startScheduler(
    scheduled,
    async (name, signal) => {
      const summary = await runSource(earshot, name, signal);
      log(`run ${name}: ${JSON.stringify(summary)}`);
    },
    log,
  );
  log(`earshot listening on http://localhost:${actualPort} (database ${earshot.store.path}, ${scheduled.length} scheduled source(s))`);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      log('stopping: no new runs; waiting for runs in flight');
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await scheduler.stop();
      await earshot.close();
      log('stopped; database closed');
    })());
  return { port: actualPort, stop };
}

export function stopOnSignals(server: Server): void {
  const onSignal = (signal: NodeJS.Signals) => {
    console.log(`${signal} received`);
    server.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
