/** Replaces the API key in a text (see `ResolvedOptions.redact`). */
export type Redact = (text: string) => string;

/**
 * A copy of `value` without the key, to keep on an error as its `cause` or `body`:
 * `util.inspect` and `console.error` print them in full, and a fetch error may quote the
 * request. Strings are redacted; plain objects, arrays and errors are copied field by field
 * (errors keep their class, `code` and nested causes, so callers can still tell what went
 * wrong); anything else (`Headers`, `Request`, `Map`, other class instances) becomes its
 * redacted `String()`, as its contents may hold the key where JSON shows none. A value met a
 * second time (a cycle of causes, say) becomes `undefined`.
 */
export function redactCause(options: { value: unknown; redact: Redact }): unknown {
  const { redact } = options;
  const seen = new Set<object>();
  const copy = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value);
    if (!value || typeof value !== 'object') return value;
    if (seen.has(value)) return undefined;
    seen.add(value);
    if (Array.isArray(value)) return value.map(copy);
    const prototype = Object.getPrototypeOf(value);
    if (!prototype || prototype === Object.prototype)
      return Object.fromEntries(Object.entries(value).map(([name, field]) => [redact(name), copy(field)]));
    if (!(value instanceof Error)) {
      // A cause whose toString throws must not turn the error being reported into another one.
      try {
        return redact(String(value));
      } catch {
        return `[${prototype.constructor?.name ?? 'object'}]`;
      }
    }
    const error = Object.setPrototypeOf(new Error(redact(value.message)), prototype) as Error;
    const keys = Object.keys(value);
    for (const name of ['name', 'stack', 'code', 'cause', 'errors', ...keys]) {
      const field = (value as unknown as Record<string, unknown>)[name];
      if (field !== undefined)
        Object.defineProperty(error, name, { value: copy(field), writable: true, configurable: true, enumerable: keys.includes(name) });
    }
    return error;
  };
  return copy(options.value);
}
