/** The local mock server: the stateful mock over plain HTTP, for curl, Postman or any language. */
export { type MockServer, type StartMockServerOptions, startMockServer } from './runtime/mock-server.js';
