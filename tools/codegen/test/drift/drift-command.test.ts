import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../../src/cli.js';
import type { SpecDocument } from './fixture-specs.js';
import { createTempRepo, REPO_ROOT, snapshotFiles } from './temp-repo.js';
import { startUpstreamServer } from './upstream-server.js';

const committedText = await readFile(path.join(REPO_ROOT, 'spec/complero.swagger.yaml'), 'utf8');
const committed = parse(committedText) as SpecDocument;

/** The committed spec plus an optional `locale` query parameter on Ping: a minor change. */
function withOptionalPingParameter(): string {
  const spec = structuredClone(committed);
  spec.paths['/ping'].get.parameters = [{ name: 'locale', in: 'query', type: 'string', required: false }];
  return stringify(spec);
}

/** The committed spec with another summary on Ping: documentation only, a patch. */
function withNewPingSummary(): string {
  const spec = structuredClone(committed);
  spec.paths['/ping'].get.summary = 'Check that Complero answers';
  return stringify(spec);
}

function withoutPing(): SpecDocument {
  const spec = structuredClone(committed);
  delete spec.paths['/ping'];
  return spec;
}

const server = await startUpstreamServer({
  '/same.json': { kind: 'body', contentType: 'application/json', body: JSON.stringify(reorder(committed)) },
  '/patch.yaml': { kind: 'body', contentType: 'application/yaml', body: withNewPingSummary() },
  '/minor.yaml': { kind: 'body', contentType: 'application/yaml', body: withOptionalPingParameter() },
  '/major.json': { kind: 'body', contentType: 'application/json', body: JSON.stringify(withoutPing(), null, 2) },
  '/error.yaml': { kind: 'body', status: 500, contentType: 'text/plain', body: 'internal error' },
  '/hang.yaml': { kind: 'hang' },
  '/page.html': { kind: 'body', contentType: 'text/html', body: '<!doctype html><html><body>Sign in</body></html>' },
  '/page-as-yaml.yaml': { kind: 'body', contentType: 'application/yaml', body: '<!DOCTYPE html>\n<html><body>Sign in</body></html>' },
  '/truncated.yaml': { kind: 'truncated', body: committedText },
  '/broken.yaml': { kind: 'body', contentType: 'application/yaml', body: "swagger: '2.0'\ninfo:\n  title: [unclosed\n  version: 1\n" },
  '/not-a-spec.yaml': { kind: 'body', contentType: 'application/yaml', body: 'hello: world\n' },
  '/invalid.yaml': { kind: 'body', contentType: 'application/yaml', body: stringify({ ...committed, info: undefined }) },
});

/** Object keys in reverse order at every level: same data, different text. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reorder(item)]),
  );
}

afterAll(() => server.close());

let repo: Awaited<ReturnType<typeof createTempRepo>>;
beforeEach(async () => {
  repo = await createTempRepo({ upstreamUrl: server.url('/same.json') });
});
afterEach(() => repo.remove());

async function drift(args: readonly string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv: ['drift', ...args],
    cwd: repo.root,
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('complero-codegen drift', () => {
  it('exits 0 when the upstream is the same spec as JSON with its keys in another order', async () => {
    const { code, stdout } = await drift(['--format', 'json']);
    const report = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(report).toStrictEqual({
      status: 'in-sync',
      bump: 'none',
      upstream: { url: server.url('/same.json'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      committed: { path: 'spec/complero.swagger.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      changes: [],
    });
    expect(report.upstream.sha256).not.toBe(report.committed.sha256);
  });

  it('exits 1 and recommends minor when upstream adds an optional parameter', async () => {
    const { code, stdout } = await drift(['--upstream', server.url('/minor.yaml'), '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'drift',
      bump: 'minor',
      changes: [
        {
          impact: 'minor',
          rule: 'parameter-added-optional',
          operation: 'Ping',
          pointer: '#/paths/~1ping/get/parameters/0',
          message: 'Ping: query parameter "locale" was added (optional)',
        },
      ],
    });
  });

  it('exits 1 and recommends patch when upstream only changes a summary', async () => {
    const { code, stdout } = await drift(['--upstream', server.url('/patch.yaml'), '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'drift',
      bump: 'patch',
      changes: [
        {
          impact: 'patch',
          rule: 'summary-changed',
          operation: 'Ping',
          pointer: '#/paths/~1ping/get/summary',
          message: 'Ping: summary changed',
        },
      ],
    });
  });

  it('exits 0 on patch drift with --fail-on minor', async () => {
    const { code } = await drift(['--upstream', server.url('/patch.yaml'), '--fail-on', 'minor']);
    expect(code).toBe(0);
  });

  it('prints the changes operation by operation with their impact in text', async () => {
    const { code, stdout } = await drift(['--upstream', server.url('/major.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('drift: 1 change, recommended bump: major');
    expect(stdout).toContain('Ping\n  major  operation-removed                Ping (GET /ping) was removed');
  });

  it('renders a markdown table for pull requests', async () => {
    const { stdout } = await drift(['--upstream', server.url('/major.json'), '--format', 'markdown']);
    expect(stdout).toContain('| impact | operation | rule | change | pointer |');
    expect(stdout).toContain('| major | Ping | `operation-removed` | Ping (GET /ping) was removed | `#/paths/~1ping/get` |');
  });

  it.each([
    ['none', 0],
    ['patch', 1],
    ['minor', 1],
    ['major', 0],
  ])('with --fail-on %s, minor drift exits %i', async (failOn, expected) => {
    const { code } = await drift(['--upstream', server.url('/minor.yaml'), '--fail-on', failOn]);
    expect(code).toBe(expected);
  });

  it('reads a candidate spec from a path relative to where it runs', async () => {
    const { code, stdout } = await drift(['--upstream', 'spec/complero.swagger.yaml', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).upstream.url).toBe(path.join(repo.root, 'spec/complero.swagger.yaml'));
  });

  it('takes the upstream URL from COMPLERO_UPSTREAM_URL over the config', async () => {
    const { code, stdout } = await drift(['--format', 'json'], { COMPLERO_UPSTREAM_URL: server.url('/minor.yaml') });
    expect(code).toBe(1);
    expect(JSON.parse(stdout).upstream.url).toBe(server.url('/minor.yaml'));
  });

  it('writes drift and bump outputs and a summary table under GitHub Actions', async () => {
    const outputs = path.join(repo.root, 'github-output');
    const summary = path.join(repo.root, 'github-summary');
    await drift(['--upstream', server.url('/minor.yaml'), '--fail-on', 'none'], { GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary });
    expect(await readFile(outputs, 'utf8')).toBe('drift=true\nbump=minor\n');
    expect(await readFile(summary, 'utf8')).toContain('| minor | Ping | `parameter-added-optional` |');
  });

  it('writes drift=false and bump=none under GitHub Actions when in sync', async () => {
    const outputs = path.join(repo.root, 'github-output');
    const summary = path.join(repo.root, 'github-summary');
    const { code } = await drift([], { GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(0);
    expect(await readFile(outputs, 'utf8')).toBe('drift=false\nbump=none\n');
    expect(await readFile(summary, 'utf8')).toContain('**In sync**: the upstream spec describes the same API as the committed one.');
  });

  describe('--report-file', () => {
    it('writes the markdown table there, as the drift PR takes its body from it, while stdout stays text', async () => {
      // The spec-drift workflow's own arguments.
      const { code, stdout } = await drift([
        '--upstream',
        server.url('/major.json'),
        '--write',
        '--fail-on',
        'none',
        '--report-file',
        'drift-report.md',
      ]);
      expect(code).toBe(0);
      expect(stdout).toContain('drift: 1 change, recommended bump: major');
      const report = await readFile(path.join(repo.root, 'drift-report.md'), 'utf8');
      expect(report).toContain('**1 change**, recommended bump: **major**');
      expect(report).toContain('| impact | operation | rule | change | pointer |');
      expect(report).toContain('| major | Ping | `operation-removed` | Ping (GET /ping) was removed | `#/paths/~1ping/get` |');
    });

    it('writes the in-sync note there when nothing changed', async () => {
      const { code } = await drift(['--report-file', 'drift-report.md']);
      expect(code).toBe(0);
      expect(await readFile(path.join(repo.root, 'drift-report.md'), 'utf8')).toContain(
        '**In sync**: the upstream spec describes the same API as the committed one.',
      );
    });

    it('writes the same JSON as stdout with --format json, creating its folder', async () => {
      const { code, stdout } = await drift([
        '--upstream',
        server.url('/minor.yaml'),
        '--format',
        'json',
        '--report-file',
        'out/drift.json',
      ]);
      expect(code).toBe(1);
      const report = await readFile(path.join(repo.root, 'out/drift.json'), 'utf8');
      expect(report).toBe(stdout);
      expect(JSON.parse(report)).toMatchObject({ status: 'drift', bump: 'minor', changes: [{ rule: 'parameter-added-optional' }] });
    });

    it.each([
      ['the upstream answers HTTP 500', '/error.yaml'],
      ['the spec does not validate', '/invalid.yaml'],
    ])('writes no file when %s (exit 2)', async (_, route) => {
      const { code } = await drift(['--upstream', server.url(route), '--write', '--report-file', 'drift-report.md']);
      expect(code).toBe(2);
      expect(existsSync(path.join(repo.root, 'drift-report.md'))).toBe(false);
    });
  });

  describe('exits 2 and changes no file', () => {
    it.each([
      ['the upstream answers HTTP 500', '/error.yaml', [], 'the upstream answered HTTP 500'],
      ['the upstream does not answer in time', '/hang.yaml', ['--timeout-ms', '300'], 'did not answer within 300 ms'],
      ['the upstream answers with an HTML page', '/page.html', [], 'an HTML page, not a spec'],
      ['the upstream sends HTML labelled as YAML', '/page-as-yaml.yaml', [], 'an HTML page, not a spec'],
      ['the body is cut short', '/truncated.yaml', [], 'cut short'],
      ['the body is not valid YAML', '/broken.yaml', [], 'YAML syntax error'],
      ['the body is not a spec', '/not-a-spec.yaml', [], 'not a Swagger 2.0 or OpenAPI 3.x document'],
      ['the spec does not validate', '/invalid.yaml', [], 'invalid spec: missing required property "info"'],
      ['nothing listens at the URL', '/nothing-here', [], 'the upstream answered HTTP 404'],
    ])('when %s', async (_, route, extra, message) => {
      const before = await snapshotFiles(repo.root);
      const { code, stderr, stdout } = await drift(['--upstream', server.url(route), '--write', '--format', 'json', ...extra]);
      expect(code).toBe(2);
      expect(stderr).toContain(message);
      expect(stderr).toContain(server.url(route));
      expect(JSON.parse(stdout)).toMatchObject({ status: 'error' });
      expect(await snapshotFiles(repo.root)).toStrictEqual(before);
    });

    it('when the connection is refused', async () => {
      const closed = await startUpstreamServer({});
      const url = closed.url('/spec.yaml');
      await closed.close();
      const before = await snapshotFiles(repo.root);
      const { code, stderr } = await drift(['--upstream', url, '--write']);
      expect(code).toBe(2);
      expect(stderr).toContain('cannot reach the upstream (ECONNREFUSED)');
      expect(await snapshotFiles(repo.root)).toStrictEqual(before);
    });

    it('when a generated file cannot be written during --write', async () => {
      // A file where a generated folder belongs: staging the generated files fails half-way (a
      // read-only folder would not stop root, which CI containers often run as).
      const folder = path.join(repo.root, 'packages/react-query/src/generated');
      await rm(folder, { recursive: true });
      await writeFile(folder, 'not a folder\n');
      const before = await snapshotFiles(repo.root);
      const { code, stderr } = await drift(['--upstream', server.url('/minor.yaml'), '--write', '--report-file', 'drift-report.md']);
      expect(code).toBe(2);
      expect(stderr).toContain('could not write the generated files');
      expect(stderr).toContain('packages/react-query/src/generated');
      expect(await snapshotFiles(repo.root)).toStrictEqual(before);
    });

    it('when --fail-on is not a bump', async () => {
      const { code, stderr } = await drift(['--fail-on', 'huge']);
      expect(code).toBe(2);
      expect(stderr).toContain('--fail-on must be one of none, patch, minor, major, got "huge"');
    });
  });

  describe('--write', () => {
    it('takes the upstream spec, regenerates, writes one changeset, and is a no-op the second time', async () => {
      const first = await drift(['--upstream', server.url('/minor.yaml'), '--write']);
      expect(first.code).toBe(1);
      const upstream = withOptionalPingParameter();
      expect(await readFile(path.join(repo.root, 'spec/complero.swagger.yaml'), 'utf8')).toBe(upstream);
      const report = JSON.parse((await drift(['--upstream', server.url('/minor.yaml'), '--format', 'json'])).stdout);
      expect(report.status).toBe('in-sync');
      const manifest = JSON.parse(await readFile(path.join(repo.root, 'packages/codegen-manifest.json'), 'utf8'));
      expect(manifest.specSha256).toBe(report.upstream.sha256);
      const changeset = await readFile(path.join(repo.root, `.changeset/spec-drift-${report.upstream.sha256.slice(0, 12)}.md`), 'utf8');
      // Exactly the four packages of the changesets `fixed` group: they release in lockstep.
      expect(changeset.split('\n---\n')[0]).toBe(
        '---\n"@complero/types": minor\n"@complero/client": minor\n"@complero/msw": minor\n"@complero/react-query": minor',
      );
      expect(changeset).toContain('- minor: Ping: query parameter "locale" was added (optional) (`parameter-added-optional`)');
      const operations = await readFile(path.join(repo.root, 'packages/types/src/generated/operations.ts'), 'utf8');
      expect(operations).toContain('export type PingQuery = ');

      const afterFirst = await snapshotFiles(repo.root);
      const second = await drift(['--upstream', server.url('/minor.yaml'), '--write']);
      expect(second.code).toBe(0);
      expect(await snapshotFiles(repo.root)).toStrictEqual(afterFirst);
    });

    it('keeps spec/ in YAML when the upstream serves JSON', async () => {
      await drift(['--upstream', server.url('/major.json'), '--write']);
      const saved = await readFile(path.join(repo.root, 'spec/complero.swagger.yaml'), 'utf8');
      expect(saved.startsWith('{')).toBe(false);
      expect(parse(saved)).toStrictEqual(withoutPing());
      expect((await drift(['--upstream', server.url('/major.json')])).code).toBe(0);
    });
  });
});
