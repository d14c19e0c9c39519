// Run by built-output.test.ts: loads the built CommonJS entry the way a user's `require` does.
const { createCompleroClient, NotFoundError } = require('@complero/client');

const complero = createCompleroClient({ apiKey: 'key', baseUrl: process.argv[2] });
complero.contacts.get('c1').then(async ({ data, requestId }) => {
  const missing = await complero.contacts.get('missing').catch((error) => error instanceof NotFoundError);
  console.log(JSON.stringify({ format: 'cjs', data, requestId, missing }));
});
