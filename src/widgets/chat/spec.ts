import type { WidgetSpec } from '../specs';

/** `<teppan-chat>`: questions answered at once, and a person when that is not enough. */
export const chatSpec: WidgetSpec = {
  name: 'chat',
  entry: './ChatWidget.tsx',
  label: { en: 'the chat', es: 'el chat' },
  attributes: { heading: 'string', locale: 'string', 'quote-url': 'string', open: 'boolean' },
  // A panel over the page, opened from a button: it takes no place in the page's flow.
  reserve: [[0, 0]],
  launcher: { name: { en: 'Open chat', es: 'Abrir chat' }, text: { en: 'Chat', es: 'Chat' } },
};
