import cron, { type ScheduledTask } from 'node-cron';

export interface ScheduledSource {
  name: string;
  schedule: string;
}

export interface Scheduler {
  /** Names of sources whose run is in flight. */
  running(): string[];
  /** Runs a source now unless it is already running (then returns false). */
  trigger(name: string): boolean;
  /** Stops taking work, waits up to graceMs for runs in flight, then aborts what is left. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * One cron task per enabled source. A source never runs twice at once in this process (the run
 * itself also refuses a second concurrent run across processes, see claimRun).
 */
export function startScheduler(
  sources: readonly ScheduledSource[],
  run: (name: string, signal: AbortSignal) => Promise<unknown>,
  log: (message: string) => void = () => {},
): Scheduler {
  const inFlight = new Map<string, Promise<void>>();
  const abort = new AbortController();
  let stopping = false;

  const trigger = (name: string): boolean => {
    if (stopping || inFlight.has(name)) return false;
    const job = run(name, abort.signal)
      .then(
        () => undefined,
        (error: unknown) => log(`source ${name}: run failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => inFlight.delete(name));
    inFlight.set(name, job);
    return true;
  };

  const tasks: ScheduledTask[] = sources.map((source) =>
    cron.schedule(
      source.schedule,
      () => {
        if (!trigger(source.name)) log(`source ${source.name}: previous run still going, skipped this tick`);
      },
      { name: `source:${source.name}`, noOverlap: true },
    ),
  );

  return {
    running: () => [...inFlight.keys()],
    trigger,
    async stop(graceMs = 15_000) {
      stopping = true;
      await Promise.all(tasks.map(async (task) => {
        await task.stop();
        await task.destroy();
      }));
      if (inFlight.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(inFlight.values()), graceOver]);
      clearTimeout(timer);
      if (inFlight.size > 0) {
        log(`aborting ${inFlight.size} run(s) still in flight: ${[...inFlight.keys()].join(', ')}`);
        abort.abort();
        await Promise.all(inFlight.values());
      }
    },
  };
}
