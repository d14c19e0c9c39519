import { useInfiniteEvents } from '@complero/react-query';
import { useEffect, useRef } from 'react';

/** Events, two per page, loading the next page when the end of the list scrolls into view. */
export function EventsList(props: { onSelectContact: (id: string) => void }) {
  const events = useInfiniteEvents({ limit: '2' });
  const end = useRef<HTMLLIElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = events;
  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  if (events.isPending) return <section aria-label="Events">Loading events…</section>;
  if (events.isError) return <section aria-label="Events">Could not load events: {events.error.message}</section>;
  const items = events.data.pages.flatMap((page) => page.data);
  return (
    <section aria-label="Events">
      <h2>Events ({items.length})</h2>
      <ul className="events">
        {items.map((event) => (
          <li key={`${event.event_id}-${event.type}`} className="event">
            <span className={`badge ${event.type}`}>{event.type}</span>{' '}
            <button type="button" className="link" onClick={() => event.contact_id && props.onSelectContact(event.contact_id)}>
              {event.contact ? `${event.contact.first_name ?? ''} ${event.contact.last_name ?? ''}`.trim() : event.contact_id}
            </button>
            <div className="note">{event.event_time}</div>
          </li>
        ))}
        <li ref={end} className="note more">
          {isFetchingNextPage ? 'Loading more…' : hasNextPage ? 'Scroll for more' : 'No more events'}
        </li>
      </ul>
    </section>
  );
}
