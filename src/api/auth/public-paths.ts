/**
 * What answers without an API key: liveness, the API's description and its docs page, and the
 * dashboard page with its static assets (which fetch their data with a key). None serves data.
 * `*` at the end matches any path below.
 */
export const PUBLIC_PATHS = ['/health', '/api/v1/openapi.json', '/api/v1/docs', '/api/v1/docs/*', '/', '/assets/*'] as const;

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.some((p) => (p.endsWith('/*') ? path.startsWith(p.slice(0, -1)) : path === p));
}
