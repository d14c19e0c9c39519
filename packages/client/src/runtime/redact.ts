/** Replaces the API key in a text (see `ResolvedOptions.redact`). */
export type Redact = (text: string) => string;

/** A JSON value with the key redacted; `undefined` for values JSON cannot carry (cycles, `BigInt`). */
export function redactJson(value: unknown, redact: Redact): unknown {
  if (value === undefined) return undefined;
  try {
    const text = JSON.stringify(value);
    const clean = redact(text);
    // Parsing fails when the key also matched JSON syntax (say, a key ending in `"`); the text is clean all the same.
    return clean === text ? value : parseOr(clean);
  } catch {
    return undefined;
  }
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A copy of what a failed `fetch` threw, with the key redacted from its message, stack and
 * fields, for use as an error's `cause`: `util.inspect` and `console.error` print a cause in
 * full, and a fetch error may quote the request. Keeps the class, `code` and nested causes, so
 * callers can still tell what went wrong.
 */
export function redactCause(value: unknown, redact: Redact, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactCause(item, redact, depth + 1));
  if (!(value instanceof Error)) return typeof value === 'object' ? redactJson(value, redact) : value;
  const copy = Object.setPrototypeOf(new Error(redact(value.message)), Object.getPrototypeOf(value)) as Error;
  // Cycles of causes exist in the wild; past a few levels nothing useful is left to keep.
  for (const name of ['name', 'stack', 'code', 'cause', 'errors', ...Object.keys(value)]) {
    const field = (value as unknown as Record<string, unknown>)[name];
    if (field === undefined) continue;
    Object.defineProperty(copy, name, {
      value: depth < 8 ? redactCause(field, redact, depth + 1) : undefined,
      writable: true,
      configurable: true,
      enumerable: Object.getOwnPropertyDescriptor(value, name)?.enumerable ?? false,
    });
  }
  return copy;
}
