import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { openDb } from '../../src/db/client.js';

const app = createApp({ store: openDb(':memory:') });

describe('dashboard files', () => {
  it('serves the page with a CSP that allows no inline script, no other origin and no HTML sinks', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).not.toMatch(/unsafe|\*|https?:/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    // Every script is a file of this origin: no inline code, no handler attributes.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it('serves its modules and the chart library from this server, and revalidates with an ETag', async () => {
    const chart = await app.request('/assets/vendor/uplot.esm.js');
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await chart.text()).toContain('export { uPlot as default }');
    const main = await app.request('/assets/js/main.js');
    expect(main.status).toBe(200);
    const etag = main.headers.get('etag')!;
    const again = await app.request('/assets/js/main.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await app.request('/assets/vendor/uplot.min.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers an unknown asset with a 404 problem, not the page', async () => {
    const missing = await app.request('/assets/js/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await app.request('/assets/../package.json')).status).toBe(404);
  });
});

describe('dashboard files over the wire', () => {
  it('are gzipped for a client that accepts it, and identical once unzipped', async () => {
    const { gunzipSync } = await import('node:zlib');
    const plain = Buffer.from(await (await app.request('/assets/vendor/uplot.esm.js')).arrayBuffer());
    const zipped = await app.request('/assets/vendor/uplot.esm.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(body.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(body).equals(plain)).toBe(true);
  });
});

describe('the page', () => {
  it('preloads every module it runs, so they load at once rather than one import level at a time', async () => {
    const { readdirSync } = await import('node:fs');
    const html = await (await app.request('/')).text();
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    const modules = readdirSync(new URL('../../src/web/public/js', import.meta.url)).filter((f) => f !== 'main.js').map((f) => `/assets/js/${f}`);
    expect(preloaded.sort()).toEqual([...modules, '/assets/vendor/uplot.esm.js'].sort());
  });
});
