import { Hono, type Context } from 'hono';
import { loadAssets, type Asset } from './assets.js';

/**
 * The second line of defence for untrusted mention text (the first: the page only ever sets
 * text, never HTML): no inline script or style, nothing from another origin, and Trusted Types
 * so that any HTML sink assignment throws instead of parsing markup.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

function send(c: Context, file: Asset): Response {
  const headers = {
    'content-type': file.type,
    etag: file.etag,
    // Revalidate every time: a restart after an upgrade must never leave an old module in use.
    'cache-control': 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    vary: 'accept-encoding',
  };
  if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    return c.body(new Uint8Array(file.gzip), 200, { ...headers, 'content-encoding': 'gzip' });
  }
  return c.body(new Uint8Array(file.body), 200, headers);
}

/** The dashboard page at `/` and its files under `/assets/*`, public (the page asks for a key itself). */
export function dashboardApp() {
  const assets = loadAssets();
  const app = new Hono();
  app.get('/', (c) => send(c, assets.get('')!));
  app.get('/assets/*', async (c, next) => {
    const file = assets.get(c.req.path.slice('/assets/'.length));
    if (!file) return next();
    return send(c, file);
  });
  return app;
}
