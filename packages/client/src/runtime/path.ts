import { InvalidArgumentError } from './errors.js';

const PARAMETER = /\{([^{}]+)\}/g;

/**
 * openapi-fetch's path serializer, made safe: every value is percent-encoded as one segment,
 * and values a URL parser would resolve (`.`, `..`, their `%2E` spellings) or drop (empty) are
 * refused, so no id can change which endpoint is called.
 */
export function serializePath(pathname: string, values: Record<string, unknown>): string {
  return pathname.replace(PARAMETER, (_match, name: string) => {
    const value = values[name];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new InvalidArgumentError(`Path parameter '${name}' of ${pathname} must be a string or number, got ${describe(value)}.`);
    }
    const segment = encodeURIComponent(String(value));
    if (/^(|\.|\.\.)$/.test(segment.replace(/%2e/gi, '.'))) {
      throw new InvalidArgumentError(
        `Path parameter '${name}' of ${pathname} is ${JSON.stringify(String(value))}: empty, '.' and '..' would change which endpoint is called.`,
      );
    }
    return segment;
  });
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
