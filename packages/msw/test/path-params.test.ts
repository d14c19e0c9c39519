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
