/**
 * TanStack Query v5 for the Complero API: `compleroKeys`, `queryOptions` / `infiniteQueryOptions`
 * builders that take the client explicitly, hooks over them (`useContact`, `useInfiniteEvents`,
 * `useOperation`, …) and mutations that invalidate what they change. Generated from the spec on
 * top of `@complero/client`.
 */
export * from './generated/index.js';
export * from './runtime/index.js';
