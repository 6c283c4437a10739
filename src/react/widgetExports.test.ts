import { describe, expect, it } from 'vitest';
import { WIDGET_SPECS } from '../widgets/specs';
import * as teppan from './index';

describe('the React entry', () => {
  it('exports every registered widget, lazily, and no widget that is not registered', () => {
    const widgets = Object.entries(teppan).flatMap(([name, value]) =>
      typeof value === 'function' && 'preload' in value && 'displayName' in value ? [[String(value.displayName), name]] : [],
    );
    expect(Object.fromEntries(widgets)).toEqual(
      expect.objectContaining({
        'Teppan(quote)': 'QuoteCalculator',
        'Teppan(booking)': 'BookingForm',
        'Teppan(payment)': 'PaymentForm',
        'Teppan(chat)': 'ChatWidget',
        'Teppan(manage)': 'ManageBooking',
      }),
    );
    expect(widgets.map(([displayName]) => displayName).sort()).toEqual(WIDGET_SPECS.map((spec) => `Teppan(${spec.name})`).sort());
  });
});
