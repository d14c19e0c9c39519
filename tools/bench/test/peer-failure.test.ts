import { describe, expect, it } from 'vitest';
import { firstErrorLine, missingOutputs, outputTail } from '../src/peers/failure.js';
import { PEERS } from '../src/peers/peers.js';

// Abridged from what the peers really printed when they failed (paths shortened).
const ORVAL_STACK_OVERFLOW = {
  stdout: [
    '🍻 orval v7.13.2 - A swagger client generator for typescript',
    'bench: Cleaning output folder',
    '🛑 bench - RangeError: Maximum call stack size exceeded',
    '    at compareVersions (/peers/node_modules/@orval/core/dist/index.js:736:30)',
    '    at getMockScalar (/peers/node_modules/@orval/mock/dist/index.js:243:52)',
  ].join('\n'),
  stderr: [
    '/peers/node_modules/orval/dist/generate-CUyLFvwS.js:1304',
    '\tif (hasErrors) throw new Error("One or more project failed, see above for details");',
    '\t                     ^',
    '',
    'Error: One or more project failed, see above for details',
    '    at generateSpecs (/peers/node_modules/orval/dist/generate-CUyLFvwS.js:1304:23)',
    '',
    'Node.js v20.20.2',
  ].join('\n'),
};

const KUBB_YAML = {
  stdout: [
    'Generating plugin-oas',
    'plugin-oas failed in 42ms',
    'Generating plugin-ts',
    'plugin-ts failed in 37ms',
    'Writing 1 files',
    'ℹ Load summary ',
    '✗ deficient indentation in "/specs/docker-engine-v1.56.swagger.yaml" (1376:9)',
    '✗ deficient indentation in "/specs/docker-engine-v1.56.swagger.yaml" (1376:9)',
    'Generation completed',
    '───────────────────────────',
    'Plugins:          0 successful, 6 failed, 6 total',
    'Failed:           plugin-oas, plugin-ts, plugin-client, plugin-react-query, plugin-faker, plugin-msw',
  ].join('\n'),
  stderr: '',
};

const HEY_API_CRASH = {
  stdout: '',
  stderr: [
    'Skipping unresolvable $ref: /tmp/bad.json#/nope',
    'Unexpected error: JobError',
    '    at async createClient (file:///peers/node_modules/@hey-api/openapi-ts/dist/src-BzTu1krN.mjs:191:21) {',
    '  originalError: {',
    '    error: Error: Reference not found: #/nope',
  ].join('\n'),
};

describe('firstErrorLine', () => {
  it("takes Orval's own error from stdout, not the generic rethrow on stderr", () => {
    expect(firstErrorLine(ORVAL_STACK_OVERFLOW)).toBe('bench - RangeError: Maximum call stack size exceeded');
  });

  it("takes Kubb's marked error, not the per-plugin and summary failure counts", () => {
    expect(firstErrorLine(KUBB_YAML)).toBe('deficient indentation in "/specs/docker-engine-v1.56.swagger.yaml" (1376:9)');
  });

  it('takes the named error of a crash', () => {
    expect(firstErrorLine(HEY_API_CRASH)).toBe('error: Error: Reference not found: #/nope');
  });

  it('falls back to the last line, without colours', () => {
    expect(firstErrorLine({ stdout: 'starting\n\u001b[33mdone badly\u001b[0m\n', stderr: '' })).toBe('done badly');
  });
});

describe('outputTail', () => {
  it('keeps the last lines of both streams, stderr marked', () => {
    expect(outputTail({ stdout: 'a\nb\n', stderr: 'c\n' }, 3)).toBe(['b', '--- stderr', 'c'].join('\n'));
  });
});

describe('missingOutputs', () => {
  const contents: Record<string, string> = {
    'api.ts': "import { useQuery } from '@tanstack/react-query';\nconst res = await fetch(url);",
    'api.msw.ts': "import { http } from 'msw';",
    'model/pet.ts': 'export interface Pet {}',
  };
  const read = async (file: string) => contents[file] ?? '';
  const orval = PEERS.find((peer) => peer.id === 'orval')!;

  it("finds every kind of output in Orval's files", async () => {
    expect(await missingOutputs({ expected: orval.expects, files: Object.keys(contents), read })).toStrictEqual([]);
  });

  it('names the kinds that are missing', async () => {
    expect(await missingOutputs({ expected: orval.expects, files: ['api.ts', 'model/pet.ts'], read })).toStrictEqual(['MSW handlers']);
    expect(
      await missingOutputs({ expected: orval.expects, files: ['api.ts', 'model/pet.ts'], read: async () => 'export const x = 1;' }),
    ).toStrictEqual(['fetch client', 'react-query hooks', 'MSW handlers']);
  });

  it('asks each peer for types, a fetch client and react-query code, and MSW where it has a plugin for it', () => {
    expect(PEERS.map((peer) => [peer.id, peer.expects.map((expected) => expected.kind)])).toStrictEqual([
      ['orval', ['types', 'fetch client', 'react-query hooks', 'MSW handlers']],
      ['hey-api', ['types', 'fetch client', 'react-query options']],
      ['kubb', ['types', 'fetch client', 'react-query hooks', 'MSW handlers']],
    ]);
  });
});
