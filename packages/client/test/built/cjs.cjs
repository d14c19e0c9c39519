// Run by built-output.test.ts: loads the built CommonJS entries the way a user's `require` does.
const { createCompleroClient, NotFoundError } = require('@complero/client');
const { createRawClient } = require('@complero/client/raw');
const { describeValidationErrorCode } = require('@complero/client/validation-codes');

const complero = createCompleroClient({ apiKey: 'key', baseUrl: process.argv[2] });
complero.contacts.get('c1').then(async ({ data, requestId }) => {
  const missing = await complero.contacts.get('missing').catch((error) => error instanceof NotFoundError);
  const raw = await createRawClient({ apiKey: 'key', baseUrl: process.argv[2] }).GET('/contacts/{id}', { params: { path: { id: 'c1' } } });
  console.log(JSON.stringify({ format: 'cjs', data, requestId, missing, raw: raw.data, meaning: describeValidationErrorCode('v1c002') }));
});
