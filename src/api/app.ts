import { OpenAPIHono } from '@hono/zod-openapi';
import type { OpenDb } from '../db/client.js';
import { alertsApi } from './alerts-route.js';
import { healthApi } from './health-route.js';
import { labelsApi } from './labels-route.js';
import { mentionsApi } from './mentions-route.js';
import { onError, problemResponse, validationProblem } from './problem.js';
import { sourcesApi } from './sources-route.js';
import { trendsApi } from './trends-route.js';
import { trendTopicsApi } from './trend-topics-route.js';
import { shareOfVoiceApi } from './share-of-voice-route.js';
import { catalogApi } from './catalog-route.js';
import { mentionExplanationsApi } from './mention-explanations-route.js';
import { dashboardApp } from '../web/dashboard.js';

export interface AppDeps {
  store: OpenDb;
  now?: () => number;
}

/** The HTTP API: one Hono app over one database, errors as application/problem+json. */
export function createApp({ store, now }: AppDeps) {
  const app = new OpenAPIHono();
  const v1 = new OpenAPIHono({
    defaultHook: (result, c) => (result.success ? undefined : validationProblem(c, result.error)),
  });
  mentionExplanationsApi(store.db, v1);
  mentionsApi(store.db, v1);
  labelsApi(store.db, v1);
  trendsApi(store.db, v1);
  trendTopicsApi(store.db, v1);
  shareOfVoiceApi(store.db, v1);
  sourcesApi(store.db, v1, now);
  alertsApi(store.db, v1, now);
  catalogApi(store.db, v1);
  v1.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Earshot API', version: '1', description: 'Mentions and trends from the sources Earshot listens to.' },
  });

  app.route('/', healthApi(store));
  app.route('/api/v1', v1);
  app.route('/', dashboardApp());
  app.notFound((c) => problemResponse(c, 404, 'Not found', `no route for ${c.req.method} ${c.req.path}`));
  app.onError(onError);
  v1.onError(onError);
  return app;
}
