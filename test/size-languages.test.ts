import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstLoad, languageLoads, languageName, measure } from '../scripts/size-report.mjs';

const dir = mkdtempSync(join(tmpdir(), 'teppan-sizes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = {
  'teppan.js': 'loader();'.repeat(40),
  'runtime-AAAAAAAA.js': 'runtime();'.repeat(300),
  'quote-BBBBBBBB.js': 'quote();'.repeat(200),
  'quote-es-CCCCCCCC.js': 'export default { adults: "Adultos", children: "Niños" };',
  'chat-DDDDDDDD.js': 'chat();'.repeat(100),
  'shared-es-EEEEEEEE.js': 'export default { tryAgain: "Intentar de nuevo" };',
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
const manifest = {
  runtime: ['runtime-AAAAAAAA.js'],
  widgets: { quote: ['quote-BBBBBBBB.js'], chat: ['chat-DDDDDDDD.js'] },
  languages: { quote: { es: ['quote-es-CCCCCCCC.js', 'shared-es-EEEEEEEE.js'] } },
};

describe('first load per language', () => {
  it('is the English first load plus the language’s chunks (its messages, the shared words); a widget not translated has none', () => {
    const english = firstLoad(dir, manifest);
    const languages = languageLoads(dir, manifest, english);
    const [own, shared] = [measure(join(dir, 'quote-es-CCCCCCCC.js')), measure(join(dir, 'shared-es-EEEEEEEE.js'))];
    const chunk = { raw: own.raw + shared.raw, gzip: own.gzip + shared.gzip, brotli: own.brotli + shared.brotli };
    expect(languages.chat).toEqual({});
    expect(languages.quote?.es).toEqual({
      file: 'quote-es-CCCCCCCC.js + shared-es-EEEEEEEE.js',
      chunk,
      files: [...(english.quote?.files ?? []), 'quote-es-CCCCCCCC.js', 'shared-es-EEEEEEEE.js'],
      raw: (english.quote?.raw ?? 0) + chunk.raw,
      gzip: (english.quote?.gzip ?? 0) + chunk.gzip,
      brotli: (english.quote?.brotli ?? 0) + chunk.brotli,
    });
    expect(languageName('es')).toBe('Spanish');
  });
});
