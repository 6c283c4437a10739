import { Controls, Description, Primary, Stories, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { CostCard } from './CostCard';

/** A widget's autodocs page: what it does, what it costs a page, its props as live controls, then every state. */
export function WidgetDocs({ widget, label }: { widget: string; label: string }) {
  return (
    <>
      <Title />
      <Subtitle />
      <Description />
      <CostCard widget={widget} label={label} />
      <Primary />
      <Controls />
      {/* The first story is the live one above, with the controls: once on a page, as every story (two copies of one story would share its API). */}
      <Stories includePrimary={false} />
    </>
  );
}
