import { describe, expect, it } from 'vitest';
import { formatKiloBytes, formatMiB, formatRatio, formatSeconds, formatTable } from '../src/table.js';

describe('formatTable', () => {
  it('aligns every column to its widest cell', () => {
    expect(
      formatTable({
        headers: ['spec', 'wall'],
        rows: [
          ['complero', '1.2 s'],
          ['k8s', '10.5 s'],
        ],
      }),
    ).toStrictEqual(['| spec     | wall   |', '| -------- | ------ |', '| complero | 1.2 s  |', '| k8s      | 10.5 s |'].join('\n'));
  });
});

describe('number formats', () => {
  it('prints seconds, MiB, ratios and kB the way the tables show them', () => {
    expect([formatSeconds(1234), formatSeconds(12_345), formatMiB(380.6), formatRatio(0.6449), formatKiloBytes(5560)]).toStrictEqual([
      '1.23 s',
      '12.3 s',
      '381 MiB',
      '0.64×',
      '5.43 kB',
    ]);
  });

  it('prints a dash for a missing figure', () => {
    expect([formatSeconds(null), formatMiB(undefined), formatRatio(null), formatKiloBytes(null)]).toStrictEqual(['–', '–', '–', '–']);
  });
});
