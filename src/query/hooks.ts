import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { Availability, AvailabilityQuery, Booking, Payment, Quote } from '../contract';
import type { TeppanError } from '../core';
import { catalogQuery } from './catalog';
import { useTeppan } from './context';
import { queryKeys } from './keys';

// Each query names its error type itself: the HTTP client turns every failure into a TeppanError. Declaring it
// once through TanStack's `Register` instead would retype every query of the host app too.

/** The tenant's catalog, shared by every widget on the page; suspends until it is there. */
export function useCatalog() {
  return useSuspenseQuery(catalogQuery(useTeppan()));
}

/** Seatings for a date range; keeps showing the previous range while the next one loads. */
export function useAvailability(q: AvailabilityQuery, enabled = true) {
  const { api, scope } = useTeppan();
  return useQuery<Availability, TeppanError>({
    queryKey: queryKeys.availability(scope, q),
    queryFn: ({ signal }) => api.availability(q, { signal }),
    enabled,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

export function useQuote(id: string | undefined) {
  const { api, scope } = useTeppan();
  return useQuery<Quote, TeppanError>({
    queryKey: queryKeys.quote(scope, id ?? ''),
    queryFn: ({ signal }) => api.quote(id ?? '', { signal }),
    enabled: Boolean(id),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A booking's status and amounts: the booking form's success step and the payment form read the same entry. */
export function useBooking(id: string | undefined) {
  const { api, scope } = useTeppan();
  return useQuery<Booking, TeppanError>({
    queryKey: queryKeys.booking(scope, id ?? ''),
    queryFn: ({ signal }) => api.booking(id ?? '', { signal }),
    enabled: Boolean(id),
  });
}

/** One payment, e.g. the one that paid a booking (for its receipt). */
export function usePayment(id: string | undefined) {
  const { api, scope } = useTeppan();
  return useQuery<Payment, TeppanError>({
    queryKey: queryKeys.payment(scope, id ?? ''),
    queryFn: ({ signal }) => api.payment(id ?? '', { signal }),
    enabled: Boolean(id),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
