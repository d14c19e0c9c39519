import { InvalidArgumentError } from './errors.js';
import type { PathStyle } from './types.js';

const PARAMETER = /\{([^{}]+)\}/g;
/** Segments a URL parser would resolve or drop: empty, `.`, `..`, in any mix of `.` and `%2E`. */
const DOT_SEGMENT = /^(?:\.|%2e){0,2}$/i;
const SIMPLE: PathStyle = ['', ','];

/**
 * Builds openapi-fetch's path serializer, made safe: every value (each item of an array) is
 * percent-encoded, so no value can add a segment or a delimiter of its own, and segments a URL
 * parser would resolve (`.`, `..`, their `%2E` spellings) or drop (empty) are refused, so no id
 * can change which endpoint is called. `styles` holds the parameters the spec serialises other
 * than as one segment with array items comma-joined (RFC 6570 simple expansion, the default).
 */
export function createPathSerializer(
  styles?: Readonly<Record<string, PathStyle>>,
): (pathname: string, values: Record<string, unknown>) => string {
  return (pathname, values) =>
    pathname.replace(PARAMETER, (_match, name: string) => {
      const value = values[name];
      const items: unknown[] = Array.isArray(value) ? value : [value];
      const [prefix, separator] = styles?.[name] ?? SIMPLE;
      const segment = prefix + items.map(encodeURIComponent as (item: unknown) => string).join(separator);
      // One check, one message: a value of the wrong type and one that moves the request elsewhere are both refused before sending.
      if (!items.every(isSegmentValue) || DOT_SEGMENT.test(segment)) {
        throw new InvalidArgumentError(
          `Path parameter '${name}' of ${pathname} is ${JSON.stringify(value)}: expected a string, a number or an array of them, not empty, '.' or '..' (those would call another endpoint).`,
        );
      }
      return segment;
    });
}

function isSegmentValue(item: unknown): boolean {
  return typeof item === 'string' || typeof item === 'number';
}
