import { describe, expect, it } from 'vitest';
import {
  createContact,
  createContactEvent,
  createDocumentationPdf,
  createEmployee,
  createHandlers,
  createMockComplero,
  createOperation,
  createRandom,
  MOCK_OPERATIONS,
} from '../src/index.js';
import { apiRequest, respond } from './support/requests.js';

describe('the data factories', () => {
  it('give the same object for the same seed', () => {
    expect(createContact({ seed: 42 })).toStrictEqual(createContact({ seed: 42 }));
    expect(createEmployee({ seed: 42 })).toStrictEqual(createEmployee({ seed: 42 }));
    expect(createOperation({ seed: 42 })).toStrictEqual(createOperation({ seed: 42 }));
    expect(createContactEvent({ seed: 42 })).toStrictEqual(createContactEvent({ seed: 42 }));
  });

  it('give different objects for different seeds', () => {
    expect(createContact({ seed: 1 })).not.toStrictEqual(createContact({ seed: 2 }));
  });

  it('make many different objects from one random stream', () => {
    const random = createRandom({ seed: 7 });
    const ids = Array.from({ length: 20 }, () => createContact({ random }).id);
    expect(new Set(ids).size).toStrictEqual(20);
  });

  it('keep the fields given in overrides', () => {
    const contact = createContact({ seed: 1, overrides: { id: 'K-1', first_name: 'Erika' } });
    expect([contact.id, contact.first_name]).toStrictEqual(['K-1', 'Erika']);
  });

  it('make contacts that read like real ones', () => {
    const contact = createContact({ seed: 5 });
    expect(contact.id).toMatch(/^K-2025-\d{8}$/);
    expect(contact.section_private?.emails?.[0]).toMatch(/^[a-z-]+\.[a-z-]+@example\.de$/);
    expect(contact.birthday).toMatch(/^19\d{2}-\d{2}-\d{2}$/);
    expect(['Herr', 'Frau']).toContain(contact.salutation);
  });

  it('give documentation events a documentation URL and no contact', () => {
    const event = createContactEvent({ seed: 1, type: 'documentation', baseUrl: 'http://127.0.0.1:4010/v1' });
    expect(event.contact).toStrictEqual(undefined);
    expect(event.event_documentation_url).toStrictEqual(`http://127.0.0.1:4010/v1/documentation/${event.contact_id}/${event.event_id}`);
  });
});

describe('determinism', () => {
  async function bodies(seed: number): Promise<string[]> {
    const handlers = createHandlers({ seed });
    const texts: string[] = [];
    for (const operation of MOCK_OPERATIONS.filter((candidate) => candidate.method === 'get')) {
      const response = await respond({ handlers, request: apiRequest({ path: operation.path.replace(/\{[^}]+\}/g, 'K-1') }) });
      texts.push(await response.text());
    }
    return texts;
  }

  it('same seed → same bodies from the default handlers', async () => {
    expect(await bodies(9)).toStrictEqual(await bodies(9));
  });

  it('another seed → other generated bodies (spec examples stay)', async () => {
    const [a, b] = [await bodies(9), await bodies(10)];
    expect(a.filter((text, index) => text !== b[index]).length).toBeGreaterThan(0);
  });

  it('same seed → same bodies and ids from the stateful mock', async () => {
    async function run(): Promise<string[]> {
      const { handlers } = createMockComplero({ seed: 3 });
      const upload = await respond({
        handlers,
        request: apiRequest({ path: '/contacts', method: 'POST', body: [{ id: 'K-1', first_name: 'A', last_name: 'B' }] }),
      });
      const operation = await respond({ handlers, request: apiRequest({ path: `/operations/${upload.headers.get('Operation-Id')}` }) });
      await respond({
        handlers,
        request: apiRequest({ path: '/events/trigger', method: 'POST', body: { contact: { id: 'K-1' }, type: 'confirm' } }),
      });
      const events = await respond({ handlers, request: apiRequest({ path: '/events' }) });
      return [upload.headers.get('Operation-Id') ?? '', await operation.text(), await events.text()];
    }
    expect(await run()).toStrictEqual(await run());
  });
});

describe('createDocumentationPdf', () => {
  it('makes a PDF whose cross-reference table points at its objects', () => {
    const text = new TextDecoder('latin1').decode(createDocumentationPdf({ contactId: 'K-1', eventId: 'e-1' }));
    expect(text.startsWith('%PDF-1.4\n')).toStrictEqual(true);
    expect(text.endsWith('%%EOF\n')).toStrictEqual(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toStrictEqual('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n\r$/gm)].map((match) => Number(match[1]));
    expect(offsets.map((offset, index) => text.slice(offset, offset + `${index + 1} 0 obj`.length))).toStrictEqual([
      '1 0 obj',
      '2 0 obj',
      '3 0 obj',
      '4 0 obj',
      '5 0 obj',
    ]);
    expect(text).toContain('(Complero consent documentation for contact K-1 \\(event e-1\\)) Tj');
  });

  it('declares the exact length of its content stream', () => {
    const text = new TextDecoder('latin1').decode(createDocumentationPdf({ contactId: 'K-ä(1)' }));
    const match = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text);
    expect(match?.[2]?.length).toStrictEqual(Number(match?.[1]));
  });
});
