import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Buffer;
  /** The same bytes gzipped once at start (the chart library shrinks from 145 KB to about a third). */
  gzip: Buffer;
  type: string;
  etag: string;
}

const PUBLIC_DIR = fileURLToPath(new URL('./public', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The chart library, served from node_modules so the page needs no CDN and works offline. */
const VENDOR: Record<string, string> = {
  'vendor/uplot.esm.js': 'uplot/dist/uPlot.esm.js',
  'vendor/uplot.min.css': 'uplot/dist/uPlot.min.css',
};

function asset(file: string): Asset {
  const body = readFileSync(file);
  const type = TYPES[path.extname(file)];
  if (!type) throw new Error(`no content type for dashboard asset ${file}`);
  return { body, gzip: gzipSync(body, { level: 9 }), type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/**
 * Every file the dashboard serves, read once: the page, its modules and styles from
 * src/web/public, and the vendored chart library. Keys are paths under /assets/ ('' is the page).
 */
export function loadAssets(): Map<string, Asset> {
  const require = createRequire(import.meta.url);
  const assets = new Map<string, Asset>();
  for (const file of walk(PUBLIC_DIR)) {
    assets.set(file === 'index.html' ? '' : file, asset(path.join(PUBLIC_DIR, file)));
  }
  for (const [name, specifier] of Object.entries(VENDOR)) assets.set(name, asset(require.resolve(specifier)));
  return assets;
}
