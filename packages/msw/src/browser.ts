/**
 * The browser entry: everything from `@complero/msw`, plus `createMockWorker` to run the stateful
 * mock in a Service Worker (`npx msw init public/` first). Imports nothing from Node.
 */
import { type SetupWorker, setupWorker } from 'msw/browser';
import { createMockComplero, type MockComplero, type MockCompleroOptions } from './runtime/mock-complero.js';

export * from './index.js';

/** A stateful mock Complero served by an MSW Service Worker; call `worker.start()` before your app fetches. */
export interface MockWorker extends MockComplero {
  readonly worker: SetupWorker;
}

/** Creates the stateful mock and an MSW worker with its handlers (not started yet). */
export function createMockWorker(options: MockCompleroOptions = {}): MockWorker {
  const complero = createMockComplero(options);
  return { ...complero, worker: setupWorker(...complero.handlers) };
}
