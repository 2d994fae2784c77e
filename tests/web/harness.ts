/**
 * Real parts for the dashboard tests: the `earshot serve` binary on a seeded SQLite file, and
 * Debian's Chromium driven by playwright-core (never a downloaded browser build).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { earshotChild, REPO } from '../helpers/cli.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPO, 'screenshots');
/** The zone the browser runs in: not the machine's, so a page that ignored it would show. */
export const VIEWER_ZONE = 'America/Los_Angeles';

// Without the background-networking switches Chromium keeps calling Google services, which a
// closed network answers with a flood of failures.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  // playwright gives every launch a fresh temporary --user-data-dir of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A browser profile in the viewer's zone; with `key`, every tab starts signed in with it (put in
 * sessionStorage before the page runs, where the sign-in form would put it).
 */
export async function newContext(browser: Browser, key?: string, options: { bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ timezoneId: VIEWER_ZONE, locale: 'en-US', viewport: { width: 1280, height: 900 }, ...options });
  if (key) await context.addInitScript((k) => (globalThis as any).sessionStorage.setItem('earshot.apiKey', k), key);
  return context;
}

export interface WatchedPage {
  page: Page;
  /**
   * Console errors and uncaught exceptions, as the browser reported them. Chromium also logs every
   * 4xx answer to fetch; tests that provoke 401/403 on purpose filter those with `unexpected`.
   */
  errors: string[];
  /** JavaScript dialogs (alert, confirm) the page opened: untrusted text must never open one. */
  dialogs: string[];
  /** Every /api/v1 request the page made. */
  requests: URL[];
}

export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const watched: WatchedPage = { page, errors: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/')) watched.requests.push(url);
  });
  return watched;
}

/** Errors other than Chromium's note of a 401/403 answer the test asked for. */
export function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of 40[13]/.test(e));
}

/** Waits until every panel of the current view has rendered. */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

export interface RunningServer {
  base: string;
  output: () => string;
  stop(): Promise<void>;
}

/** `earshot serve` on a free port, as `npm start` runs it. */
export async function serveEarshot(dbPath: string, configPath: string): Promise<RunningServer> {
  const child: ChildProcess = earshotChild(['--db', dbPath, '--config', configPath, 'serve', '--port', '0'], {
    env: { HOST: '127.0.0.1', EARSHOT_WORKERS: '0' },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<string>((resolve, reject) => {
    const check = setInterval(() => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearInterval(check);
        resolve(match[1]!);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(check);
      reject(new Error(`earshot serve exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
