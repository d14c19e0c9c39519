/** What a failed peer run printed, reduced to the line that says what went wrong. */

/** Lines that carry no message: stack frames, Node's echo of the throwing source line, banners. */
const NOISE: readonly RegExp[] = [
  /^at\s/, // stack frame
  /^\^+$/, // caret under the echoed source line
  /^(?:\/|file:|[A-Za-z]:\\).*:\d+$/, // "/path/file.js:1304" heading Node's echo of an uncaught throw
  /^Node\.js v\d/, // Node's version line after an uncaught throw
  /^Command exited with non-zero status/, // GNU time
  /^[─━-]{3,}$/, // rules around a summary
];

/** Markers a generator puts before its own error messages (Orval 🛑, Kubb ✗, …). */
const MARKED = /^(?:🛑|✗|✖|×|❌|⛔|error\b|\[error\])/i;
/** A JavaScript error with its message: `RangeError: Maximum call stack size exceeded`. */
const NAMED_ERROR = /\b(?:[A-Z]\w*)?Error:\s*\S/;
/** Anything that sounds like a failure, the last resort before the last line. */
const LOOSE = /error|invalid|cannot|can't|unable|failed|not found|unexpected/i;
/** A summary that counts failures says nothing about their cause ("6 failed, 6 total", "plugin-ts failed in 48ms"). */
const SUMMARY = /\b\d+ (?:failed|errors?)\b|\bfailed in \d|see above/i;

/** Strips terminal colours and trims. */
function clean(line: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences
  return line.replace(/\u001b\[[0-9;]*m/g, '').trim();
}

/**
 * The first line of a failed run's output that says what went wrong. Stdout comes first: the
 * generators log their own errors there, while stderr mostly holds the generic rethrow at exit
 * (Orval's "One or more project failed, see above for details"). The ranking prefers a line the
 * tool marked as an error, then a named JavaScript error, then any line that sounds like a
 * failure but is not a summary count, then the last line.
 */
export function firstErrorLine(output: { readonly stdout: string; readonly stderr: string }): string {
  const lines = [...output.stdout.split('\n'), ...output.stderr.split('\n')]
    .map(clean)
    .filter((line) => line !== '' && !NOISE.some((pattern) => pattern.test(line)));
  const isCause = (line: string) => !SUMMARY.test(line);
  const found =
    lines.find((line) => MARKED.test(line) && isCause(line)) ??
    lines.find((line) => NAMED_ERROR.test(line) && isCause(line)) ??
    lines.find((line) => LOOSE.test(line) && isCause(line)) ??
    lines.find((line) => MARKED.test(line) || NAMED_ERROR.test(line)) ??
    lines.at(-1) ??
    '';
  return found
    .replace(/^(?:🛑|✗|✖|×|❌|⛔)\s*/u, '')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

/** The last lines of a run's output (both streams), kept in the JSON report to read a failure in full. */
export function outputTail(output: { readonly stdout: string; readonly stderr: string }, count = 40): string {
  const lines = [
    ...output.stdout.split('\n').map(clean),
    ...(output.stderr.trim() === '' ? [] : ['--- stderr', ...output.stderr.split('\n').map(clean)]),
  ].filter((line) => line !== '');
  return lines.slice(-count).join('\n');
}

/** One kind of output a peer is asked for, and how to see it among the files it wrote. */
export interface ExpectedOutput {
  /** As the report names it: `types`, `fetch client`, `react-query hooks`, `MSW handlers`. */
  readonly kind: string;
  /** A path relative to the output folder, with `/` separators. */
  readonly file: RegExp;
  /** Text that one of the matching files must contain (for a kind that shares a file with another). */
  readonly contains?: string;
}

/**
 * The kinds of output that are missing from what a peer wrote: a run that exits 0 but generated
 * less than it was asked for is not comparable with ours.
 */
export async function missingOutputs(options: {
  readonly expected: readonly ExpectedOutput[];
  readonly files: readonly string[];
  readonly read: (file: string) => Promise<string>;
}): Promise<string[]> {
  const missing: string[] = [];
  for (const expected of options.expected) {
    const matching = options.files.filter((file) => expected.file.test(file));
    let found = matching.length > 0;
    if (found && expected.contains !== undefined) {
      found = false;
      for (const file of matching) {
        if ((await options.read(file)).includes(expected.contains)) {
          found = true;
          break;
        }
      }
    }
    if (!found) missing.push(expected.kind);
  }
  return missing;
}
