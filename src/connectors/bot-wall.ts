/**
 * Recognises anti-bot walls (Cloudflare, AWS WAF, DataDome, Imperva, PerimeterX, Akamai, captcha
 * pages) so scraping connectors can report BLOCKED instead of AUTH or PARSE. http.ts maps every
 * 403 to AUTH because for an API it means a bad key; a public page needs no key, and a 403 (or a
 * 200 challenge page) from a bot wall means the site refuses automated clients — no credential
 * fixes that, so the run should say so. Shared by the html and trustpilot connectors.
 */
import { ConnectorError } from './errors.js';

type Headers = Record<string, string | string[] | undefined>;

const HEADER_SIGNALS: Array<[name: string, vendor: string]> = [
  ['cf-mitigated', 'Cloudflare challenge'],
  ['x-amzn-waf-action', 'AWS WAF'],
  ['x-datadome', 'DataDome'],
  ['x-datadome-cid', 'DataDome'],
];

const BODY_SIGNALS: Array<[pattern: RegExp, vendor: string]> = [
  [/<title>\s*Just a moment\.\.\.\s*<\/title>/i, 'Cloudflare challenge'],
  [/<title>\s*Attention Required! \| Cloudflare/i, 'Cloudflare block'],
  [/\/cdn-cgi\/challenge-platform\/|window\._cf_chl_opt/i, 'Cloudflare challenge'],
  [/captcha-delivery\.com/i, 'DataDome captcha'],
  [/Incapsula incident ID|_Incapsula_Resource/i, 'Imperva'],
  [/px-captcha|perimeterx/i, 'PerimeterX captcha'],
  [/AwsWafIntegration|\.awswaf\.com/i, 'AWS WAF challenge'],
  [/errors\.edgesuite\.net/i, 'Akamai'],
  [/<title>[^<]{0,80}(captcha|are you a robot|verify you are (?:a )?human|bot detection)[^<]{0,80}<\/title>/i, 'captcha page'],
];

// Walls are small pages; the markers sit near the top.
const SNIFF_CHARS = 64 * 1024;

/** The vendor/marker that shows a bot wall in this response, or null. */
export function botWallSignal(headers: Headers, body: string): string | null {
  for (const [name, vendor] of HEADER_SIGNALS) {
    const value = headers[name];
    if (value !== undefined) return `${vendor} (${name}: ${Array.isArray(value) ? value[0] : value})`;
  }
  if (/^datadome$/i.test(String(headers.server ?? ''))) return 'DataDome (server header)';
  const head = body.slice(0, SNIFF_CHARS);
  for (const [pattern, vendor] of BODY_SIGNALS) if (pattern.test(head)) return vendor;
  return null;
}

/**
 * An HTTP failure from http.ts whose response is a bot wall, as BLOCKED; anything else unchanged.
 * The response is read from the error's cause (got's HTTPError keeps it), duck-typed because only
 * http.ts may import got.
 */
export function asBlocked(error: unknown, site: string): unknown {
  if (!(error instanceof ConnectorError) || (error.code !== 'AUTH' && error.code !== 'HTTP')) return error;
  const response = (error.cause as { response?: { headers?: unknown; body?: unknown } } | undefined)?.response;
  if (!response || typeof response.headers !== 'object' || response.headers === null) return error;
  const body = Buffer.isBuffer(response.body) ? response.body.toString('latin1') : String(response.body ?? '');
  const signal = botWallSignal(response.headers as Headers, body);
  if (!signal) return error;
  return blockedError(signal, site, { status: error.status, url: error.url, cause: error });
}

export function blockedError(
  signal: string,
  site: string,
  details: { status?: number; url?: string; cause?: unknown },
): ConnectorError {
  const status = details.status === undefined ? '' : `HTTP ${details.status}, `;
  return new ConnectorError(
    'BLOCKED',
    `${site} answered with a bot wall (${status}${signal}) at ${details.url ?? 'the page'}; ` +
      'it refuses automated clients — poll less often or drop this source',
    details,
  );
}
