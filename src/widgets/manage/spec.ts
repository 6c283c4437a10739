import type { WidgetSpec } from '../specs';

/** `<teppan-manage>`: the booking behind a manage link (the confirmation email's), to change or cancel. */
export const manageSpec: WidgetSpec = {
  name: 'manage',
  entry: './ManageBooking.tsx',
  label: 'booking',
  attributes: { heading: 'string', locale: 'string', token: 'string' },
  // Measured on a confirmed booking's first screen (its facts, calendar links and policy, on September's longest date) in
  // Chromium from 256 to 1120 px wide, rounded up to half an em (below 29.5 em its facts stack in one column).
  reserve: [
    [53, 35.5],
    [43, 38.5],
    [36, 40.5],
    [29.5, 47],
    [22, 60.5],
    [0, 74],
  ],
  // Its first render reads the booking the link opens.
  callsApiOnMount: true,
};
