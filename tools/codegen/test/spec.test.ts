import { readFile } from 'node:fs/promises';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, SPEC_FILE } from './helpers/repo.js';

const SEED_FILE = path.resolve(REPO_ROOT, '../shared/seed/000_f23c180153eaf7b4.txt');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

// biome-ignore lint/suspicious/noExplicitAny: the test walks arbitrary YAML
async function readSpec(): Promise<Record<string, any>> {
  return parse(await readFile(SPEC_FILE, 'utf8'));
}

async function readSeed(): Promise<string | undefined> {
  return readFile(SEED_FILE, 'utf8').catch(() => undefined);
}

describe('spec/complero.swagger.yaml', () => {
  it('validates as Swagger 2.0', async () => {
    const api = (await SwaggerParser.validate(SPEC_FILE)) as { swagger?: string };
    expect(api.swagger).toBe('2.0');
  });

  it('lists exactly the 14 documented operations', async () => {
    const spec = await readSpec();
    const operations = Object.entries(spec.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([route, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, operation]) => `${method.toUpperCase()} ${route} ${operation.operationId}`),
    );
    expect(operations).toStrictEqual([
      'POST /contacts BulkUploadContacts',
      'GET /contacts/{id} GetContact',
      'DELETE /contacts/{id} DeleteContact',
      'GET /documentation/{contactID} GetDocumentation',
      'GET /documentation/{contactID}/{eventID} GetDocumentationEvent',
      'POST /employees BulkUploadEmployees',
      'GET /employees/{id} GetEmployee',
      'DELETE /employees/{id} DeleteEmployee',
      'GET /events GetEvents',
      'GET /events/latest GetLatestEvents',
      'POST /events/trigger TriggerSandboxEvent',
      'GET /operations GetAllOperations',
      'GET /operations/{id} GetOperation',
      'GET /ping Ping',
    ]);
  });

  it('has the 23 definitions', async () => {
    const spec = await readSpec();
    expect(Object.keys(spec.definitions)).toStrictEqual([
      'Address',
      'Consent',
      'Contact',
      'ContactEvent',
      'ContactSection',
      'ContactUpload',
      'Documentation',
      'Email',
      'Employee',
      'EmployeeUpload',
      'Fax',
      'Mobile',
      'Operation',
      'OperationItem',
      'Phone',
      'PublicFax',
      'PublicNumber',
      'Section',
      'TriggerPublicEvent',
      'web.PostResponse',
      'web.Response',
      'web.ValidationError',
      'web.ValidationErrors',
    ]);
  });

  it('keeps the parameters with their enum, default and x-example', async () => {
    const spec = await readSpec();
    const [type, from, , limit, cursor] = spec.paths['/events'].get.parameters;
    expect(type).toStrictEqual({
      enum: ['confirm', 'update', 'documentation'],
      type: 'string',
      description: 'filter events by one or more types',
      name: 'type',
      in: 'query',
    });
    expect(from['x-example']).toBe('2024-09-17T09:19:04Z');
    expect(limit.default).toBe('1000');
    expect(cursor['x-example']).toBe('MDAwMDAwMDAtMDAwMC0');
  });

  it('keeps responses with headers and examples', async () => {
    const spec = await readSpec();
    const accepted = spec.paths['/contacts'].post.responses['202'];
    expect(Object.keys(accepted.headers)).toStrictEqual(['Operation-Id', 'Operation-Link', 'Request-Id']);
    const examples = spec.paths['/events'].get.responses['200'].examples['application/json'];
    expect(examples.map((event: { type: string; event_id: string }) => [event.type, event.event_id])).toStrictEqual([
      ['update', '2ad40cba-3d5f-4bb9-a123-997f620dee87'],
      ['documentation', '2ad40cba-3d5f-4bb9-a123-997f620dee87'],
      ['confirm', 'b7f509f3-e805-4743-b9a6-efa9e651e543'],
    ]);
    expect(examples[0].contact.section_private.addresses[0]).toStrictEqual({
      city: 'München',
      country: 'DE',
      house_number: '12a',
      street: 'Musterstraße',
      zip_code: '80331',
    });
  });

  it('keeps security definitions, tags and vendor extensions', async () => {
    const spec = await readSpec();
    expect(spec.securityDefinitions).toStrictEqual({ ApiKeyAuth: { type: 'apiKey', name: 'Authorization', in: 'header' } });
    expect(spec.tags.map((tag: { name: string }) => tag.name)).toStrictEqual(['Employees', 'Contacts']);
    expect(spec['x-tagGroups']).toStrictEqual([
      { name: 'General', tags: ['', 'Events'] },
      { name: 'Models', tags: ['Contacts', 'Employees', 'Operations'] },
    ]);
    expect(spec.paths['/ping'].get['x-codeSamples']).toStrictEqual([{ lang: 'cURL', source: 'curl https://api.complero.com/v1/ping' }]);
    expect(spec.paths['/ping'].get.security).toBeUndefined();
    expect(spec.paths['/contacts'].post['x-group']).toStrictEqual(['public']);
  });

  it('keeps every section of info.description, each heading and bullet on its own line', async () => {
    const spec = await readSpec();
    const lines = (spec.info.description as string).split('\n');
    expect(lines.filter((line) => line.startsWith('# '))).toStrictEqual([
      '# Errors',
      '# Validation Errors',
      '# Request IDs',
      '# Pagination',
    ]);
    expect(lines.filter((line) => line.startsWith('- ')).map((line) => /`?(v1c00\d)`?\.$/.exec(line)?.[1])).toStrictEqual([
      'v1c001',
      'v1c002',
      'v1c004',
      'v1c003',
    ]);
  });

  it('is the seed document token for token (only whitespace was restored)', async (context) => {
    const seed = await readSeed();
    if (seed === undefined) {
      context.skip(`the seed is not at ${SEED_FILE}; cannot compare`);
      return;
    }
    const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(collapse(await readFile(SPEC_FILE, 'utf8'))).toBe(collapse(seed));
  });
});
