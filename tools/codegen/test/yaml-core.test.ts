import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseYamlFast } from '../src/yaml-core.js';
import { REPO_ROOT, SPEC_FILE } from './helpers/repo.js';

const SPECS_DIR = process.env.COMPLERO_SPECS_DIR ?? path.resolve(REPO_ROOT, '../shared/specs');
const BAD_SPECS = path.join(REPO_ROOT, 'tools/codegen/test/bad-specs/fixtures');

/** What the `yaml` package reads, the reference the fast path must match. */
const reference = (text: string) => parse(text, { uniqueKeys: true });

describe('parseYamlFast (js-yaml with YAML 1.2 core tags)', () => {
  it('reads the Complero spec exactly as `yaml` does', () => {
    const text = readFileSync(SPEC_FILE, 'utf8');
    expect(parseYamlFast(text)).toStrictEqual({ value: reference(text) });
  });

  const docker = path.join(SPECS_DIR, 'docker-engine-v1.56.swagger.yaml');
  it.skipIf(!existsSync(docker))(`reads Docker's spec exactly as \`yaml\` does (skipped when ${SPECS_DIR} is absent)`, () => {
    const text = readFileSync(docker, 'utf8');
    expect(parseYamlFast(text)).toStrictEqual({ value: reference(text) });
  });

  it('resolves plain scalars by the YAML 1.2 core schema, not YAML 1.1', () => {
    const scalars = [
      '1_000',
      '0b101',
      '0o17',
      '0x1F',
      '012',
      '+12',
      '-0',
      '.5',
      '1.',
      '1e3',
      '12e03',
      '0.1e+2',
      '.inf',
      '-.Inf',
      '+.INF',
      '.NaN',
      '~',
      '',
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'yes',
      'no',
      'on',
      'off',
      'y',
      'n',
      '2024-01-01',
      '2001-12-14t21:59:43.10-05:00',
      '1:20',
      '<<',
      '9007199254740993',
      '1e400',
      '0o8',
      '0xG',
      '.',
      '+',
    ];
    const text = scalars.map((scalar, index) => `k${index}: ${scalar}`).join('\n');
    expect(parseYamlFast(text)).toStrictEqual({ value: reference(text) });
    expect(parseYamlFast('a: 1_000\nb: 0b101\nc: 2024-01-01\n')?.value).toStrictEqual({ a: '1_000', b: '0b101', c: '2024-01-01' });
  });

  it('reads any mapping `yaml` writes as `yaml` reads it back', () => {
    const key = fc.string({ maxLength: 8 });
    const scalar = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1 }), (value) => {
        const text = stringify(value);
        const fast = parseYamlFast(text);
        // Undefined (the caller then asks `yaml`) only where an `&` could be an anchor.
        if (fast || text.includes('&')) expect(fast ?? { value: reference(text) }).toStrictEqual({ value: reference(text) });
        else expect.fail(`the fast path refused:\n${text}`);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves texts with anchors to `yaml` (its alias limit stops YAML bombs)', () => {
    expect(parseYamlFast('a: &x [1, 2]\nb: *x\n')).toBeUndefined();
    expect(parseYamlFast(readFileSync(path.join(BAD_SPECS, 'yaml-bomb.yaml'), 'utf8'))).toBeUndefined();
  });

  it('leaves every malformed YAML fixture to `yaml`, which says where the error is', () => {
    const rejectedByYaml = readdirSync(BAD_SPECS)
      .filter((file) => file.endsWith('.yaml'))
      .filter((file) => {
        try {
          reference(readFileSync(path.join(BAD_SPECS, file), 'utf8'));
          return false;
        } catch {
          return true;
        }
      });
    expect(rejectedByYaml).toEqual(expect.arrayContaining(['duplicate-yaml-keys.yaml', 'yaml-syntax-error.yaml']));
    for (const file of rejectedByYaml)
      expect({ file, fast: parseYamlFast(readFileSync(path.join(BAD_SPECS, file), 'utf8')) }).toStrictEqual({ file, fast: undefined });
  });
});
