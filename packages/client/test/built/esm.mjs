// Run by built-output.test.ts: imports the built ESM entries the way a user's `import` does.
import { createCompleroClient, NotFoundError } from '@complero/client';
import { createRawClient } from '@complero/client/raw';
import { describeValidationErrorCode } from '@complero/client/validation-codes';

const complero = createCompleroClient({ apiKey: 'key', baseUrl: process.argv[2] });
const { data, requestId } = await complero.contacts.get('c1');
const missing = await complero.contacts.get('missing').catch((error) => error instanceof NotFoundError);
const raw = await createRawClient({ apiKey: 'key', baseUrl: process.argv[2] }).GET('/contacts/{id}', { params: { path: { id: 'c1' } } });
console.log(JSON.stringify({ format: 'esm', data, requestId, missing, raw: raw.data, meaning: describeValidationErrorCode('v1c002') }));
