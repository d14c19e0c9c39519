import { useState } from 'react';
import { ContactPanel } from './contact-panel.js';
import { EventsList } from './events-list.js';
import { UploadForm } from './upload-form.js';

/** The example: events (and the contacts in them) on the left, a contact and the upload form on the right. */
export function App() {
  const [contactId, setContactId] = useState<string | undefined>(undefined);
  return (
    <main>
      <h1>Complero example</h1>
      <p className="note">Every request is answered by the @complero/msw service worker.</p>
      <div className="columns">
        <EventsList onSelectContact={setContactId} />
        <div>
          {contactId ? <ContactPanel contactId={contactId} /> : <p className="note">Pick a contact to see it.</p>}
          <UploadForm />
        </div>
      </div>
    </main>
  );
}
