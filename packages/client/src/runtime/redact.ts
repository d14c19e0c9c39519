/** Replaces the API key in a text (see `ResolvedOptions.redact`). */
export type Redact = (text: string) => string;

/**
 * A JSON value with the key redacted: the value itself when it holds no key, the redacted text
 * when that no longer parses (the key also matched JSON syntax, say it ends in `"`), and
 * `undefined` for values JSON cannot carry (cycles, `BigInt`).
 */
export function redactJson(value: unknown, redact: Redact): unknown {
  let clean: string | undefined;
  try {
    const text = JSON.stringify(value);
    clean = redact(text);
    return clean === text ? value : JSON.parse(clean);
  } catch {
    return clean;
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
  // Cycles of causes exist in the wild; past a few levels nothing useful is left to keep.
  if (depth > 8) return undefined;
  if (Array.isArray(value)) return value.map((item) => redactCause(item, redact, depth + 1));
  if (!(value instanceof Error)) return typeof value === 'object' ? redactJson(value, redact) : value;
  const copy = Object.setPrototypeOf(new Error(redact(value.message)), Object.getPrototypeOf(value)) as Error;
  const keys = Object.keys(value);
  for (const name of ['name', 'stack', 'code', 'cause', 'errors', ...keys]) {
    const field = (value as unknown as Record<string, unknown>)[name];
    if (field !== undefined)
      Object.defineProperty(copy, name, {
        value: redactCause(field, redact, depth + 1),
        writable: true,
        configurable: true,
        enumerable: keys.includes(name),
      });
  }
  return copy;
}
