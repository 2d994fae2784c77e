/**
 * The dashboard over the real airline tweets (../shared, never copied in): imported with the real
 * `earshot import`, detection over the storm week, then screenshots a reviewer can look at.
 * Skipped, saying so, where ../shared is absent; the seeded tests in dashboard.test.ts run anyway.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { detectAlerts } from '../../src/alerts/detect.js';
import { openDb } from '../../src/db/client.js';
import { earshotAsync, REPO } from '../helpers/cli.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { tempDir } from '../helpers/temp-earshot.js';
import { launchBrowser, newContext, ready, screenshot, serveEarshot, watchedPage, type RunningServer } from './harness.js';
import { createKey } from './seed.js';

sharedMissingNote('the airline-tweets dashboard screenshots');

describe.skipIf(!HAS_SHARED)('the dashboard over the airline tweets', () => {
  const tmp = tempDir('earshot-web-airline-');
  let server: RunningServer;
  let browser: Browser;
  let inserted = 0;
  let key: string;

  beforeAll(async () => {
    // The example config's brands and topics, without its sources: nothing may reach the network.
    const example = parse(readFileSync(path.join(REPO, 'earshot.config.yaml'), 'utf8'));
    const configPath = path.join(tmp.dir, 'earshot.yaml');
    writeFileSync(configPath, stringify({ brands: example.brands, topics: example.topics }));
    const dbPath = path.join(tmp.dir, 'earshot.db');
    const imported = await earshotAsync([
      'import', sharedPath('data/airline-tweets/Tweets.csv'), '--source', 'tweets',
      '--map', 'id=tweet_id', '--map', 'date=tweet_created', '--map', 'brand=airline',
      '--db', dbPath, '--config', configPath,
    ]);
    expect(imported.status, imported.stderr).toBe(0);
    inserted = Number(/(\d+) inserted/.exec(imported.stdout)![1]);
    const store = openDb(dbPath);
    try {
      detectAlerts(store, { from: Date.parse('2015-02-16T00:00:00Z'), to: Date.parse('2015-02-25T00:00:00Z'), persist: true, tz: 'America/Los_Angeles' });
    } finally {
      store.close();
    }
    key = await createKey(dbPath, 'brand-team', 'analyst');
    server = await serveEarshot(dbPath, configPath);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  it('charts every imported tweet, marks the storm alerts and explains them', async () => {
    const context = await newContext(browser, key);
    const { page, errors } = await watchedPage(context);
    await page.goto(`${server.base}/?from=2015-02-16&to=2015-02-24`);
    await ready(page);
    expect(await page.getAttribute('#trend-chart', 'data-total')).toBe(String(inserted));
    expect(await page.locator('#trend-chart .alert-marker').count()).toBeGreaterThan(0);
    await screenshot(page, 'airline-dashboard');

    await page.goto(`${server.base}/?from=2015-02-22&to=2015-02-24&brand=american&bucket=hour`);
    await ready(page);
    const markers = page.locator('#trend-chart .alert-marker');
    expect(await markers.count()).toBeGreaterThan(0);
    await markers.last().click();
    await page.locator('#alert-dialog[open]').waitFor();
    expect(await page.textContent('#alert-dialog-body')).toMatch(/mentions/);
    await screenshot(page, 'airline-alert', false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
