import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT } from './helpers/repo.js';

// Turbo hashes a task's declared outputs as inputs too, and tracked generated files exist
// before `generate` rewrites them. If any task's hash covered src/generated/**, one spec
// change would cost two cache misses: one for the change, one more on the next run because
// `generate` had rewritten files in between. These tests read turbo's own task hashes
// (`--dry=json`, nothing runs) in a copy of the working tree.

const TURBO = path.join(REPO_ROOT, 'node_modules/.bin/turbo');
const TASKS = ['generate', 'build', 'typecheck', 'test', 'test:corpus'];

let repo: { dir: string; cleanup: () => Promise<void> };

function git(args: readonly string[]): void {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: repo.dir,
    stdio: 'ignore',
  });
}

/** Every task's hash, as turbo computes it for `turbo run generate build typecheck test`. */
function readTaskHashes(): Map<string, string> {
  const json = execFileSync(TURBO, ['run', ...TASKS, '--dry=json'], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const { tasks } = JSON.parse(json) as { tasks: { taskId: string; hash: string }[] };
  return new Map(tasks.map((task) => [task.taskId, task.hash]));
}

async function commitChange(file: string, text: string): Promise<void> {
  await appendFile(path.join(repo.dir, file), text);
  git(['commit', '-qam', `edit ${file}`]);
}

beforeAll(async () => {
  repo = await makeTempDir('turbo');
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    await mkdir(path.dirname(path.join(repo.dir, file)), { recursive: true });
    await cp(path.join(REPO_ROOT, file), path.join(repo.dir, file));
  }
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-qm', 'copy of the working tree']);
}, 60_000);

afterAll(async () => {
  await repo?.cleanup();
});

describe('the turbo task graph', () => {
  it('keys no task on generated files, so regenerating costs no second cache miss', async () => {
    const before = readTaskHashes();
    expect(before.size).toBeGreaterThan(10);
    await commitChange('packages/types/src/generated/enums.ts', '// rewritten by generate\n');
    await commitChange('packages/client/src/generated/resources.ts', '// rewritten by generate\n');
    await commitChange('packages/codegen-manifest.json', '\n');
    expect(readTaskHashes()).toStrictEqual(before);
  });

  it('misses the cache of every generated package once the spec changes', async () => {
    const before = readTaskHashes();
    await commitChange('spec/complero.swagger.yaml', '# a comment\n');
    const after = readTaskHashes();
    const changed = [...after].filter(([task, hash]) => before.get(task) !== hash).map(([task]) => task);
    for (const name of ['types', 'client', 'msw', 'react-query']) {
      expect(changed).toContain(`@complero/${name}#build`);
      expect(changed).toContain(`@complero/${name}#test`);
    }
  });
});
