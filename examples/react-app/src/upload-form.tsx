import { ValidationError } from '@complero/client';
import { useOperation, useUploadContacts } from '@complero/react-query';
import { type FormEvent, useState } from 'react';

/** What each documented validation error code means for the field, in a person's words. */
const PROBLEMS: Record<string, string> = {
  v1c001: 'does not have a valid format',
  v1c002: 'is required',
  v1c003: 'was not accepted',
  v1c004: 'is not a valid phone number, fax number or postcode',
};

/** A field path as the server names it, as a person would: `section_work.emails[0].email` → "Work email". */
function describeField(path: string): string {
  const parts = path.split('.').map((part) => part.replace(/\[\d+\]$/, ''));
  const section = parts.find((part) => part.startsWith('section_'))?.slice('section_'.length);
  const name = [section, parts.at(-1)].filter(Boolean).join(' ').replaceAll('_', ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Uploads one contact; shows the server's validation errors in a person's words (its own text as a
 * tooltip), then the upload's operation until it is done.
 */
export function UploadForm() {
  const upload = useUploadContacts();
  const [fields, setFields] = useState({ id: 'K-2025-00099999', first_name: 'Erika', last_name: 'Musterfrau', email: 'erika@' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate([
      { id: fields.id, first_name: fields.first_name, last_name: fields.last_name, section_work: { emails: [{ email: fields.email }] } },
    ]);
  };
  const issues = upload.error instanceof ValidationError ? Object.entries(upload.error.validationErrors) : [];
  const operationId = upload.data?.operationIds[0];
  return (
    <section aria-label="Upload a contact">
      <h2>Upload a contact</h2>
      <form onSubmit={submit}>
        {(['id', 'first_name', 'last_name', 'email'] as const).map((name) => (
          <label key={name}>
            {name.replace('_', ' ')}
            <input name={name} value={fields[name]} onChange={(event) => setFields({ ...fields, [name]: event.target.value })} />
          </label>
        ))}
        <button type="submit" disabled={upload.isPending}>
          Upload
        </button>
      </form>
      {issues.length > 0 && (
        <ul role="alert" className="errors">
          {issues.flatMap(([field, found]) =>
            found.map((issue) => (
              <li key={`${field}-${issue.code}`} title={`${field}: ${issue.message}`}>
                {describeField(field)} {PROBLEMS[issue.code] ?? 'was not accepted'} ({issue.code})
              </li>
            )),
          )}
        </ul>
      )}
      {upload.isError && issues.length === 0 && <p role="alert">{upload.error.message}</p>}
      {operationId && <OperationProgress id={operationId} />}
    </section>
  );
}

/** An upload's background operation, polled until it reaches a terminal status. */
function OperationProgress(props: { id: string }) {
  const operation = useOperation(props.id, { pollIntervalMs: 300 });
  if (!operation.data) return <p role="status">Checking operation…</p>;
  const items = operation.data.items ?? [];
  return (
    <p role="status" className={`operation ${operation.data.status}`}>
      Operation {props.id.slice(0, 8)}: {operation.data.status} ({items.length} {items.length === 1 ? 'item' : 'items'})
    </p>
  );
}
