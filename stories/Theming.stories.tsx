import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, within } from 'storybook/test';
import { QuoteCalculator } from '../src/react';
import { forgetStory } from './support/storyApi';
import { withTeppan } from './support/withTeppan';

/** README's "Theming" table: each custom property, its default, and the control that sets it. */
const PROPERTIES = {
  accent: { property: '--teppan-color-accent', value: '#b42318', what: 'buttons, the chosen day, radios' },
  accentText: { property: '--teppan-color-accent-text', value: '#ffffff', what: 'text on the accent' },
  text: { property: '--teppan-color-text', value: '#1d2939', what: 'text' },
  muted: { property: '--teppan-color-muted', value: '#475467', what: 'hints' },
  surface: { property: '--teppan-color-surface', value: '#ffffff', what: 'background' },
  subtle: { property: '--teppan-color-subtle', value: '#f5f5f4', what: 'the price panel' },
  border: { property: '--teppan-color-border', value: '#98a2b3', what: 'field borders' },
  frame: { property: '--teppan-color-frame', value: '#e4e7ec', what: 'the widget’s frame' },
  divider: { property: '--teppan-color-divider', value: '#e4e7ec', what: 'table rules' },
  danger: { property: '--teppan-color-danger', value: '#b42318', what: 'errors' },
  dangerSurface: { property: '--teppan-color-danger-surface', value: '#fef3f2', what: 'behind errors' },
  focus: { property: '--teppan-color-focus', value: '#175cd3', what: 'focus rings' },
  font: { property: '--teppan-font', value: 'system-ui, sans-serif', what: 'type' },
  fontSize: { property: '--teppan-font-size', value: 'medium', what: 'type size; every length scales with it' },
  radius: { property: '--teppan-radius', value: '8px', what: 'corners' },
  spacing: { property: '--teppan-spacing', value: '1rem', what: 'padding' },
} as const;

type ThemeArgs = { [K in keyof typeof PROPERTIES]: string };

const isColor = (value: string) => value.startsWith('#');

/** The custom properties, set on an ancestor of a real widget, as a host page would. */
function Themed(args: ThemeArgs) {
  const style = Object.fromEntries(Object.entries(args).map(([key, value]) => [PROPERTIES[key as keyof ThemeArgs].property, value])) as CSSProperties;
  return (
    <div style={style}>
      <QuoteCalculator heading="Themed quote calculator" />
    </div>
  );
}

const meta = {
  title: 'Theming',
  component: Themed,
  decorators: [withTeppan],
  args: Object.fromEntries(Object.entries(PROPERTIES).map(([key, p]) => [key, p.value])) as ThemeArgs,
  argTypes: Object.fromEntries(
    Object.entries(PROPERTIES).map(([key, p]) => [
      key,
      {
        name: p.property,
        description: p.what,
        control: isColor(p.value) ? { type: 'color', presetColors: [p.value] } : key === 'fontSize' ? { type: 'select' } : 'text',
        ...(key === 'fontSize' ? { options: ['small', 'medium', 'large', 'x-large'] } : {}),
        table: { defaultValue: { summary: p.value } },
      },
    ]),
  ),
  async beforeEach({ id }) {
    forgetStory(id);
    await QuoteCalculator.preload();
  },
} satisfies Meta<typeof Themed>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The defaults: change any control and the widget follows at once. */
export const Live: Story = {};

/** README's example: a green accent and a serif type, set on the widget's ancestor. */
export const GreenSerif: Story = {
  args: { accent: '#0b6e4f', font: 'Georgia, serif', radius: '0px' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const book = await canvas.findByRole('button', { name: 'Book this quote' });
    await expect(getComputedStyle(book).backgroundColor).toBe('rgb(11, 110, 79)');
    await expect(getComputedStyle(book).borderRadius).toBe('0px');
    await expect(getComputedStyle(canvas.getByRole('heading', { name: 'Themed quote calculator' })).fontFamily).toBe('Georgia, serif');
  },
};
