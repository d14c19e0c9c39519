// Run by built-output.test.ts: imports the built ESM entry the way a user's `import` does.
import { createCompleroClient, NotFoundError } from '@complero/client';

const complero = createCompleroClient({ apiKey: 'key', baseUrl: process.argv[2] });
const { data, requestId } = await complero.contacts.get('c1');
const missing = await complero.contacts.get('missing').catch((error) => error instanceof NotFoundError);
console.log(JSON.stringify({ format: 'esm', data, requestId, missing }));
