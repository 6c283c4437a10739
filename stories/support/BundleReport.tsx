import { currentChunks } from '../../scripts/size-compare.mjs';
import { bytes, languageName, sizes } from './sizes';

const cell = { padding: '0.35rem 0.75rem', borderBottom: '1px solid #d0d5dd', textAlign: 'right' } as const;
const left = { ...cell, textAlign: 'left' } as const;

/** The treemaps `npm run build` writes, served beside Storybook under `npm start` (/reports/ next to /storybook/). */
const TREEMAPS = [
  ['embed.html', 'The embed: shared runtime and one chunk per widget'],
  ['embed-loader.html', 'The loader, teppan.js'],
  ['lib.html', 'The React library (npm package)'],
  ['demo.html', 'The demo site'],
] as const;

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table style={{ borderCollapse: 'collapse', margin: '1rem 0', fontVariantNumeric: 'tabular-nums' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: '0.5rem' }}>{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" style={i === 0 ? left : cell}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, ...values]) => (
          <tr key={name}>
            <th scope="row" style={{ ...left, fontWeight: 'normal' }}>
              {name}
            </th>
            {values.map((v, i) => (
              <td key={head[i + 1]} style={typeof v === 'number' ? cell : left}>
                {typeof v === 'number' ? bytes(v) : v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The links to the treemaps; they open in the whole window, out of Storybook's frame. */
export function TreemapLinks() {
  return (
    <ul>
      <li>
        <a href="../reports/" target="_top">
          All bundle reports
        </a>{' '}
        (the index page, with sizes.md and sizes.json)
      </li>
      {TREEMAPS.map(([file, what]) => (
        <li key={file}>
          <a href={`../reports/${file}`} target="_top">
            {what}
          </a>{' '}
          (<code>{file}</code>)
        </li>
      ))}
    </ul>
  );
}

/** The current sizes, from the dist/reports/sizes.json Storybook was built with. */
export function SizesTables() {
  if (!sizes?.firstLoad || !sizes.loader) {
    return (
      <p role="note" style={{ border: '1px solid #d0d5dd', borderRadius: 8, padding: '0.75rem 1rem' }}>
        No sizes here: this Storybook was built before <code>npm run build</code> wrote <code>dist/reports/sizes.json</code>. Run <code>npm run build</code>,
        then <code>npm run build-storybook</code> (or <code>npm start</code>, which does both).
      </p>
    );
  }
  const firstLoads = [
    ['loader alone', 1, sizes.loader.raw, sizes.loader.gzip, sizes.loader.brotli],
    ...Object.entries(sizes.firstLoad).map(([name, l]) => [name, l.files.length, l.raw, l.gzip, l.brotli]),
  ].map(([name, files, ...rest]) => [name as string, String(files), ...(rest as number[])]);
  const perLanguage = sizes.languages ?? {};
  const languages = Object.entries(sizes.firstLoad).flatMap(([name, l]) => [
    [`${name}, English (inline)`, l.gzip, l.brotli],
    ...Object.entries(perLanguage[name] ?? {}).map(([code, s]) => [`${name}, ${languageName(code)} (+${bytes(s.chunk.gzip)} gzip)`, s.gzip, s.brotli]),
  ]);
  const chunks = Object.entries(currentChunks(sizes))
    .sort(([, a], [, b]) => b.gzip - a.gzip)
    .map(([name, c]) => [name, c.file, c.raw, c.gzip, c.brotli]);
  return (
    <>
      <Table
        caption="First load per widget: loader + shared runtime + the widget’s chunk, each file once"
        head={['widget', 'files', 'bytes', 'gzip', 'brotli']}
        rows={firstLoads}
      />
      <Table
        caption="Each widget’s first load by language: English is inline, another language adds its messages and the shared words’ chunks"
        head={['widget', 'language', 'gzip', 'brotli']}
        rows={languages}
      />
      <Table caption="The embed’s chunks in this build, largest first" head={['chunk', 'file', 'bytes', 'gzip', 'brotli']} rows={chunks} />
    </>
  );
}
