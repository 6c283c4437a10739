import type { WidgetSpec } from '../specs';

/** `<teppan-manage>`: the booking behind a manage link (the confirmation email's), to change or cancel. */
export const manageSpec: WidgetSpec = {
  name: 'manage',
  entry: './ManageBooking.tsx',
  label: { en: 'your booking', es: 'tu reserva' },
  attributes: { heading: 'string', locale: 'string', token: 'string' },
  // Measured on a confirmed booking's first screen (its facts, calendar links and policy, on September's longest date) in
  // Chromium from 256 to 1120 px wide, rounded up: its facts in two columns from about 41 em, one below. Three steps
  // only (each is bytes of the loader every page pays for): between 22 and 42 em the narrowest height holds, and below
  // 18.5 em (phones under 330 px) it grows past the reserve, at the end of its page.
  reserve: [
    [42, 38],
    [22, 60.5],
    [0, 67],
  ],
  // Its first render reads the booking the link opens.
  callsApiOnMount: true,
};
