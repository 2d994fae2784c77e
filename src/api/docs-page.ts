import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './principal.js';
import { refuseUnknownQuery } from './strict-query.js';

/**
 * The API's docs page: Swagger UI from the swagger-ui-dist package, served by this server from
 * node_modules, so it works with no network (no CDN). The page reads /api/v1/openapi.json; its
 * "Authorize" button takes a key for "Try it out", kept in the page only (not stored).
 */
export const DOCS_PATH = '/api/v1/docs';

const dist = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
  'favicon-32x32.png': { file: 'favicon-32x32.png', type: 'image/png' },
};

// validatorUrl null: Swagger UI would otherwise send the document to an outside validator.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
  persistAuthorization: false,
  displayRequestDuration: true,
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Earshot API</title>
  <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png">
  <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/init.js"></script>
</body>
</html>
`;

export function docsPage(v1: OpenAPIHono<ApiEnv>) {
  // Read once on first use: the bundle is ~1.5 MB and never changes while the server runs.
  const cache = new Map<string, Buffer>();
  const asset = (name: string) => {
    let body = cache.get(name);
    if (!body) cache.set(name, (body = readFileSync(path.join(dist, ASSETS[name]!.file))));
    return body;
  };
  v1.get('/docs', refuseUnknownQuery(), (c) => c.html(PAGE));
  v1.get('/docs/init.js', refuseUnknownQuery(), (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  v1.get('/docs/:asset', refuseUnknownQuery(), (c) => {
    const name = c.req.param('asset');
    if (!Object.hasOwn(ASSETS, name)) return c.notFound();
    return c.body(new Uint8Array(asset(name)), 200, { 'content-type': ASSETS[name]!.type, 'cache-control': 'public, max-age=86400' });
  });
}
