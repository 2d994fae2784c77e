/**
 * npm run api:types — regenerates src/api/generated/openapi-types.ts (TypeScript types of the API
 * for openapi-fetch) from the OpenAPI document the app serves. tests/api/openapi.test.ts fails
 * while the committed file is stale, so run this after changing a route's schema.
 */
import { writeFileSync } from 'node:fs';
import { apiTypesSource, GENERATED_TYPES } from '../src/api/generated/generate.js';

writeFileSync(GENERATED_TYPES, await apiTypesSource());
console.log(`wrote ${GENERATED_TYPES}`);
