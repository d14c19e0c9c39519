/** Where in a spec a problem was found. Every field is optional: we say as much as we know. */
export interface SpecLocation {
  /** Path or URL of the document, as the user gave it. */
  readonly file?: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** RFC 6901 JSON pointer into the document, e.g. `#/paths/~1contacts/post`. */
  readonly pointer?: string;
}

/**
 * The one error type the generator throws for bad input. Its message is meant for a person:
 * where (file:line:col and JSON pointer), what was found, what was expected, and how to fix it.
 */
export class CodegenError extends Error {
  override readonly name = 'CodegenError';
  readonly location: SpecLocation;
  readonly hint: string | undefined;

  constructor(options: { message: string; location?: SpecLocation; hint?: string; cause?: unknown }) {
    super(formatProblem(options), options.cause === undefined ? undefined : { cause: options.cause });
    this.location = options.location ?? {};
    this.hint = options.hint;
  }
}

/** Formats `file:line:col (pointer): message` plus an optional hint line. */
export function formatProblem(problem: { message: string; location?: SpecLocation; hint?: string }): string {
  const where = formatLocation(problem.location ?? {});
  const head = where ? `${where}: ${problem.message}` : problem.message;
  return problem.hint ? `${head}\n  hint: ${problem.hint}` : head;
}

/** `file:line:col at #/pointer`, leaving out what is unknown. */
export function formatLocation(location: SpecLocation): string {
  let where = location.file ?? '';
  if (location.line !== undefined) {
    where += `${where ? ':' : 'line '}${location.line}`;
    if (location.column !== undefined) where += `:${location.column}`;
  }
  if (location.pointer !== undefined) where += `${where ? ' ' : ''}at ${location.pointer}`;
  return where;
}

/** Escapes one JSON pointer token (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Builds `#/a/b~1c` from path segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return `#${segments.map((segment) => `/${escapePointerToken(segment)}`).join('')}`;
}

/** Splits `#/a/b~1c` into `['a', 'b/c']`. */
export function parsePointer(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((token) => safeDecode(token).replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Percent-decodes, keeping the token as written when its escapes are broken (we only locate with it). */
function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}
