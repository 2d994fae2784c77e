// The page's only door to the API. The key lives in sessionStorage: it goes with the tab and is
// never written anywhere that outlives it.

const KEY_NAME = 'earshot.apiKey';

export function storedKey() {
  return sessionStorage.getItem(KEY_NAME);
}

export function rememberKey(key) {
  sessionStorage.setItem(KEY_NAME, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_NAME);
}

/** An answer other than 2xx, carrying the problem+json the API sent (title, detail, errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * GET (or another method with a JSON body) on /api/v1; empty parameters are left out.
 * @param {string} path e.g. '/trends'
 * @param {Record<string, string | number | undefined | null>} [params]
 * @param {{ method?: string, body?: unknown }} [init]
 */
export async function api(path, params = {}, init = {}) {
  const url = new URL(`/api/v1${path}`, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  const headers = { accept: 'application/json' };
  const key = storedKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  } catch (error) {
    throw new ApiError(0, { title: 'Network error', detail: `Earshot did not answer (${error instanceof Error ? error.message : error})` });
  }
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** What to tell the viewer when a panel could not load. */
export function explainError(error) {
  if (!(error instanceof ApiError)) return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
  if (error.status === 403) return `Your key may not see this: ${error.message}`;
  if (error.status === 0) return error.message;
  return `Earshot answered ${error.status}: ${error.message}`;
}
