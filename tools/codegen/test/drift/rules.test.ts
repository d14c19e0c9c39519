import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAtLeast, RULES } from '../../src/drift/rules.js';
import { REPO_ROOT } from './temp-repo.js';

describe('the rule table', () => {
  it('is documented in the README with the same impact for every rule', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const documented = Object.fromEntries(
      (['major', 'minor', 'patch'] as const).map((impact) => {
        const row = new RegExp(`^\\| ${impact} +\\| (.+) \\|$`, 'm').exec(readme)?.[1] ?? '';
        return [impact, [...row.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]).sort()];
      }),
    );
    const expected = Object.fromEntries(
      (['major', 'minor', 'patch'] as const).map((impact) => [
        impact,
        Object.entries(RULES)
          .filter(([, rule]) => rule.impact === impact)
          .map(([id]) => id)
          .sort(),
      ]),
    );
    expect(documented).toStrictEqual(expected);
  });
});

describe('isAtLeast', () => {
  it.each([
    ['major', 'minor', true],
    ['minor', 'minor', true],
    ['patch', 'minor', false],
    ['major', 'none', false],
    ['patch', 'patch', true],
  ] as const)('says %s at a %s threshold fails: %s', (bump, threshold, expected) => {
    expect(isAtLeast({ bump, threshold })).toBe(expected);
  });
});
