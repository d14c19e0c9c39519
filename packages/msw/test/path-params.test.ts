import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createHandlerContext, createOperationHandler, type MockOperation } from '../src/index.js';
import { respond } from './support/requests.js';

const BASE = 'https://api.example.test';

/** `GET /teams/{enterprise-team}/members/{user_id}`: one name MSW cannot use, renamed by the generator, one it can. */
const getMember: MockOperation = {
  id: 'getMember',
  name: 'getMember',
  method: 'get',
  path: '/teams/{enterprise-team}/members/{user_id}',
  mswPath: '/teams/:enterprise_team/members/:user_id',
  mswParams: { enterprise_team: 'enterprise-team', user_id: 'user_id' },
  successStatus: 200,
  responses: [{ status: 200, description: 'ok', mediaTypes: [], binary: false, headers: [] }],
  parameterExamples: {},
};

describe('path parameters a resolver gets', () => {
  it("are under the spec's names where the descriptor maps MSW names back to them", async () => {
    const handler = createOperationHandler({
      operation: getMember,
      context: createHandlerContext({ defaultBaseUrl: BASE, schemas: {} }),
      resolverOrData: ({ params }) => HttpResponse.json(params),
    });
    const response = await respond({ handlers: [handler], request: new Request(`${BASE}/teams/core-team/members/ann%20lee`) });
    expect({ status: response.status, body: await response.json() }).toStrictEqual({
      status: 200,
      body: { 'enterprise-team': 'core-team', user_id: 'ann lee' },
    });
  });
});

/** `GET /adj/{a}{b}{c}`: three parameters with no text between them, one MSW parameter for all three. */
const getAdjacent: MockOperation = {
  ...getMember,
  id: 'getAdjacent',
  name: 'getAdjacent',
  path: '/adj/{a}{b}{c}',
  mswPath: '/adj/:a__b__c',
  mswParams: {},
  mswSplits: { a__b__c: ['a', 'b', 'c'] },
};

describe('adjacent path parameters a resolver gets', () => {
  async function paramsOf(url: string): Promise<unknown> {
    const handler = createOperationHandler({
      operation: getAdjacent,
      context: createHandlerContext({ defaultBaseUrl: BASE, schemas: {} }),
      resolverOrData: ({ params }) => HttpResponse.json(params),
    });
    return (await respond({ handlers: [handler], request: new Request(url) })).json();
  }

  it('are one character each but the last, which gets the rest, decoded', async () => {
    expect(await paramsOf(`${BASE}/adj/%C3%BCv%20rest`)).toStrictEqual({ a: 'ü', b: 'v', c: ' rest' });
  });

  it('are empty at the end when the value is shorter than the names', async () => {
    expect(await paramsOf(`${BASE}/adj/x`)).toStrictEqual({ a: 'x', b: '', c: '' });
  });
});
