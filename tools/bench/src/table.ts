/** A Markdown table (aligned, so it reads in a terminal too). Numbers are formatted by the caller. */
export function formatTable(options: { headers: readonly string[]; rows: readonly (readonly string[])[] }): string {
  const { headers, rows } = options;
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Seconds with two decimals below 10 s, one above: `0.42 s`, `12.3 s`. */
export function formatSeconds(ms: number | null | undefined): string {
  if (ms == null) return '–';
  const seconds = ms / 1000;
  return `${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

/** Milliseconds, no decimals: `153 ms`. */
export function formatMs(ms: number | null | undefined): string {
  return ms == null ? '–' : `${Math.round(ms)} ms`;
}

/** MiB, no decimals: `381 MiB`. */
export function formatMiB(mib: number | null | undefined): string {
  return mib == null ? '–' : `${Math.round(mib)} MiB`;
}

/** A ratio with two decimals and a ×: `0.64×`. */
export function formatRatio(value: number | null | undefined): string {
  return value == null ? '–' : `${value.toFixed(2)}×`;
}

/** Bytes as kB with two decimals: `5.43 kB`. */
export function formatKiloBytes(bytes: number | null | undefined): string {
  return bytes == null ? '–' : `${(bytes / 1024).toFixed(2)} kB`;
}
