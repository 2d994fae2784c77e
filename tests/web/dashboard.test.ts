import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-earshot.js';
import { launchBrowser, newContext, ready, screenshot, serveEarshot, unexpected, VIEWER_ZONE, watchedPage, type RunningServer } from './harness.js';
import { REVIEW_ROWS, REVIEWS_CSV, seedStore, startFeedServer, XSS_AT, XSS_TEXT, type SeedCounts, type SeededStore } from './seed.js';

const tmp = tempDir('earshot-web-');
let feeds: Awaited<ReturnType<typeof startFeedServer>>;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let counts: SeedCounts;
let keys: SeededStore['keys'];

/** The whole seeded history, as days in the viewer's zone (Feb 2 00:00 UTC is Feb 1 in Los Angeles). */
const ALL_DAYS = 'from=2015-02-01&to=2015-02-12';

beforeAll(async () => {
  feeds = await startFeedServer();
  const seeded = await seedStore(tmp.dir, feeds.base);
  counts = seeded.counts;
  keys = seeded.keys;
  expect(seeded.alerts).toBeGreaterThan(0);
  server = await serveEarshot(seeded.dbPath, seeded.configPath);
  browser = await launchBrowser();
  // Most tests look as an analyst (who may read mentions and correct labels); the sign-in tests start without a key.
  context = await newContext(browser, keys.analyst);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  await feeds?.close();
  tmp.cleanup();
});

async function api(path: string) {
  const response = await fetch(`${server.base}/api/v1${path}`, { headers: { authorization: `Bearer ${keys.analyst}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as any;
}

/** Opens the trend chart's data table (built on opening), as a keyboard or screen-reader user would. */
async function openTable(page: Page): Promise<void> {
  if (!(await page.locator('#trend details').getAttribute('open'))) await page.locator('#trend details summary').click();
  await page.locator('#trend-table tbody tr').first().waitFor();
}

/** The trend data table's first series, summed: what the chart was drawn from. */
async function tableTotal(page: Page): Promise<number> {
  await openTable(page);
  const cells = await page.locator('#trend-table tbody tr td:nth-of-type(1)').allTextContents();
  return cells.reduce((sum, cell) => sum + Number(cell.replace(/[^\d]/g, '')), 0);
}

/** Pixels of the chart canvas painted in a series colour (uPlot draws on canvas, not in the DOM). */
async function paintedPixels(page: Page, color: [number, number, number]): Promise<number> {
  // The callback runs in the page; this project's types have no DOM, hence `any`.
  return page.$eval('#trend-chart canvas', (canvas: any, rgb) => {
    const data: Uint8ClampedArray = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - rgb[0]) < 24 && Math.abs(data[i + 1]! - rgb[1]) < 24 && Math.abs(data[i + 2]! - rgb[2]) < 24 && data[i + 3]! > 200) n++;
    }
    return n;
  }, color);
}

function chartImage(page: Page): Promise<string> {
  return page.$eval('#trend-chart canvas', (canvas: any) => canvas.toDataURL() as string);
}

const ALL_MENTIONS_BLUE: [number, number, number] = [0x1f, 0x5f, 0xbf];

describe('the dashboard at /', () => {
  it('loads without console errors, under a strict CSP, and draws the seeded series in the viewer\'s zone', async () => {
    const response = await fetch(`${server.base}/`);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);

    const { page, errors, requests } = await watchedPage(context);
    await page.goto(`${server.base}/`);
    await ready(page);
    // Without dates in the URL the view opens on the last two weeks that have data: all of it.
    expect(await page.inputValue('#f-from')).toBe('2015-02-01');
    expect(await page.inputValue('#f-to')).toBe('2015-02-12');
    await screenshot(page, 'dashboard');
    const total = counts.tweets + REVIEW_ROWS;
    expect(await page.getAttribute('#trend-chart', 'data-total')).toBe(String(total));
    expect(await tableTotal(page)).toBe(total);
    const rows = await page.locator('#trend-table tbody tr th').allTextContents();
    expect(rows[0]).toBe('Feb 1, 2015');
    expect(rows).toHaveLength(12);
    expect(await paintedPixels(page, ALL_MENTIONS_BLUE)).toBeGreaterThan(300);
    // Series for the biggest topics are drawn beside the total.
    expect(await page.locator('#trend-chart .u-legend .u-series').count()).toBeGreaterThan(2);

    const trends = requests.filter((u) => u.pathname === '/api/v1/trends');
    expect(trends.length).toBeGreaterThan(0);
    expect(trends.every((u) => u.searchParams.get('tz') === VIEWER_ZONE)).toBe(true);
    expect(await page.textContent('#zone')).toContain(VIEWER_ZONE);

    // Every panel has content.
    expect(await page.textContent('#voice-body')).toMatch(/Acme[\s\S]*Globex/);
    const stars = readFileSync(REVIEWS_CSV, 'utf8').trim().split('\n').slice(1).map((line) => Number(line.split(',')[2]));
    expect(stars).toHaveLength(REVIEW_ROWS);
    const mean = stars.reduce((a, b) => a + b, 0) / stars.length;
    const satisfied = stars.filter((n) => n >= 4).length / stars.length;
    const reviews = (await page.textContent('#reviews-body'))!;
    expect(reviews).toContain(`Average rating${mean.toFixed(2)} / 5`);
    expect(reviews).toContain(`CSAT${Math.round(satisfied * 100)} %`);
    expect(await page.locator('#topics-body tbody tr').count()).toBeGreaterThan(2);
    expect(await page.locator('#mention-list > li').count()).toBe(25);
    const health = await page.textContent('#sources-body');
    expect(health).toMatch(/status-page\s*rss\s*Failing: HTTP/);
    expect(health).toMatch(/forum\s*rss\s*OK/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('updates the chart and the URL when a filter changes, and the back button restores the view', async () => {
    const { page, errors } = await watchedPage(context);
    await page.goto(`${server.base}/?${ALL_DAYS}`);
    await ready(page);
    const before = await chartImage(page);

    await page.selectOption('#f-brand', 'globex');
    await page.waitForURL(/brand=globex/);
    await ready(page);
    expect(new URL(page.url()).searchParams.get('brand')).toBe('globex');
    expect(await page.getAttribute('#trend-chart', 'data-total')).toBe(String(counts.byBrand.globex));
    expect(await tableTotal(page)).toBe(counts.byBrand.globex);
    const after = await chartImage(page);
    expect(after).not.toBe(before);
    // The mention list follows the filter.
    const brands = await page.locator('#mention-list .mention-text').allTextContents();
    expect(brands.length).toBeGreaterThan(0);
    expect(brands.every((text) => /globex/i.test(text))).toBe(true);
    await screenshot(page, 'dashboard-globex');

    await page.selectOption('#f-sentiment', 'negative');
    await page.waitForURL(/sentiment=negative/);
    await ready(page);
    expect(new URL(page.url()).searchParams.get('brand')).toBe('globex');
    const negative = Number(await page.getAttribute('#trend-chart', 'data-total'));
    expect(negative).toBeLessThan(counts.byBrand.globex);

    await page.goBack();
    await ready(page);
    expect(await page.inputValue('#f-sentiment')).toBe('');
    expect(await page.getAttribute('#trend-chart', 'data-total')).toBe(String(counts.byBrand.globex));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores a shared view from its URL', async () => {
    const query = 'from=2015-02-12&to=2015-02-12&brand=acme&topic=cancellations&sentiment=negative&bucket=hour';
    const { page, errors } = await watchedPage(context);
    await page.goto(`${server.base}/?${query}`);
    await ready(page);
    expect(await page.inputValue('#f-from')).toBe('2015-02-12');
    expect(await page.inputValue('#f-to')).toBe('2015-02-12');
    expect(await page.inputValue('#f-brand')).toBe('acme');
    expect(await page.inputValue('#f-topic')).toBe('cancellations');
    expect(await page.inputValue('#f-sentiment')).toBe('negative');
    expect(await page.inputValue('#f-bucket')).toBe('hour');

    const expected = await api(`/trends?metric=volume&bucket=hour&tz=${VIEWER_ZONE}&from=2015-02-12&to=2015-02-13&brand=acme&topic=cancellations&sentiment=negative`);
    const sum = expected.points.reduce((a: number, p: { volume: number }) => a + p.volume, 0);
    expect(sum).toBeGreaterThanOrEqual(counts.storm);
    expect(await page.getAttribute('#trend-chart', 'data-total')).toBe(String(sum));
    await openTable(page);
    expect(await page.locator('#trend-table tbody tr').count()).toBe(24);
    expect(await page.locator('#trend-chart .u-legend .u-series').count()).toBe(2); // time + the topic
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows mention text that is HTML as text, runs none of it, and links only to web addresses', async () => {
    const hour = new Date(Math.floor(XSS_AT / 3_600_000) * 3_600_000).toISOString();
    const { page, errors, dialogs } = await watchedPage(context);
    await page.goto(`${server.base}/?from=2015-02-11&to=2015-02-11&bucket=hour&at=${encodeURIComponent(hour)}`);
    await ready(page);
    const item = page.locator('#mention-list > li', { hasText: XSS_TEXT });
    await item.waitFor();
    expect(await item.locator('.mention-text').textContent()).toBe(XSS_TEXT);
    expect(await page.locator('#mention-list img').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await item.textContent()).toContain('Link not shown (not a web address)');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await item.locator('.why').textContent()).not.toContain('Finding the words');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens an alert marker\'s explanation, from the keyboard too, triages it, and lists the mentions of its hour', async () => {
    const stored = (await api('/alerts?brand=acme&topic=cancellations&limit=500')).items as any[];
    expect(stored.length).toBeGreaterThan(0);
    const { page, errors } = await watchedPage(context);
    await page.goto(`${server.base}/?from=2015-02-12&to=2015-02-12&bucket=hour&brand=acme&topic=cancellations`);
    await ready(page);
    const marker = page.locator('#trend-chart .alert-marker');
    expect(await marker.count()).toBe(1);
    expect(await marker.getAttribute('aria-label')).toMatch(new RegExp(`^${stored.length} alerts? at Feb 12, 2015, 7:00`));

    await marker.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('#alert-dialog[open]');
    await dialog.waitFor();
    const text = (await dialog.textContent())!;
    for (const alert of stored) expect(text).toContain(alert.explanation.summary);
    const strongest = stored.reduce((a, b) => (b.score > a.score ? b : a));
    expect(text).toContain(strongest.explanation.samples[0].text);
    expect(await dialog.locator('h3').first().textContent()).toMatch(/: Acme · Cancellations$/);
    await screenshot(page, 'alert-explanation', false);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#alert-dialog[open]').count()).toBe(0);

    await marker.click();
    await dialog.waitFor();
    // Triage from the explanation: the strongest alert is acknowledged and the API says so.
    const shown = dialog.locator('article.alert');
    await shown.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => shown.locator('.triage-status').textContent()).toBe('Marked acknowledged.');
    expect(await shown.locator('.alert-status').textContent()).toBe('status acknowledged');
    expect((await api(`/alerts/${await shown.getAttribute('data-alert-id')}`)).status).toBe('acknowledged');
    await dialog.getByRole('button', { name: 'List the mentions of this hour' }).first().click();
    await page.waitForURL(/at=2015-02-12T15%3A00%3A00.000Z/);
    await ready(page);
    expect(await page.textContent('#mentions-sub')).toContain('Feb 12, 2015, 7:00');
    const texts = await page.locator('#mention-list .mention-text').allTextContents();
    expect(texts).toHaveLength(25);
    expect(texts.every((t) => /cancelled/i.test(t))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an analyst correct a sentiment label and the topics from the mention list', async () => {
    const { page, errors } = await watchedPage(context);
    await page.goto(`${server.base}/?from=2015-02-12&to=2015-02-12&source=app-reviews`);
    await ready(page);
    const first = page.locator('#mention-list > li').first();
    const id = Number(await first.getAttribute('data-id'));
    const label = first.getByLabel('Correct sentiment');
    await label.selectOption('neutral');
    await first.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => first.locator('.fix-status').textContent()).toBe('Saved: Neutral.');
    expect(await first.locator('.badge').textContent()).toBe('Neutral (corrected)');
    let stored = (await api('/mentions?source=app-reviews&from=2015-02-12T00:00:00Z&limit=100')).items.find((m: any) => m.id === id);
    expect(stored.labels).toEqual({ sentiment: 'neutral', topics: null });

    // Topics: the machine's are ticked; the analyst adds one and saves.
    const machine = stored.topics.map((t: { id: string }) => t.id).sort();
    await first.getByText('Correct topics').click();
    for (const topic of machine) expect(await first.locator(`input[value="${topic}"]`).isChecked()).toBe(true);
    const extra = machine.includes('price') ? 'baggage' : 'price';
    await first.getByLabel(extra === 'price' ? 'Price and fees' : 'Baggage', { exact: true }).check();
    await first.getByRole('button', { name: 'Save topics' }).click();
    await expect.poll(() => first.locator('.fix-topics .fix-status').textContent()).toBe(`Saved ${machine.length + 1} topic${machine.length === 0 ? '' : 's'}.`);
    expect(await first.locator('.topics').textContent()).toMatch(/^Topics \(corrected\): /);
    stored = (await api('/mentions?source=app-reviews&from=2015-02-12T00:00:00Z&limit=100')).items.find((m: any) => m.id === id);
    expect(stored.labels.sentiment).toBe('neutral');
    expect([...stored.labels.topics].sort()).toEqual([...machine, extra].sort());
    expect(errors).toEqual([]);
    await page.close();
  });
});

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2 A/AA rules over what is on screen; each violation as "rule: target". */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const { violations } = await axe.run((globalThis as any).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return violations.flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${n.target.join(' ')}`)) as string[];
  });
  return result;
}

describe('on a phone', () => {
  it('fits the screen: no sideways scrolling of the page', async () => {
    const { page, errors } = await watchedPage(context);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.base}/?${ALL_DAYS}`);
    await ready(page);
    expect(await page.evaluate(() => [(globalThis as any).document.documentElement.scrollWidth, (globalThis as any).innerWidth])).toEqual([390, 390]);
    await screenshot(page, 'dashboard-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('accessibility', () => {
  it('has labelled controls, named buttons and readable contrast (axe, WCAG 2 AA), in the main view and the alert dialog', async () => {
    // axe is injected from the test, which the page's own CSP would (rightly) refuse.
    const audit = await newContext(browser, keys.analyst, { bypassCSP: true });
    const signIn = await newContext(browser, undefined, { bypassCSP: true });
    try {
      const first = await signIn.newPage();
      await first.goto(`${server.base}/`);
      await ready(first);
      expect(await first.isVisible('#sign-in')).toBe(true);
      expect(await accessibilityViolations(first)).toEqual([]);

      const page = await audit.newPage();
      await page.goto(`${server.base}/?from=2015-02-12&to=2015-02-12&bucket=hour&brand=acme`);
      await ready(page);
      await page.locator('#trend details summary').click();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.locator('#trend-chart .alert-marker').first().click();
      await page.locator('#alert-dialog[open]').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await audit.close();
      await signIn.close();
    }
  });
});

describe('the dashboard on an empty store', () => {
  it('tells a new user what to configure', async () => {
    const empty = tempDir('earshot-web-empty-');
    const { writeFileSync } = await import('node:fs');
    const configPath = `${empty.dir}/earshot.yaml`;
    writeFileSync(configPath, `sources:\n  - { name: product-news, kind: rss, schedule: "0 0 1 1 *", options: { url: "${feeds.base}/feed.xml" } }\n`);
    const bare = await serveEarshot(`${empty.dir}/earshot.db`, configPath);
    const fresh = await newContext(browser);
    try {
      // A first start makes an admin key and prints it once: a new user signs in with that.
      const firstKey = /\n\s+(earshot_\S+)/.exec(bare.output())![1]!;
      const { page, errors } = await watchedPage(fresh);
      await page.goto(`${bare.base}/`);
      await ready(page);
      expect(await page.isVisible('#sign-in')).toBe(true);
      await page.getByLabel('API key').fill(firstKey);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('#empty').waitFor();
      await ready(page);
      expect(await page.textContent('#who')).toBe('Signed in as first-admin (admin)');
      expect(await page.isVisible('#empty')).toBe(true);
      const steps = await page.textContent('#empty-steps');
      expect(steps).toContain('brands:');
      expect(steps).toContain('npx earshot run product-news');
      expect(steps).toContain('npx earshot import');
      expect(await page.isVisible('#trend')).toBe(false);
      expect(await page.isVisible('#filters')).toBe(false);
      expect(await page.textContent('#sources-body')).toMatch(/product-news\s*rss\s*Never run/);
      expect(unexpected(errors)).toEqual([]);
      await screenshot(page, 'empty-state');
      await page.close();
    } finally {
      await fresh.close();
      await bare.stop();
      empty.cleanup();
    }
  });
});

describe('signing in with an API key', () => {
  it('asks for a key, refuses a wrong one, keeps a good one for the tab only, and signs out', async () => {
    const anonymous = await newContext(browser);
    try {
      const { page, errors, requests } = await watchedPage(anonymous);
      await page.goto(`${server.base}/?${ALL_DAYS}`);
      await ready(page);
      expect(await page.isVisible('#sign-in')).toBe(true);
      expect(await page.isVisible('#main')).toBe(false);
      expect(await page.textContent('#sign-in-reason')).toBe('This Earshot asks for an API key.');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('api-key');
      await screenshot(page, 'sign-in', false);

      await page.getByLabel('API key').fill(`earshot_${'A'.repeat(43)}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('#sign-in-reason')).toMatch(/^That key was not accepted: the API key is unknown or revoked/);
      expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('earshot.apiKey'))).toBeNull();

      await page.getByLabel('API key').fill(keys.viewer);
      await page.keyboard.press('Enter');
      await page.locator('#main').waitFor();
      await ready(page);
      expect(await page.textContent('#who')).toBe('Signed in as marketing-wall (viewer)');
      expect(await page.getAttribute('#trend-chart', 'data-total')).toBe(String(counts.tweets + REVIEW_ROWS));
      const sent = requests.filter((u) => u.pathname === '/api/v1/trends');
      expect(sent.length).toBeGreaterThan(0);
      // A viewer reads trends, alerts and sources; mentions need an analyst key, and the page says so.
      expect(await page.textContent('#mentions-status')).toMatch(/^Your key may not see this: this needs the analyst role; the key 'marketing-wall' is viewer/);
      expect(await page.locator('form.fix').count()).toBe(0);
      expect(await page.locator('#trend-chart .alert-marker').count()).toBeGreaterThan(0);

      // The key lives in sessionStorage: a reload keeps it, a new tab does not have it.
      await page.reload();
      await ready(page);
      expect(await page.textContent('#who')).toBe('Signed in as marketing-wall (viewer)');
      const other = await anonymous.newPage();
      await other.goto(`${server.base}/`);
      await ready(other);
      expect(await other.isVisible('#sign-in')).toBe(true);
      await other.close();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await ready(page);
      expect(await page.isVisible('#sign-in')).toBe(true);
      expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('earshot.apiKey'))).toBeNull();
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await anonymous.close();
    }
  });

  it('sends the key as a Bearer header on every API request', async () => {
    const signedIn = await newContext(browser, keys.viewer);
    try {
      const page = await signedIn.newPage();
      const headers: (string | undefined)[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/v1/')) headers.push(r.headers().authorization);
      });
      await page.goto(`${server.base}/?${ALL_DAYS}`);
      await ready(page);
      expect(headers.length).toBeGreaterThan(5);
      expect(new Set(headers)).toEqual(new Set([`Bearer ${keys.viewer}`]));
    } finally {
      await signedIn.close();
    }
  });
});
