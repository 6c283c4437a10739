import { describe, expect, it } from 'vitest';
import { compareSizes, currentChunks, embedChunks, formatComparison, type SizesReport } from '../scripts/size-compare.mjs';

const size = (gzip: number, brotli = gzip - 100) => ({ raw: gzip * 3, gzip, brotli });

/** Today's shape: dist/embed holds the previous release's chunks beside the current ones. */
const before: SizesReport = {
  files: {
    embed: {
      'teppan.js': size(3_851),
      'runtime-AAAAAAAA.js': size(2_000),
      'runtime-OLDOLDOL.js': size(9_999),
      'vendor-BBBBBBBB.js': size(107_066),
      'vendor-OLDOLD00.js': size(99_999),
      'quote-CCCCCCCC.js': size(6_000),
      'rolldown-runtime-DDDDDDDD.js': size(300),
    },
  },
  firstLoad: {
    quote: { files: ['teppan.js', 'runtime-AAAAAAAA.js', 'vendor-BBBBBBBB.js', 'rolldown-runtime-DDDDDDDD.js', 'quote-CCCCCCCC.js'], ...size(119_217) },
  },
};

const after: SizesReport = {
  files: { embed: {} },
  firstLoad: { quote: { files: [], ...size(60_000) }, booking: { files: [], ...size(62_000) } },
  chunks: {
    loader: { file: 'teppan.js', ...size(2_500) },
    runtime: { file: 'runtime-EEEEEEEE.js', ...size(2_000) },
    vendor: { file: 'vendor-FFFFFFFF.js', ...size(47_662) },
    quote: { file: 'quote-GGGGGGGG.js', ...size(6_100) },
    booking: { file: 'booking-HHHHHHHH.js', ...size(8_000) },
  },
};

describe('size comparison', () => {
  it('reads an older report’s current chunks from its first loads, not the previous release kept beside them', () => {
    expect(Object.fromEntries(Object.entries(currentChunks(before)).map(([name, c]) => [name, c.file]))).toEqual({
      loader: 'teppan.js',
      runtime: 'runtime-AAAAAAAA.js',
      vendor: 'vendor-BBBBBBBB.js',
      'rolldown-runtime': 'rolldown-runtime-DDDDDDDD.js',
      quote: 'quote-CCCCCCCC.js',
    });
  });

  it('names a build’s chunks from the Vite manifest, dynamically imported ones included', () => {
    const chunks = embedChunks(
      { 'src/embed/runtime.tsx': { file: 'runtime-EEEEEEEE.js', name: 'runtime' }, '_stripe-X.js': { file: 'stripe-IIIIIIII.js' } },
      { 'teppan.js': size(2_500), 'runtime-EEEEEEEE.js': size(2_000), 'stripe-IIIIIIII.js': size(500), 'runtime-OLDOLDOL.js': size(9_999) },
    );
    expect(Object.keys(chunks).sort()).toEqual(['loader', 'runtime', 'stripe']);
    expect(chunks.runtime?.file).toBe('runtime-EEEEEEEE.js');
  });

  it('matches chunks by name across hashes and lists what appeared and went', () => {
    const { chunks, firstLoad } = compareSizes(before, after);
    const vendor = chunks.find((r) => r.name === 'vendor');
    expect(vendor?.before?.gzip).toBe(107_066);
    expect(vendor?.after?.gzip).toBe(47_662);
    expect(chunks.find((r) => r.name === 'rolldown-runtime')?.after).toBeUndefined();
    expect(firstLoad.find((r) => r.name === 'booking')?.before).toBeUndefined();

    const text = formatComparison(compareSizes(before, after), { from: 'old.json', to: 'new.json' });
    expect(text).toMatch(/^vendor +107,066 +47,662 +−59,404 \(−55.5%\) +106,966 +47,562 +−59,404$/m);
    expect(text).toMatch(/^quote +119,217 +60,000 +−59,217 \(−49\.7%\)/m);
    expect(text).toMatch(/^booking +— +62,000 +new/m);
    expect(text).toContain('new chunks: booking');
    expect(text).toContain('removed chunks: rolldown-runtime');
  });
});
