import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { OpenDb } from '../db/client.js';
import { alertsApi } from './alerts-route.js';
import { catalogApi } from './catalog-route.js';
import { authenticate } from './auth/authenticate.js';
import { lastUseRecorder } from './auth/last-use.js';
import { perKeyRateLimit, rateLimitFromEnv } from './auth/rate-limit.js';
import { docsPage } from './docs-page.js';
import { exportApi } from './export-route.js';
import { healthApi } from './health-route.js';
import { keysApi } from './keys-route.js';
import { labelsApi } from './labels-route.js';
import { meApi } from './me-route.js';
import { mentionExplanationsApi } from './mention-explanations-route.js';
import { mentionsApi } from './mentions-route.js';
import { openApiDocument } from './openapi-doc.js';
import type { ApiEnv } from './principal.js';
import { onError, problemResponse, validationProblem } from './problem.js';
import { shareOfVoiceApi } from './share-of-voice-route.js';
import { sourcesApi } from './sources-route.js';
import { trendTopicsApi } from './trend-topics-route.js';
import { trendsApi } from './trends-route.js';
import { trendTermsApi } from './trend-terms-route.js';
import { dashboardApp } from '../web/dashboard.js';

/** Largest request body /api/v1 reads; the API's bodies (labels, status, a new key) are a few hundred bytes. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
import { DEFAULT_DELIVERY } from '../config/delivery.js';
import { deliveriesApi } from './deliveries-route.js';
import { subscriptionsApi, type SubscriptionsApiDeps } from './subscriptions-route.js';
import { refuseUnknownQuery } from './strict-query.js';

export interface AppDeps {
  store: OpenDb;
  now?: () => number;
  /** Requests a minute per key for keys without their own limit; default EARSHOT_RATE_LIMIT or 600. */
  rateLimit?: number;
  maxBodyBytes?: number;
  /** How often a key's last use is written at most (ms); default a minute. */
  lastUseIntervalMs?: number;
  /** Subscriptions and the outbox: the delivery config, and hooks into the running service. */
  delivery?: Partial<Omit<SubscriptionsApiDeps, 'now'>> & { queued?: () => void };
}

/**
 * The HTTP API: one Hono app over one database, errors as application/problem+json.
 * Every /api/v1 route needs a key (authenticate), is rate-limited per key, and checks its role
 * with requireRole; the public paths are listed in auth/public-paths.ts.
 */
export function createApp({ store, now = Date.now, rateLimit = rateLimitFromEnv(), maxBodyBytes = DEFAULT_MAX_BODY_BYTES, lastUseIntervalMs, delivery }: AppDeps) {
  const app = new OpenAPIHono<ApiEnv>();
  const v1 = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => (result.success ? undefined : validationProblem(c, result.error)),
  });
  const limit = perKeyRateLimit(rateLimit);
  v1.use(
    '*',
    authenticate(store.db, lastUseRecorder(store.sqlite, lastUseIntervalMs), now),
    async (c, next) => (c.get('principal') ? limit(c, next) : next()),
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => problemResponse(c, 413, 'Payload too large', `request bodies are limited to ${maxBodyBytes} bytes`),
    }),
  );

  meApi(v1, rateLimit);
  keysApi(store.db, v1, now);
  exportApi(store, v1, now);
  mentionExplanationsApi(store.db, v1);
  mentionsApi(store.db, v1);
  labelsApi(store.db, v1);
  trendsApi(store.db, v1);
  trendTopicsApi(store.db, v1);
  shareOfVoiceApi(store.db, v1);
  trendTermsApi(store.db, v1);
  sourcesApi(store.db, v1, now);
  alertsApi(store.db, v1, now);
  subscriptionsApi(store.db, v1, { config: DEFAULT_DELIVERY, ...delivery, now });
  deliveriesApi(store.db, v1, { now, queued: delivery?.queued });
  catalogApi(store.db, v1);

  let doc: ReturnType<typeof openApiDocument> | undefined;
  v1.get('/openapi.json', refuseUnknownQuery(), (c) => c.json((doc ??= openApiDocument(v1))));
  docsPage(v1);

  app.route('/', healthApi(store));
  app.route('/api/v1', v1);
  // The dashboard: its page at / and its files under /assets/ (both public; the page asks for a key).
  app.route('/', dashboardApp());
  app.notFound((c) => problemResponse(c, 404, 'Not found', `no route for ${c.req.method} ${c.req.path}`));
  app.onError(onError);
  v1.onError(onError);
  return app;
}
