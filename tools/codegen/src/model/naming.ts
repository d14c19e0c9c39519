import { loadTypeScript } from '../typescript.js';

/**
 * Every identifier the generator emits comes from here: deterministic, valid TypeScript,
 * collision-free within a scope, and stable (the same input names give the same output names).
 */

const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean constructor declare get ' +
    'module require number set string symbol type from of await async never unknown object undefined arguments eval'
  ).split(' '),
);

/**
 * Anything that cannot continue an identifier separates words, and so does `_`. Unicode's
 * ID_Continue (what TypeScript accepts) is narrower than "letters and numbers": `½` or `²` are
 * numbers but cannot appear in an identifier.
 */
const WORD_SEPARATORS = /[^\p{ID_Continue}]+|_+/u;

/** Splits a raw name into words: on any non-alphanumeric run and on camelCase boundaries. */
export function splitWords(raw: string): string[] {
  const ascii = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(WORD_SEPARATORS)
    .filter((word) => word !== '');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * `web.Response` → `WebResponse`, `io.k8s.api.core.v1.Pod` → `IoK8sApiCoreV1Pod`,
 * `200-ok` → `_200Ok`. Inner capitals are kept (`HTTPHeader` stays readable as `HTTPHeader`).
 */
export function toPascalCase(raw: string): string {
  const words = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(WORD_SEPARATORS)
    .filter((word) => word !== '');
  const name = keepIdentifierChars(words.map(capitalise).join(''));
  return ensureIdentifierStart(name === '' ? 'Unnamed' : name);
}

/** `GetEvents` → `getEvents`, `list-all pets` → `listAllPets`. */
export function toCamelCase(raw: string): string {
  const pascal = toPascalCase(raw);
  if (pascal.startsWith('_')) return pascal;
  const leadingCaps = /^[A-Z]+(?=[A-Z][a-z]|$)|^[A-Z]/.exec(pascal)?.[0] ?? '';
  return keepIdentifierChars(leadingCaps.toLowerCase() + pascal.slice(leadingCaps.length));
}

/** `ContactEventType` → `CONTACT_EVENT_TYPE`. */
export function toConstantCase(raw: string): string {
  const words = splitWords(raw);
  const name = keepIdentifierChars(words.map((word) => word.toUpperCase()).join('_'));
  return ensureIdentifierStart(name === '' ? 'UNNAMED' : name);
}

/** A simple English plural for constant names (`TYPE` → `TYPES`, `STATUS` → `STATUSES`). */
export function pluralise(word: string): string {
  if (/(S|X|Z|CH|SH)$/i.test(word)) return `${word}ES`;
  if (/[^AEIOU]Y$/i.test(word)) return `${word.slice(0, -1)}IES`;
  return `${word}S`;
}

function ensureIdentifierStart(name: string): string {
  const first = name.codePointAt(0) ?? 0;
  const valid = first < 128 ? /^[A-Za-z_$]/.test(name) : loadTypeScript().isIdentifierStart(first, 99 /* ESNext */);
  return valid ? name : `_${name}`;
}

/**
 * Drops characters TypeScript would not accept in an identifier. Node's Unicode tables can be
 * newer than the compiler's, and case mapping can turn an accepted letter into a newer one
 * (`ɤ` → `Ɤ`), so the compiler's own tables decide. ASCII names never load TypeScript.
 */
function keepIdentifierChars(name: string): string {
  if (/^[\w$]*$/.test(name)) return name;
  const ts = loadTypeScript();
  let kept = '';
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 128 ? /[\w$]/.test(char) : ts.isIdentifierPart(code, 99 /* ESNext */)) kept += char;
  }
  return kept;
}

/** A name usable as a variable or function: reserved words get a trailing underscore. */
export function toSafeIdentifier(name: string): string {
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

/** True for a string that may stand unquoted as an object key or property name. */
export function isValidPropertyName(name: string): boolean {
  return /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u.test(name);
}

/** `name` or `'na-me'` for use as a property key in emitted code. */
export function propertyKey(name: string): string {
  return isValidPropertyName(name) ? name : `'${name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * Hands out unique names in one scope. Callers must offer names in a deterministic order
 * (the model sorts first), so a clash always resolves the same way: the first keeps the name,
 * the next ones get `2`, `3`, …
 */
export function createNameScope(taken: Iterable<string> = []): (wanted: string) => string {
  const used = new Set<string>(Array.from(taken, (name) => name.toLowerCase()));
  return (wanted) => {
    let name = wanted;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
    used.add(name.toLowerCase());
    return name;
  };
}

/** A stable operation name for operations without an operationId: `get /pets/{id}` → `getPetsById`. */
export function deriveOperationId(options: { method: string; path: string }): string {
  const parts = options.path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\{.+\}$/.test(segment) ? `by ${segment.slice(1, -1)}` : segment));
  return toCamelCase([options.method, ...parts].join(' '));
}

/** `contactID` → `contactId`, `event_id` → `eventId`: a parameter name as people write it. */
export function toArgumentName(raw: string): string {
  const name = splitWords(raw)
    .map((word, index) => (index === 0 ? word.toLowerCase() : capitalise(word.toLowerCase())))
    .join('');
  return toSafeIdentifier(ensureIdentifierStart(name === '' ? 'value' : name));
}

/** A simple English singular for resource names (`contacts` → `contact`, `addresses` → `address`). */
export function singularise(word: string): string {
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/(s|x|z|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The PascalCase stem of an operation's React hooks, from its resource group and method, so any
 * API gets readable names: `contacts.get` → `Contact` (`useContact`), `events.list` → `Events`,
 * `events.latest` → `LatestEvents`, `contacts.delete` → `DeleteContact`,
 * `documentation.getForEvent` → `DocumentationForEvent`, `ping` → `Ping`. `many` says whether the
 * operation deals in many items (a list response, an array body); `override` wins when given.
 */
export function deriveHookStem(options: { group: string; method: string; many: boolean; override?: string }): string {
  if (options.override) return toPascalCase(options.override);
  const { group, method } = options;
  if (group === '') return toPascalCase(method);
  const one = toPascalCase(singularise(group));
  const all = toPascalCase(group);
  if (method === 'get') return one;
  if (method === 'list') return all;
  const getRest = /^get([A-Z].*)$/.exec(method)?.[1];
  if (getRest !== undefined) return /^(By|For|Of|In|With)[A-Z]/.test(getRest) ? `${one}${getRest}` : toPascalCase(getRest);
  if (/^[a-z0-9]+$/.test(method)) return `${toPascalCase(method)}${options.many ? all : one}`;
  return toPascalCase(method);
}
