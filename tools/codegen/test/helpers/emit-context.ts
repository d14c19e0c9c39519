import type { EmitContext } from '../../src/emit/shared.js';

/** The emit context of a made-up API, for emitter tests on small inline specs. */
export const ACME_CONTEXT: EmitContext = {
  scope: '@acme',
  name: 'Acme',
  baseUrl: 'https://api.acme.test/v2',
  specName: 'acme.yaml',
  specSha256: '0'.repeat(64),
  requestIdHeader: 'Request-Id',
};

/** The emit context `spec/codegen.config.ts` gives the Complero spec (with a placeholder hash). */
export const COMPLERO_CONTEXT: EmitContext = {
  scope: '@complero',
  name: 'Complero',
  baseUrl: 'https://api.complero.com/v1',
  specName: 'complero.swagger.yaml',
  specSha256: '0'.repeat(64),
  requestIdHeader: 'Request-Id',
};
