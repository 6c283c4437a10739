import { bytes, languageName, type WidgetCost, widgetCost } from './sizes';

const cell = { padding: '0.35rem 0.75rem', borderBottom: '1px solid #d0d5dd', textAlign: 'right' } as const;
const head = { ...cell, textAlign: 'left' } as const;

/**
 * What a widget costs the page that embeds it, in bytes over the wire, from the
 * build's dist/reports/sizes.json (see the "Bundle report" page).
 */
export function CostCard({ widget, label, cost = widgetCost(widget) }: { widget: string; label: string; cost?: WidgetCost | undefined }) {
  if (!cost) {
    return (
      <p role="note" style={{ border: '1px solid #d0d5dd', borderRadius: 8, padding: '0.75rem 1rem' }}>
        No cost card: this Storybook was built without the bundle sizes. Run <code>npm run build</code>, then <code>npm run build-storybook</code>.
      </p>
    );
  }
  const rows: [string, string, { gzip: number; brotli: number }][] = [
    ['Before it is visible', 'the loader (teppan.js), which holds its place', cost.loader],
    ['First load', 'loader + shared runtime + this widget’s chunk', cost.firstLoad],
    ['With another widget already loaded', 'this widget’s chunk alone', cost.chunk],
    // English is inline; each other language is two chunks (the widget's words, the words widgets share), fetched beside the widget's code.
    ...Object.entries(cost.languages).flatMap(([code, l]): [string, string, { gzip: number; brotli: number }][] => [
      [`In ${languageName(code)}`, `the English first load + its ${languageName(code)} words`, l.firstLoad],
      [`Its ${languageName(code)} words`, `its own chunk and the shared words’, fetched beside its code, only for a page in ${languageName(code)}`, l.chunk],
    ]),
  ];
  return (
    <table style={{ borderCollapse: 'collapse', margin: '1rem 0', fontVariantNumeric: 'tabular-nums' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: '0.5rem' }}>What {label} costs a page (embed, bytes over the wire)</caption>
      <thead>
        <tr>
          <th scope="col" style={head}>
            when
          </th>
          <th scope="col" style={cell}>
            gzip
          </th>
          <th scope="col" style={cell}>
            brotli
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([when, what, size]) => (
          <tr key={when}>
            <th scope="row" style={{ ...head, fontWeight: 'normal' }}>
              <strong>{when}</strong>: {what}
            </th>
            <td style={cell}>{bytes(size.gzip)}</td>
            <td style={cell}>{bytes(size.brotli)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
