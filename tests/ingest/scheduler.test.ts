import { describe, expect, it } from 'vitest';
import { startScheduler } from '../../src/ingest/scheduler.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduler', () => {
  it('never runs a source twice at once, even when its runs outlast the schedule', async () => {
    let active = 0;
    let maxActive = 0;
    let started = 0;
    const skipped: string[] = [];
    const scheduler = startScheduler(
      [{ name: 'slow', schedule: '* * * * * *' }],
      async () => {
        started++;
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(1500);
        active--;
      },
      (message) => skipped.push(message),
    );
    await sleep(3300);
    await scheduler.stop();
    expect(started).toBeGreaterThanOrEqual(1);
    expect(maxActive).toBe(1);
    expect(scheduler.trigger('slow')).toBe(false); // stopped: takes no more work
  });

  it('lets a run in flight finish on stop', async () => {
    let finished = false;
    const scheduler = startScheduler([], async () => {
      await sleep(300);
      finished = true;
    });
    expect(scheduler.trigger('manual')).toBe(true);
    expect(scheduler.trigger('manual')).toBe(false);
    expect(scheduler.running()).toEqual(['manual']);
    await scheduler.stop(5000);
    expect(finished).toBe(true);
  });

  it('aborts what is still running when the grace period is over', async () => {
    let aborted = false;
    const scheduler = startScheduler([], (_name, signal) =>
      new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          resolve();
        });
      }),
    );
    scheduler.trigger('stuck');
    await scheduler.stop(100);
    expect(aborted).toBe(true);
    expect(scheduler.running()).toEqual([]);
  });
});
