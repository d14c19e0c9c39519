import { InvalidArgumentError } from './errors.js';
import type { PathStyle } from './types.js';

const PARAMETER = /\{([^{}]+)\}/g;

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
      const items = [value].flat() as string[];
      const [prefix, separator] = styles?.[name] ?? ['', ','];
      const segment = prefix + items.map(encodeURIComponent).join(separator);
      // One check, one message: a value of the wrong type and one that moves the request elsewhere are both refused before sending.
      if (
        !items.every((item) => typeof item === 'string' || typeof item === 'number') ||
        /^(|\.|\.\.)$/.test(segment.replace(/%2e/gi, '.'))
      ) {
        throw new InvalidArgumentError(
          `Path parameter '${name}' of ${pathname} is ${JSON.stringify(value)}: expected a string, a number or an array of them, not empty, '.' or '..' (those would call another endpoint).`,
        );
      }
      return segment;
    });
}
