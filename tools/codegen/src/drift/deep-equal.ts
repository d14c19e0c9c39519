/**
 * Structural equality of JSON data where object key order never matters (YAML and JSON
 * serialisers order keys differently) but array order does.
 */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => isDeepEqual(item, b[index]));
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  const keysA = Object.keys(recordA).filter((key) => recordA[key] !== undefined);
  const keysB = Object.keys(recordB).filter((key) => recordB[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(recordB, key) && isDeepEqual(recordA[key], recordB[key]));
}

/**
 * True when `after` holds exactly the items of `before` (as many times each) in another order:
 * a reordered list, as opposed to one that gained, lost or changed an item.
 */
export function isReordering(options: { before: readonly unknown[]; after: readonly unknown[] }): boolean {
  const { before, after } = options;
  if (before.length !== after.length || isDeepEqual(before, after)) return false;
  const unmatched = [...after];
  return before.every((item) => {
    const index = unmatched.findIndex((other) => isDeepEqual(item, other));
    if (index === -1) return false;
    unmatched.splice(index, 1);
    return true;
  });
}
