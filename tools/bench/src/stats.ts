/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The exponent k of the best fit `y = c · x^k`: the slope of a least-squares line through
 * (log x, log y). 1 means linear growth; above 1, worse than linear.
 */
export function fitGrowthExponent(points: readonly { readonly x: number; readonly y: number }[]): number {
  if (points.length < 2) throw new Error('a growth exponent needs at least two points');
  const logs = points.map(({ x, y }) => {
    if (!(x > 0 && y > 0)) throw new Error(`cannot fit a power law through (${x}, ${y}): both must be positive`);
    return { x: Math.log(x), y: Math.log(y) };
  });
  const meanX = logs.reduce((sum, point) => sum + point.x, 0) / logs.length;
  const meanY = logs.reduce((sum, point) => sum + point.y, 0) / logs.length;
  const covariance = logs.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const variance = logs.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  if (variance === 0) throw new Error('a growth exponent needs at least two different sizes');
  return covariance / variance;
}

/** `ours / theirs`, or null when either side is missing. */
export function ratio(ours: number | null | undefined, theirs: number | null | undefined): number | null {
  return ours == null || theirs == null || theirs === 0 ? null : ours / theirs;
}
