import { expectTypeOf, test } from 'vitest';
import type { DriftResult } from '../../src/drift/check-drift.js';
import type { DriftChange, RuleId } from '../../src/drift/rules.js';

test('the JSON report has the documented shape', () => {
  expectTypeOf<keyof DriftResult>().toEqualTypeOf<'status' | 'bump' | 'upstream' | 'committed' | 'changes'>();
  expectTypeOf<DriftResult['status']>().toEqualTypeOf<'in-sync' | 'drift'>();
  expectTypeOf<DriftResult['bump']>().toEqualTypeOf<'none' | 'patch' | 'minor' | 'major'>();
  expectTypeOf<DriftResult['upstream']>().toEqualTypeOf<{ readonly url: string; readonly sha256: string }>();
  expectTypeOf<DriftResult['committed']>().toEqualTypeOf<{ readonly path: string; readonly sha256: string }>();
  expectTypeOf<DriftResult['changes']>().toEqualTypeOf<readonly DriftChange[]>();
});

test('a change names its impact, rule, operation, pointer and message', () => {
  expectTypeOf<keyof DriftChange>().toEqualTypeOf<'impact' | 'rule' | 'operation' | 'pointer' | 'message'>();
  expectTypeOf<DriftChange['impact']>().toEqualTypeOf<'major' | 'minor' | 'patch'>();
  expectTypeOf<DriftChange['operation']>().toEqualTypeOf<string | null>();
  expectTypeOf<'operation-removed'>().toExtend<RuleId>();
  expectTypeOf<'no-such-rule'>().not.toExtend<RuleId>();
});
