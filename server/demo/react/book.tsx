import { BookingForm } from '../../../src/react';
import { mount } from './provider';

/** The booking page on its own: the quote arrives as `?quote=<id>` from any page's calculator. */
mount(<BookingForm quoteUrl="/react/" />);
