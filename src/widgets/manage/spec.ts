import type { WidgetSpec } from '../specs';

/** `<teppan-manage>`: the booking behind a manage link (the confirmation email's), to change or cancel. */
export const manageSpec: WidgetSpec = {
  name: 'manage',
  entry: './ManageBooking.tsx',
  label: 'booking',
  attributes: { heading: 'string', locale: 'string', token: 'string' },
  // Measured on a confirmed booking's first screen (its facts, calendar links and policy) from 300 to 1000 px wide.
  reserve: [
    [40, 40],
    [0, 50],
  ],
  // Its first render reads the booking the link opens.
  callsApiOnMount: true,
};
