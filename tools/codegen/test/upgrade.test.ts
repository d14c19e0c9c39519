import { describe, expect, it } from 'vitest';
import { upgradeToOpenApi3 } from '../src/upgrade.js';

/** The servers of a Swagger 2.0 document with these top-level fields, once upgraded. */
async function serversOf(fields: Record<string, unknown>): Promise<unknown> {
  const document = { swagger: '2.0', info: { title: 'T', version: '1' }, paths: {}, ...fields };
  const upgraded = await upgradeToOpenApi3({ document, version: 'swagger-2.0', file: 'spec.yaml' });
  return upgraded.servers;
}

describe('upgrading Swagger 2.0 servers', () => {
  it('assumes https for a host without schemes, instead of a protocol-relative //host URL', async () => {
    expect(await serversOf({ host: 'api.example.com', basePath: '/api' })).toStrictEqual([{ url: 'https://api.example.com/api' }]);
  });

  it('assumes https when schemes is an empty list', async () => {
    expect(await serversOf({ host: 'api.example.com', schemes: [] })).toStrictEqual([{ url: 'https://api.example.com' }]);
  });

  it('keeps the schemes a spec names, in its order', async () => {
    expect(await serversOf({ host: 'localhost:8080', basePath: '/v2', schemes: ['http', 'https'] })).toStrictEqual([
      { url: 'http://localhost:8080/v2' },
      { url: 'https://localhost:8080/v2' },
    ]);
  });

  it('leaves the caller a document without the assumed scheme unless it was handed over', async () => {
    const document = { swagger: '2.0', info: { title: 'T', version: '1' }, paths: {}, host: 'api.example.com' };
    await upgradeToOpenApi3({ document, version: 'swagger-2.0', file: 'spec.yaml' });
    expect(document).toStrictEqual({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {}, host: 'api.example.com' });
  });
});
