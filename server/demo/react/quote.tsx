import { QuoteCalculator } from '../../../src/react';
import { mount } from './provider';

/** A prices page whose "Book this quote" continues on the booking page, carrying the quote in the URL. */
mount(<QuoteCalculator bookingUrl="/react/book.html" />);
