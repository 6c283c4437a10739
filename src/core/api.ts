import {
  type Availability,
  type AvailabilityQuery,
  availability,
  type Booking,
  type BookingRequest,
  booking,
  type Catalog,
  catalog,
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
  };
}
