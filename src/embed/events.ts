/** Callback props every widget may call, and the DOM events they become. */
export const EVENTS = {
  onReady: 'teppan:ready',
  onQuote: 'teppan:quote',
  onBookingCreated: 'teppan:booking-created',
  onPaymentSucceeded: 'teppan:payment-succeeded',
  onError: 'teppan:error',
} as const;
