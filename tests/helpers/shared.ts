import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** ../shared beside the repository: real captured responses and labelled data (never copied in). */
export const SHARED_DIR = path.resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));
export const HAS_SHARED = existsSync(SHARED_DIR);

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

/** Why a ../shared test is skipped, printed once so a skipped run says so. */
export function sharedMissingNote(what: string): string {
  const note = `skipping ${what}: ${SHARED_DIR} is absent (real fixtures and data live there)`;
  if (!HAS_SHARED) console.warn(note);
  return note;
}
