import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../../src/main.js';
import { tempDir, tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot();
let server: Server;
let base: string;
beforeAll(async () => {
  server = await startServer(earshot, 0, () => {});
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.stop();
  await earshot.cleanup();
});

describe('the docs page', () => {
  it('is served without a key, and everything it loads comes from this server', async () => {
    const page = await fetch(`${base}/api/v1/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) {
      expect(ref, 'a path on this server, not another host').toMatch(/^\/api\/v1\/docs\//);
      const asset = await fetch(base + ref);
      expect(asset.status, ref).toBe(200);
      expect(asset.headers.get('content-type'), ref).toMatch(/^(text\/css|text\/javascript|image\/png)/);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    const init = await (await fetch(`${base}/api/v1/docs/init.js`)).text();
    expect(init).toContain("url: '/api/v1/openapi.json'");
    expect(init).toContain('validatorUrl: null');
    expect((await fetch(`${base}/api/v1/docs/package.json`)).status).toBe(404);
  });

  const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!CHROMIUM) console.warn('skipping the docs page in a browser: no Chromium (apt-get install chromium)');

  it.skipIf(!CHROMIUM)('renders every operation in headless Chromium with every other host unreachable', async () => {
    const profile = tempDir('earshot-chromium-');
    try {
      // Every host name but 127.0.0.1 resolves to nothing: a page that needed a CDN would come up empty.
      const args = [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--disable-default-apps', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        `--user-data-dir=${profile.dir}`, '--virtual-time-budget=15000', '--dump-dom', `${base}/api/v1/docs`,
      ];
      const dom = await new Promise<string>((resolve, reject) =>
        execFile(CHROMIUM!, args, { timeout: 60_000, maxBuffer: 20 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
      const paths = [...dom.matchAll(/class="opblock-summary-path" data-path="([^"]+)"/g)].map((m) => m[1]);
      const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { paths: Record<string, object> };
      const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map(() => path));
      expect(paths.sort()).toEqual(operations.sort());
      expect(dom).toContain('Authorize');
    } finally {
      profile.cleanup();
    }
  }, 90_000);
});
