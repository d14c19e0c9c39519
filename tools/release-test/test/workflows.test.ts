import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = { permissions?: Record<string, string>; steps: Step[] };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

function readWorkflow(name: string): { text: string; workflow: Workflow } {
  const text = readFileSync(new URL(`../../../.github/workflows/${name}`, import.meta.url), 'utf8');
  return { text, workflow: parse(text) as Workflow };
}

/** The token that opens PRs: the bot's (PRs opened with the default token get no CI), else the default one. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
const BOT_TOKEN = '${{ secrets.COMPLERO_BOT_TOKEN || github.token }}';

const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) => steps(workflow).flatMap((step) => (step.run ? [step.run] : []));
const action = (workflow: Workflow, name: string) => steps(workflow).find((step) => step.uses?.startsWith(`${name}@`));

describe.each(['ci.yml', 'spec-drift.yml', 'release.yml'])('.github/workflows/%s', (name) => {
  const { text, workflow } = readWorkflow(name);

  it('matches the GitHub Actions workflow schema', () => {
    expect(validateWorkflow(text).errors).toStrictEqual([]);
  });

  it('grants the token read-only access at the top and more only per job', () => {
    expect(workflow.permissions).toStrictEqual({ contents: 'read' });
  });

  it('pins every action to a full commit SHA', () => {
    const uses = steps(workflow).flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const reference of uses) expect(reference).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
  });

  it('installs with the lockfile frozen', () => {
    expect(runs(workflow)).toContain('pnpm install --frozen-lockfile');
  });
});

describe('ci.yml', () => {
  const { workflow } = readWorkflow('ci.yml');

  it('runs on pushes to main and on pull requests', () => {
    expect(Object.keys(workflow.on).sort()).toStrictEqual(['pull_request', 'push']);
  });

  it('runs generate:check, lint, typecheck, test and build, in that order', () => {
    const checks = runs(workflow).filter((run) => /^pnpm (generate:check|lint|typecheck|test|build)$/.test(run));
    expect(checks).toStrictEqual(['pnpm generate:check', 'pnpm lint', 'pnpm typecheck', 'pnpm test', 'pnpm build']);
  });

  it('never gets a token that can write', () => {
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
  });

  it('installs the pinned Chromium after the dependencies and before the tests, and hands its path to them', () => {
    const all = runs(workflow);
    const browser = all.findIndex((run) => run.includes('playwright-core install --with-deps --no-shell chromium'));
    expect(browser).toBeGreaterThan(all.indexOf('pnpm install --frozen-lockfile'));
    expect(browser).toBeLessThan(all.indexOf('pnpm test'));
    expect(all[browser]).toContain(
      'echo "CHROMIUM_PATH=$(node -e "console.log(require(\'playwright-core\').chromium.executablePath())")" >> "$GITHUB_ENV"',
    );
  });
});

describe('turbo.json', () => {
  const turbo = JSON.parse(readFileSync(new URL('../../../turbo.json', import.meta.url), 'utf8')) as {
    tasks: Record<string, { env?: string[] }>;
  };

  it('lets CHROMIUM_PATH through to the tests (turbo hides undeclared variables from tasks)', () => {
    expect(turbo.tasks.test?.env).toContain('CHROMIUM_PATH');
  });
});

describe('spec-drift.yml', () => {
  const { workflow } = readWorkflow('spec-drift.yml');
  const [job] = Object.values(workflow.jobs) as [Job];

  it('runs daily and on demand', () => {
    expect(workflow.on).toStrictEqual({ schedule: [{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }], workflow_dispatch: null });
  });

  it('takes the upstream spec with pnpm drift --write and reports through outputs', () => {
    const drift = job.steps.find((step) => step.run?.startsWith('pnpm drift --write'));
    expect(drift?.run).toBe('pnpm drift --write --fail-on none --report-file "$RUNNER_TEMP/spec-drift.md"');
    expect((drift as Step & { id?: string }).id).toBe('drift');
  });

  it('opens or updates one pull request on a fixed branch, with the change table as its body, only on drift', () => {
    const pullRequest = action(workflow, 'peter-evans/create-pull-request');
    expect(pullRequest?.if).toBe("steps.drift.outputs.drift == 'true'");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    const bodyPath = '${{ runner.temp }}/spec-drift.md';
    expect(pullRequest?.with).toMatchObject({ branch: 'spec-drift/upstream', 'body-path': bodyPath });
  });

  it('may push a branch and open pull requests, nothing more', () => {
    expect(job.permissions).toStrictEqual({ contents: 'write', 'pull-requests': 'write' });
  });

  it('opens the pull request as the bot, so that CI runs on it', () => {
    expect(action(workflow, 'peter-evans/create-pull-request')?.with?.token).toBe(BOT_TOKEN);
  });
});

describe('release.yml', () => {
  const { workflow } = readWorkflow('release.yml');

  it('runs on pushes to main', () => {
    expect(workflow.on).toStrictEqual({ push: { branches: ['main'] } });
  });

  it('opens the version PR with changeset version and publishes with pnpm release', () => {
    expect(action(workflow, 'changesets/action')?.with).toMatchObject({ version: 'pnpm changeset version', publish: 'pnpm release' });
  });

  it('opens the version PR as the bot, so that CI runs on it, and publishes with NPM_TOKEN and provenance', () => {
    expect(action(workflow, 'changesets/action')?.env).toStrictEqual({
      GITHUB_TOKEN: BOT_TOKEN,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
      NPM_TOKEN: '${{ secrets.NPM_TOKEN }}',
      NPM_CONFIG_PROVENANCE: 'true',
    });
  });

  it('may push the version commit and tags, open the version PR and sign provenance, nothing more', () => {
    expect(Object.values(workflow.jobs).map((job) => job.permissions)).toStrictEqual([
      { contents: 'write', 'pull-requests': 'write', 'id-token': 'write' },
    ]);
  });
});

describe('the root package.json', () => {
  const scripts = (
    JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;

  it('releases by building and running changeset publish', () => {
    expect(scripts.release).toMatch(/build.*&& changeset publish$/);
  });
});
