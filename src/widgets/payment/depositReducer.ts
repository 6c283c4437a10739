import type { Payment } from '../../contract';
import { TeppanError } from '../../core';
import { type FieldProblems, serverProblems } from '../words';

/**
 * Where one deposit stands, as the visitor sees it:
 * - `ready`: the form takes card details (`notice` says why they are asked again: `notice.<notice>` in messages/en.ts)
 * - `paying`: starting the payment and sending the card
 * - `checking`: an answer was lost (or the page reloaded): asking the server how the payment stands
 * - `authenticating`: the card's bank wants the visitor to approve it
 * - `declined`: not charged; the form stays, the next attempt is a new intent
 * - `failed`: nothing was charged but the server could not be reached or refused for now
 * - `unsettled`: how the payment stands could not be found out; "Check again", never "Pay again"
 * - `paid`, `expired` (the hold ended), `already-paid` (another payment paid it)
 */
export type DepositState =
  | { step: 'ready'; notice?: Notice | undefined }
  | { step: 'paying' }
  | { step: 'checking' }
  | { step: 'authenticating'; payment: Payment; answering: boolean }
  | { step: 'declined'; payment: Payment }
  | { step: 'failed'; error: TeppanError }
  | { step: 'unsettled'; error: TeppanError }
  | { step: 'paid'; payment: Payment }
  | { step: 'expired' }
  | { step: 'already-paid' };

/**
 * The deposit is under way, or paid with the receipt on its way: the form is
 * read-only and "Pay deposit" takes no press (a paid form must never look
 * payable again while the booking is read back).
 */
export const isBusy = (state: DepositState) => ['paying', 'checking', 'authenticating', 'paid'].includes(state.step);

/** Why card details are asked again: the attempt had ended without a charge, or the card never went through. */
export type Notice = 'finished' | 'not-charged';

/** A provider's confirm: sends what the visitor entered for `payment` and resolves with our server's view of it. */
export type Confirm = (payment: Payment, idempotencyKey: string) => Promise<Payment>;

/** Everything the deposit's hook decides by: what the visitor sees, and the attempt's bookkeeping. */
export interface DepositModel {
  state: DepositState;
  /** The server's refusals of the card, by the form's field names. */
  fieldErrors: FieldProblems;
  /** A "Pay deposit" or an answer to the bank is under way: another press (a double click, Enter held) is ignored. */
  busy: boolean;
  /** Asking the server how the payment stands: a second ask ("Check again" as the network returns) waits for it. */
  asking: boolean;
  /** How often this attempt's status was asked again while it was processing. */
  polls: number;
  /** This attempt's card was sent again once already (never twice). */
  resent: boolean;
  /** The last "Pay deposit"'s confirm: what re-sends a card that never arrived, and what "Try again" repeats. */
  confirm: Confirm | null;
}

/** A definitive answer that ends (or pauses) an attempt, from the server's refusal. */
export type Refusal =
  | { kind: 'expired' }
  /** Paid meanwhile (another tab, another device): nothing more to charge; the receipt comes with the booking. */
  | { kind: 'already-paid' }
  /** The card never got past our checks: fix it and send again, same intent. */
  | { kind: 'card'; fieldErrors: FieldProblems }
  /** The attempt had ended without a charge: a new one starts. */
  | { kind: 'finished' };

export type DepositAction =
  /** "Pay deposit" with what the visitor entered. */
  | { type: 'pay'; confirm: Confirm }
  /** The visitor answered the bank. */
  | { type: 'answer' }
  /** The press ("Pay deposit", the bank's answer) has been dealt with. */
  | { type: 'done' }
  /** Asking how the payment stands. */
  | { type: 'ask' }
  | { type: 'resend' }
  /** The visitor changed a field: the server's message about it no longer applies. */
  | { type: 'edited'; field: string }
  /** The server's view of the payment. */
  | { type: 'payment'; payment: Payment }
  | { type: 'refused'; refusal: Refusal }
  /** Nothing was charged and nothing is under way: card details again. */
  | { type: 'not-charged'; notice?: Notice }
  /** Nothing was charged, but the server could not be reached or refused for now. */
  | { type: 'failed'; error: TeppanError }
  /** How the payment stands could not be found out. */
  | { type: 'unsettled'; error: TeppanError };

export const MAX_POLLS = 20;

export const initialDeposit = (cardSent: boolean): DepositModel => ({
  state: { step: cardSent ? 'checking' : 'ready' },
  fieldErrors: {},
  busy: false,
  asking: false,
  polls: 0,
  resent: false,
  confirm: null,
});

/** Still processing, or a card that may still land: the hook asks again after a pause. */
export const waitingToAsk = (model: DepositModel) => model.state.step === 'checking' && !model.asking;

/** The server's field paths as the form's fields: both halves of the expiry are one field. */
function cardFieldErrors(errors: FieldProblems): FieldProblems {
  const out: FieldProblems = {};
  for (const [path, problem] of Object.entries(errors)) {
    const field = path.replace(/^card\./, '').replace(/^exp(Month|Year)$/, 'expiry');
    out[field] ??= problem;
  }
  return out;
}

/** What a refusal means for the attempt; null when the outcome is still unknown (ask, don't guess). */
export function refusalOf(error: TeppanError): Refusal | null {
  const code = error.problem?.code;
  if (code === 'hold-expired') return { kind: 'expired' };
  if (code === 'booking-already-paid') return { kind: 'already-paid' };
  if (error.kind === 'validation' && Object.keys(error.fieldErrors).length > 0) return { kind: 'card', fieldErrors: cardFieldErrors(serverProblems(error)) };
  if (code === 'payment-finished') return { kind: 'finished' };
  return null;
}

export function depositReducer(model: DepositModel, action: DepositAction): DepositModel {
  // What the visitor is shown next; every answer ends the ask that was under way.
  const show = (state: DepositState, change?: Partial<DepositModel>): DepositModel => ({ ...model, asking: false, ...change, state });
  switch (action.type) {
    case 'pay':
      return { ...model, state: { step: 'paying' }, fieldErrors: {}, busy: true, confirm: action.confirm, resent: false, polls: 0 };
    case 'answer':
      return model.state.step === 'authenticating' ? { ...model, busy: true, state: { ...model.state, answering: true } } : model;
    case 'done':
      return { ...model, busy: false };
    case 'ask':
      return { ...model, asking: true, state: { step: 'checking' } };
    case 'resend':
      return { ...model, resent: true };
    case 'edited': {
      if (!(action.field in model.fieldErrors)) return model;
      const { [action.field]: _, ...rest } = model.fieldErrors;
      return { ...model, fieldErrors: rest };
    }
    case 'payment': {
      const { payment } = action;
      if (payment.status === 'succeeded') return show({ step: 'paid', payment });
      if (payment.status === 'failed') return show({ step: 'declined', payment });
      if (payment.status === 'requires_action') return show({ step: 'authenticating', payment, answering: false });
      // Processing with the provider, or not yet confirmed: ask again shortly, for a while.
      return model.polls < MAX_POLLS
        ? show({ step: 'checking' }, { polls: model.polls + 1 })
        : show({ step: 'unsettled', error: new TeppanError({ kind: 'timeout', userMessage: 'Your payment is still being processed.' }) });
    }
    case 'refused': {
      const { refusal } = action;
      if (refusal.kind === 'card') return show({ step: 'ready' }, { fieldErrors: refusal.fieldErrors });
      if (refusal.kind === 'finished') return show({ step: 'ready', notice: 'finished' });
      return show({ step: refusal.kind });
    }
    case 'not-charged':
      return show({ step: 'ready', notice: action.notice });
    default:
      return show({ step: action.type, error: action.error });
  }
}
