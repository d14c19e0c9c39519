import { InvalidArgumentError } from './errors.js';
import type { PathStyle } from './types.js';

const PARAMETER = /\{([^{}]+)\}/g;
/** RFC 6570 simple expansion, the default style of path parameters: arrays are comma-joined. */
const SIMPLE: PathStyle = ['', ','];

/**
 * openapi-fetch's path serializer, made safe: every value (each item of an array) is
 * percent-encoded, so no value can add a segment or a delimiter of its own, and segments a URL
 * parser would resolve (`.`, `..`, their `%2E` spellings) or drop (empty) are refused, so no id
 * can change which endpoint is called. `styles` holds the parameters the spec serialises other
 * than as a plain comma-joined segment.
 */
export function serializePath(pathname: string, values: Record<string, unknown>, styles?: Readonly<Record<string, PathStyle>>): string {
  return pathname.replace(PARAMETER, (_match, name: string) => {
    const value = values[name];
    const items: unknown[] = Array.isArray(value) ? value : [value];
    if (!items.every((item) => typeof item === 'string' || typeof item === 'number')) {
      throw new InvalidArgumentError(
        `Path parameter '${name}' of ${pathname} must be a string, a number or an array of them, got ${describe(value)}.`,
      );
    }
    const [prefix, separator] = styles?.[name] ?? SIMPLE;
    const segment = prefix + items.map((item) => encodeURIComponent(String(item))).join(separator);
    if (/^(|\.|\.\.)$/.test(segment.replace(/%2e/gi, '.'))) {
      throw new InvalidArgumentError(
        `Path parameter '${name}' of ${pathname} is ${JSON.stringify(Array.isArray(value) ? value : String(value))}: empty, '.' and '..' would change which endpoint is called.`,
      );
    }
    return segment;
  });
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array holding something else' : typeof value;
}
