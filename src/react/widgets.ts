import type { WidgetSlots } from '../widgets/slots';
import { PaymentForm } from './widgetExports';

/** What widgets show inside each other (the booking form's deposit), supplied by the layer that loads them. */
export const WIDGET_SLOTS: WidgetSlots = { Payment: PaymentForm };
