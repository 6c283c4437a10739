import css from './ui.css?inline';
import { useStyles } from './useStyles';

export interface LineItem {
  label: string;
  /** Already formatted money. */
  amount: string;
}

export interface LineItemsProps {
  caption: string;
  lines: readonly LineItem[];
  total?: LineItem;
}

/** An itemised price as a table, so screen readers pair each label with its amount. */
export function LineItems({ caption, lines, total }: LineItemsProps) {
  useStyles(css);
  return (
    <table className="teppan-lines">
      <caption className="teppan-sr-only">{caption}</caption>
      <tbody>
        {lines.map((l, i) => (
          // Labels can repeat (two "Event minimum" lines never do, but a tenant's items might).
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered.
          <tr key={i}>
            <th scope="row">{l.label}</th>
            <td>{l.amount}</td>
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr>
            <th scope="row">{total.label}</th>
            <td>{total.amount}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
