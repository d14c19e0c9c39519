import type { CompleroClient } from '@complero/client';
import { createContext, createElement, type ReactNode, useContext } from 'react';

const CompleroClientContext = createContext<CompleroClient | undefined>(undefined);

/** Props of {@link CompleroProvider}. */
export interface CompleroProviderProps {
  /** The client every hook below uses unless a hook is given its own `client`. */
  readonly client: CompleroClient;
  readonly children?: ReactNode;
}

/**
 * Makes a Complero client available to the hooks below it. Put it inside your
 * `QueryClientProvider`; the two are independent, so one QueryClient may serve several clients.
 */
export function CompleroProvider(props: CompleroProviderProps): ReactNode {
  return createElement(CompleroClientContext.Provider, { value: props.client }, props.children);
}

/**
 * The Complero client for a hook: the one passed explicitly, else the nearest
 * {@link CompleroProvider}'s. Throws when there is neither, naming both ways to fix it.
 */
export function useCompleroClient(explicit?: CompleroClient): CompleroClient {
  const provided = useContext(CompleroClientContext);
  const client = explicit ?? provided;
  if (!client) {
    throw new Error(
      'No Complero client: wrap your components in <CompleroProvider client={createCompleroClient(...)}> or pass { client } to the hook.',
    );
  }
  return client;
}
