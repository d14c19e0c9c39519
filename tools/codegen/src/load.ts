import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { LineCounter, Node } from 'yaml';
import { CodegenError, parsePointer, type SpecLocation, toPointer } from './errors.js';
import { parseYamlFast } from './yaml-core.js';

/** A parsed spec document together with what is needed to point back into its text. */
export interface LoadedSpec {
  /** Path or URL as given by the user; used in every message. */
  readonly file: string;
  /** sha256 of the raw bytes, hex. */
  readonly sha256: string;
  /** The parsed document (plain JSON data). */
  readonly document: Record<string, unknown>;
  /** Maps a JSON pointer to its line:col in the source text (best effort). */
  readonly locate: (pointer: string) => SpecLocation;
}

/** Specs above this size are refused before parsing: nothing real is this large. */
export const DEFAULT_MAX_SPEC_BYTES = 32 * 1024 * 1024;
/** YAML aliases allowed before a document counts as a "billion laughs" bomb. */
const MAX_YAML_ALIASES = 1000;
/** Deeper nesting than this is refused: Kubernetes' spec, among the largest, stays below 20. */
const MAX_NESTING = 256;

/** Reads and parses a YAML or JSON spec from disk. */
export async function loadSpecFile(options: { path: string; maxBytes?: number }): Promise<LoadedSpec> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new CodegenError({
      message: `cannot read the spec file (${code})`,
      location: { file: options.path },
      hint: 'check the path given by --spec or the `spec` field of the codegen config',
      cause: error,
    });
  }
  return parseSpecBytes({ bytes, file: options.path, maxBytes: options.maxBytes });
}

/** Parses spec bytes (from a file or an HTTP body); `file` names the source in messages. */
export function parseSpecBytes(options: { bytes: Uint8Array; file: string; maxBytes?: number | undefined }): LoadedSpec {
  const { bytes, file } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SPEC_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new CodegenError({
      message: `the document is ${bytes.byteLength} bytes, more than the limit of ${maxBytes} bytes`,
      location: { file },
      hint: 'raise `maxSpecBytes` in the codegen config if this spec really is that large',
    });
  }
  const text = decodeUtf8({ bytes, file });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (text.trim() === '') {
    throw new CodegenError({
      message: 'the document is empty',
      location: { file },
      hint: 'expected a Swagger 2.0 or OpenAPI 3.x document in YAML or JSON',
    });
  }
  const looksLikeJson = /^\s*[{[]/.test(text);
  const document = looksLikeJson ? parseJson({ text, file }) : parseYaml({ text, file });
  if (document === null || document === undefined) {
    throw new CodegenError({
      message: 'the document is empty (only comments or a null)',
      location: { file, line: 1, column: 1 },
      hint: 'expected a Swagger 2.0 or OpenAPI 3.x document in YAML or JSON',
    });
  }
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new CodegenError({
      message: `the document is ${Array.isArray(document) ? 'a list' : `a ${typeof document}`}, not a mapping`,
      location: { file, line: 1, column: 1 },
      hint: 'expected a Swagger 2.0 or OpenAPI 3.x document: a mapping with `swagger: "2.0"` or `openapi: 3.x`',
    });
  }
  const locate = createLocator({ text, file });
  checkNesting({ document, file, locate: looksLikeJson ? (pointer) => ({ file, pointer }) : locate });
  return { file, sha256, document: document as Record<string, unknown>, locate };
}

function decodeUtf8(options: { bytes: Uint8Array; file: string }): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(options.bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    const offset = findInvalidUtf8(options.bytes);
    const { line, column } = lineColumnOfByte(options.bytes, offset);
    throw new CodegenError({
      message: `the document is not valid UTF-8 (byte 0x${(options.bytes[offset] ?? 0).toString(16)} at offset ${offset})`,
      location: { file: options.file, line, column },
      hint: 'save the spec as UTF-8',
      cause: error,
    });
  }
}

function parseJson(options: { text: string; file: string }): unknown {
  try {
    return JSON.parse(options.text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : options.text.length;
    const { line, column } = lineColumnOfOffset(options.text, offset);
    throw new CodegenError({
      message: `JSON syntax error: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      location: { file: options.file, line, column },
      cause: error,
    });
  }
}

function parseYaml(options: { text: string; file: string }): unknown {
  const fast = parseYamlFast(options.text);
  if (fast) return fast.value;
  // Anchors, or an error to report: `yaml` expands aliases under a limit and knows positions.
  const { LineCounter, parseDocument, visit } = loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(options.text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    // linePos comes with prettyErrors; the line counter is the fallback for errors without it.
    const pos = first.linePos?.[0] ?? lineCounter.linePos(first.pos[0]);
    throw new CodegenError({
      message: `YAML syntax error: ${(first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      location: { file: options.file, line: pos.line, column: pos.col },
    });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    let firstAlias: number | undefined;
    visit(doc, {
      Alias(_, node) {
        firstAlias = node.range?.[0];
        return visit.BREAK;
      },
    });
    const pos = firstAlias === undefined ? undefined : lineCounter.linePos(firstAlias);
    throw new CodegenError({
      message: `YAML could not be expanded: ${(error as Error).message}`,
      location: { file: options.file, ...(pos ? { line: pos.line, column: pos.col } : {}) },
      hint: 'the document uses too many aliases (a "YAML bomb"); expand anchors by hand',
      cause: error,
    });
  }
}

/**
 * Refuses documents nested deeper than any real spec (every later stage walks the document
 * recursively, and a few hundred thousand levels would overflow the stack). Iterative on purpose.
 */
function checkNesting(options: { document: unknown; file: string; locate: (pointer: string) => SpecLocation }): void {
  type Entry = { value: unknown; depth: number; parent?: Entry; key?: string };
  const stack: Entry[] = [{ value: options.document, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    if (entry.depth > MAX_NESTING) {
      const segments: string[] = [];
      for (let at: Entry | undefined = entry; at?.key !== undefined; at = at.parent) segments.unshift(at.key);
      // The top of the runaway branch is what a person can find; the full pointer would be huge.
      const pointer = toPointer(segments.slice(0, 2));
      throw new CodegenError({
        message: `the document is nested more than ${MAX_NESTING} levels deep beneath ${pointer}`,
        location: { ...options.locate(pointer), file: options.file, pointer },
        hint: 'no API description needs this; the file is probably generated wrongly',
      });
    }
    if (entry.value === null || typeof entry.value !== 'object') continue;
    for (const [key, value] of Object.entries(entry.value)) {
      if (value !== null && typeof value === 'object') stack.push({ value, depth: entry.depth + 1, parent: entry, key });
    }
  }
}

/**
 * Returns a function from JSON pointer to line:col. The position index is built on first use
 * only: valid specs never pay for it.
 */
function createLocator(options: { text: string; file: string }): (pointer: string) => SpecLocation {
  let index: { root: Node | null; lineCounter: LineCounter } | undefined;
  return (pointer) => {
    index ??= buildPositionIndex(options.text);
    const { isMap, isSeq } = loadYaml();
    let node: Node | null = index.root;
    let found: Node | null = node;
    for (const token of parsePointer(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === token);
        node = (pair?.value as Node | undefined) ?? null;
        if (pair?.key && !node) found = pair.key as Node;
      } else if (isSeq(node)) {
        node = (node.items[Number(token)] as Node | undefined) ?? null;
      } else {
        node = null;
      }
      if (!node) break;
      found = node;
    }
    const offset = found?.range?.[0];
    if (offset === undefined) return { file: options.file, pointer };
    const { line, col } = index.lineCounter.linePos(offset);
    return { file: options.file, line, column: col, pointer };
  };
}

function buildPositionIndex(text: string): { root: Node | null; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  return { root: (doc.contents as Node | null) ?? null, lineCounter };
}

/** The `yaml` package, loaded only for what the fast path leaves to it (it takes ≈50 ms to load). */
function loadYaml(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

function lineColumnOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}
