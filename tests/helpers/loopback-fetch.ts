import http from 'node:http';

/**
 * fetch over node:http, for clients (openapi-fetch) that send a Request with a body to a server
 * the test started itself: nock's fetch interception (tests/helpers/no-network.ts) reads such a
 * body before passing the request on, and then cannot send it ("unusable"). node:http requests
 * pass through nock's loopback allowance with their bodies intact.
 */
export async function loopbackFetch(input: Request | string | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request ? input : new Request(input, init);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(request.url, { method: request.method, headers: Object.fromEntries(request.headers) }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        const status = incoming.statusCode ?? 500;
        resolve(new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers }));
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
