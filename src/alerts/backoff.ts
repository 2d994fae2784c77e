/**
 * Retry delays with "full jitter": a uniform random wait in [0, min(max, base · 2^(attempt-1))).
 * Spreading retries over the whole window keeps many failed deliveries from hammering a receiver
 * that has just come back at the same instant; the cap keeps a late attempt within the hour.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(random() * ceiling);
}

/** The next wait: the jittered backoff, but never sooner than the receiver's Retry-After (capped too). */
export function nextDelay(attempt: number, opts: { baseMs: number; maxMs: number; retryAfterMs?: number; random?: () => number }): number {
  const jittered = backoffDelay(attempt, opts.baseMs, opts.maxMs, opts.random);
  return Math.min(opts.maxMs, Math.max(jittered, opts.retryAfterMs ?? 0));
}
