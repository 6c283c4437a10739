import {
  type Availability,
  type AvailabilityQuery,
  availability,
  type Booking,
  type BookingRequest,
  booking,
  type Catalog,
  catalog,
  type Payment,
  type PaymentAuthenticateRequest,
  type PaymentConfirmRequest,
  payment,
  type Quote,
  type QuoteRequest,
  quote,
} from '../contract';
import type { HttpClient } from './http/client';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface CreateOptions extends CallOptions {
  /** One key per user intent, reused for every retry and resubmission of it. */
  idempotencyKey: string;
}

/** The reference API's routes as typed calls; every response is checked against the contract. */
export interface TeppanApi {
  catalog(o?: CallOptions): Promise<Catalog>;
  createQuote(body: QuoteRequest, o: CreateOptions): Promise<Quote>;
  quote(id: string, o?: CallOptions): Promise<Quote>;
  availability(q: AvailabilityQuery, o?: CallOptions): Promise<Availability>;
  createBooking(body: BookingRequest, o: CreateOptions): Promise<Booking>;
  booking(id: string, o?: CallOptions): Promise<Booking>;
  /** Starts the deposit payment of a held booking (one key per "Pay deposit" intent). */
  startPayment(bookingId: string, o: CreateOptions): Promise<Payment>;
  /**
   * The test provider's confirm. An attempt that gets no answer is not repeated:
   * the caller settles it with `payment(id)`, never by paying again.
   */
  confirmPayment(paymentId: string, body: PaymentConfirmRequest, o: CreateOptions): Promise<Payment>;
  /** The visitor's answer to the card's extra authentication step (test provider). */
  authenticatePayment(paymentId: string, body: PaymentAuthenticateRequest, o: CreateOptions): Promise<Payment>;
  payment(id: string, o?: CallOptions): Promise<Payment>;
  /** Link to the booking's event as an iCalendar file. */
  calendarUrl(bookingId: string): string;
}

export function createTeppanApi(http: HttpClient): TeppanApi {
  return {
    catalog: (o) => http.request({ method: 'GET', path: '/catalog', schema: catalog, timing: 'lookup', ...o }),
    createQuote: (body, o) => http.request({ method: 'POST', path: '/quotes', body, schema: quote, timing: 'lookup', ...o }),
    quote: (id, o) => http.request({ method: 'GET', path: `/quotes/${encodeURIComponent(id)}`, route: '/quotes/:id', schema: quote, timing: 'lookup', ...o }),
    availability: (q, o) => http.request({ method: 'GET', path: '/availability', query: { ...q }, schema: availability, timing: 'list', ...o }),
    createBooking: (body, o) => http.request({ method: 'POST', path: '/bookings', body, schema: booking, timing: 'bookingCreate', ...o }),
    booking: (id, o) =>
      http.request({ method: 'GET', path: `/bookings/${encodeURIComponent(id)}`, route: '/bookings/:id', schema: booking, timing: 'lookup', ...o }),
    startPayment: (bookingId, o) =>
      http.request({
        method: 'POST',
        path: `/bookings/${encodeURIComponent(bookingId)}/payments`,
        route: '/bookings/:id/payments',
        body: {},
        schema: payment,
        timing: 'payment',
        ...o,
      }),
    confirmPayment: (id, body, o) =>
      http.request({
        method: 'POST',
        path: `/payments/${encodeURIComponent(id)}/confirm`,
        route: '/payments/:id/confirm',
        body,
        schema: payment,
        timing: 'payment',
        retryNoAnswer: false,
        ...o,
      }),
    authenticatePayment: (id, body, o) =>
      http.request({
        method: 'POST',
        path: `/payments/${encodeURIComponent(id)}/authenticate`,
        route: '/payments/:id/authenticate',
        body,
        schema: payment,
        timing: 'payment',
        retryNoAnswer: false,
        ...o,
      }),
    payment: (id, o) =>
      http.request({ method: 'GET', path: `/payments/${encodeURIComponent(id)}`, route: '/payments/:id', schema: payment, timing: 'lookup', ...o }),
    calendarUrl: (bookingId) => http.href(`/bookings/${encodeURIComponent(bookingId)}/calendar.ics`),
  };
}
