import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { BookingForm, ChatWidget, isTeppanError, ManageBooking, PaymentForm, QuoteCalculator, type TeppanError, TeppanProvider } from 'teppan';

const client = new QueryClient();

/** A query of the host's own: installing Teppan must leave its error type as TanStack's default, `Error`. */
function useHostUser() {
  return useQuery({ queryKey: ['host', 'user'], queryFn: async () => ({ name: 'Ada' }) });
}

function HostUser() {
  const user = useHostUser();
  const error: Error | null = user.error;
  // @ts-expect-error The host's query fails with an Error, which has no `kind`: only a registered TeppanError would.
  const kind: string | undefined = user.error?.kind;
  // Teppan's error is still there for a host that asks for it.
  const teppanKind = isTeppanError(user.error) ? user.error.kind : undefined;
  return (
    <p>
      {user.data?.name} {error?.message} {kind} {teppanKind}
    </p>
  );
}

const report = (error: TeppanError) => console.error(error.kind, error.userMessage);

export function App() {
  return (
    <QueryClientProvider client={client}>
      <HostUser />
      <TeppanProvider publishableKey="pk_test_demo" apiBase="https://api.example.com" queryClient={client}>
        <ChatWidget quoteUrl="/prices" onError={report} />
        <QuoteCalculator onQuote={(quote) => console.log(quote.totalCents)} onError={report} />
        <BookingForm onBookingCreated={(booking) => console.log(booking.holdExpiresAt)} onError={report} />
        <PaymentForm bookingId="bk_1" onPaymentSucceeded={(payment, booking) => console.log(payment.amountCents, booking.id)} />
        <ManageBooking locale="auto" onError={report} />
      </TeppanProvider>
    </QueryClientProvider>
  );
}
