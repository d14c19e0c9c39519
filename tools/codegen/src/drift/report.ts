import { appendFile } from 'node:fs/promises';
import type { DriftResult } from './check-drift.js';
import type { DriftChange } from './rules.js';

/** The output formats of `complero-codegen drift --format`. */
export type DriftFormat = 'text' | 'json' | 'markdown';

export const DRIFT_FORMATS: readonly DriftFormat[] = ['text', 'json', 'markdown'];

/** Renders the result for a terminal, a machine (`json`, the documented shape) or a PR body (`markdown`). */
export function renderReport(options: { result: DriftResult; format: DriftFormat }): string {
  const { result } = options;
  if (options.format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (options.format === 'markdown') return renderMarkdown(result);
  return renderText(result);
}

/** The error counterpart of the JSON report, so a pipeline reading stdout always gets JSON. */
export function renderErrorJson(message: string): string {
  return `${JSON.stringify({ status: 'error', message }, null, 2)}\n`;
}

function renderText(result: DriftResult): string {
  const head = `upstream  ${result.upstream.url} (sha256 ${result.upstream.sha256.slice(0, 12)})\ncommitted ${result.committed.path} (sha256 ${result.committed.sha256.slice(0, 12)})\n`;
  if (result.status === 'in-sync') return `${head}in sync: the upstream spec describes the same API as the committed one\n`;
  const groups = groupByOperation(result.changes);
  const body = groups
    .map(([operation, changes]) => {
      const lines = changes.map((change) => `  ${change.impact.padEnd(5)}  ${change.rule.padEnd(32)} ${change.message}`);
      return `${operation ?? '(document)'}\n${lines.join('\n')}`;
    })
    .join('\n');
  return `${head}drift: ${result.changes.length} change${result.changes.length === 1 ? '' : 's'}, recommended bump: ${result.bump}\n\n${body}\n\nrun \`pnpm drift --write\` to take the upstream spec, regenerate and add a changeset\n`;
}

function renderMarkdown(result: DriftResult): string {
  const head = `## Upstream spec drift\n\n- upstream: \`${result.upstream.url}\` (sha256 \`${result.upstream.sha256.slice(0, 12)}\`)\n- committed: \`${result.committed.path}\` (sha256 \`${result.committed.sha256.slice(0, 12)}\`)\n`;
  if (result.status === 'in-sync') return `${head}\n**In sync**: the upstream spec describes the same API as the committed one.\n`;
  const rows = result.changes.map(
    (change) =>
      `| ${change.impact} | ${cell(change.operation ?? '—')} | \`${change.rule}\` | ${cell(change.message)} | \`${cell(change.pointer)}\` |`,
  );
  return [
    head,
    `**${result.changes.length} change${result.changes.length === 1 ? '' : 's'}**, recommended bump: **${result.bump}**`,
    '',
    '| impact | operation | rule | change | pointer |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/**
 * Under GitHub Actions: `drift` (true/false) and `bump` go to `$GITHUB_OUTPUT`, the markdown
 * table to `$GITHUB_STEP_SUMMARY`. Outside Actions (neither variable set) it does nothing.
 */
export async function writeGithubOutputs(options: {
  result: DriftResult;
  env: Readonly<Record<string, string | undefined>>;
}): Promise<void> {
  const { result, env } = options;
  if (env.GITHUB_OUTPUT) await appendFile(env.GITHUB_OUTPUT, `drift=${result.status === 'drift'}\nbump=${result.bump}\n`);
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, renderMarkdown(result));
}

function groupByOperation(changes: readonly DriftChange[]): [string | null, DriftChange[]][] {
  const groups = new Map<string | null, DriftChange[]>();
  for (const change of changes) groups.set(change.operation, [...(groups.get(change.operation) ?? []), change]);
  return [...groups.entries()];
}

/** Markdown table cells cannot hold `|` or line breaks. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
