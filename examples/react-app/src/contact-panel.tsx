import { useContact, useDocumentation, useTriggerSandboxEvent } from '@complero/react-query';
import { useEffect, useState } from 'react';

/** One contact, a sandbox event for it, and its documentation PDF once generated. */
export function ContactPanel(props: { contactId: string }) {
  const contact = useContact(props.contactId);
  const trigger = useTriggerSandboxEvent();
  const [wantsDocumentation, setWantsDocumentation] = useState(false);
  if (contact.isPending) return <section aria-label="Contact">Loading contact…</section>;
  if (contact.isError) return <section aria-label="Contact">Could not load the contact: {contact.error.message}</section>;
  const { data } = contact;
  return (
    <section aria-label="Contact">
      <h2>
        {data.salutation} {data.first_name} {data.last_name}
      </h2>
      <p className="note">
        {data.id} · {data.company ?? 'no company'} · {data.position ?? 'no position'}
      </p>
      <button type="button" disabled={trigger.isPending} onClick={() => trigger.mutate({ type: 'confirm', contact: { id: data.id } })}>
        Trigger a confirm event
      </button>{' '}
      {trigger.isSuccess && <span role="status">Event triggered: {trigger.data.data?.message}</span>}
      {trigger.isError && <span role="alert">{trigger.error.message}</span>}
      <div>
        {wantsDocumentation ? (
          <DocumentationLink contactId={data.id ?? props.contactId} />
        ) : (
          <button type="button" onClick={() => setWantsDocumentation(true)}>
            Get documentation PDF
          </button>
        )}
      </div>
    </section>
  );
}

/** Polls while the PDF is being generated, then offers it for download. */
function DocumentationLink(props: { contactId: string }) {
  const documentation = useDocumentation(props.contactId, { pollIntervalMs: 300 });
  const [url, setUrl] = useState<string | undefined>(undefined);
  const file = documentation.data?.state === 'ready' ? documentation.data.data : undefined;
  useEffect(() => {
    if (!file) return;
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  if (documentation.isError) return <p role="alert">No documentation: {documentation.error.message}</p>;
  if (!url || !file) return <p role="status">Generating the documentation…</p>;
  return (
    <p>
      <a href={url} download={`documentation-${props.contactId}.pdf`}>
        Download PDF ({Math.round(file.size / 100) / 10} kB)
      </a>
    </p>
  );
}
