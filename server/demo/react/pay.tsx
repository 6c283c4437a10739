import { PaymentForm } from '../../../src/react';
import { mount } from './provider';

/** The payment page on its own: the booking arrives as `?booking=<id>`. */
mount(<PaymentForm bookingUrl="/react/book.html" />);
