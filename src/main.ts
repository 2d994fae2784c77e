import { serve } from '@hono/node-server';
import { createApp } from './api/app.js';
import { issueFirstKey } from './api/keys.js';
import { getConnector } from './connectors/index.js';
import type { Earshot } from './context.js';
import { runSource } from './ingest/run-source.js';
import { startScheduler } from './ingest/scheduler.js';
import { runDetection } from './alerts/detect.js';
import { startDelivery, type DeliveryService } from './alerts/delivery-service.js';

export { DEFAULT_PORT } from './server-defaults.js';

const DETECTION_TASK = '(spike detection)';
const DETECTION_SCHEDULE = '*/15 * * * *';

export interface Server {
  port: number;
  stop(): Promise<void>;
}

/** API + scheduler on one process; stops cleanly on SIGINT/SIGTERM. */
export async function startServer(earshot: Earshot, port: number, log: (m: string) => void = console.log): Promise<Server> {
  const first = issueFirstKey(earshot.store.db);
  let delivery: DeliveryService | undefined;
  const app = createApp({
    store: earshot.store,
    delivery: { config: earshot.config.delivery, changed: () => delivery?.changed(), queued: () => delivery?.wake() },
  });
  const http = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, () => resolve(server));
    server.once('error', reject);
  });
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const service = startDelivery({ store: earshot.store, config: earshot.config.delivery, log });
  delivery = service;

  const scheduled = earshot.config.sources
    .filter((s) => s.enabled)
    .map((s) => ({ name: s.name, schedule: s.schedule ?? getConnector(s.kind)!.defaultSchedule }));
  // Detection runs after every run that stored something, and on its own schedule so that a
  // silent hour is judged too. Each sensitivity a subscription asks for is its own pass (an alert
  // carries its sensitivity), then thresholds are judged and new alerts routed to the outbox.
  const detect = () => {
    const now = Date.now();
    try {
      let fresh = 0;
      for (const sensitivity of service.sensitivities()) fresh += runDetection(earshot.store, now, { sensitivity }).filter((a) => a.created).length;
      if (fresh > 0) log(`detection: ${fresh} new alert(s)`);
    } catch (error) {
      log(`detection failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    service.afterDetection(now);
  };
  const scheduler = startScheduler(
    [...scheduled, { name: DETECTION_TASK, schedule: DETECTION_SCHEDULE }],
    async (name, signal) => {
      if (name === DETECTION_TASK) return detect();
      const summary = await runSource(earshot, name, signal);
      log(`run ${name}: ${JSON.stringify(summary)}`);
      if (summary.status === 'ok' && summary.inserted > 0) detect();
    },
    log,
  );
  if (first) {
    // The one time this key is shown: a fresh database has no other way in.
    log(
      [
        'No API key existed, so an admin key was made. It is shown only now; keep it:',
        `  ${first.key}`,
        `  (use it as "Authorization: Bearer <key>"; make others with \`earshot keys create\` or POST /api/v1/keys)`,
      ].join('\n'),
    );
  }
  log(`earshot listening on http://localhost:${actualPort} (database ${earshot.store.path}, ${scheduled.length} scheduled source(s))`);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      log('stopping: no new runs; waiting for runs in flight');
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await scheduler.stop();
      log('stopping delivery: sends in flight finish, pending ones resume on the next start');
      await service.stop();
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
