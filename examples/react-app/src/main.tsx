import { createCompleroClient } from '@complero/client';
import { createMockWorker } from '@complero/msw/browser';
import { CompleroProvider } from '@complero/react-query';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';

// Same origin as the page: should the worker ever miss a request, it reaches this app's own
// server (and fails), never a real API.
const baseUrl = `${window.location.origin}/api/v1`;

async function start(): Promise<void> {
  const mock = createMockWorker({ baseUrl, delay: 150, operationPolls: 2, documentationPolls: 2 });
  await mock.worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  const client = createCompleroClient({ apiKey: 'demo-key', baseUrl });
  const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <CompleroProvider client={client}>
          <App />
        </CompleroProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
