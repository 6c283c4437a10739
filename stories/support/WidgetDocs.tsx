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
      <Stories />
    </>
  );
}
