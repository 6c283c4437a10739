import { describe, expect, it } from 'vitest';
import type { Payment, PaymentStatus } from '../../contract';
import { errorFromProblem, TeppanError } from '../../core';
import { type DepositAction, type DepositModel, depositReducer, initialDeposit, isBusy, MAX_POLLS, refusalOf, waitingToAsk } from './depositReducer';

const payment = (status: PaymentStatus): Payment => ({
  id: 'pay_1234',
  bookingId: 'bk_1234',
  provider: 'test',
  status,
  amountCents: 10_000,
  currency: 'USD',
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
});

const problem = (status: number, code: string, errors?: { field: string; detail: string }[]) =>
  errorFromProblem(status, { type: 'about:blank', title: 'Refused', status, detail: 'Refused.', code, errors: errors?.map((e) => ({ ...e, pointer: '' })) }, 1);

const run = (model: DepositModel, ...actions: DepositAction[]) => actions.reduce(depositReducer, model);
const confirm = async (p: Payment) => p;
const paying = run(initialDeposit(false), { type: 'pay', confirm });

describe('depositReducer', () => {
  it('after a reload with a card sent, checks before anything else; otherwise takes card details', () => {
    expect(initialDeposit(true).state).toEqual({ step: 'checking' });
    expect(waitingToAsk(initialDeposit(true))).toBe(true);
    expect(initialDeposit(false).state).toEqual({ step: 'ready' });
  });

  it('a press of "Pay deposit" locks the form and clears what the server said of the last card', () => {
    const refused = run(initialDeposit(false), { type: 'refused', refusal: { kind: 'card', fieldErrors: { number: { detail: 'Check the number.' } } } });
    const next = depositReducer(refused, { type: 'pay', confirm });
    expect(next).toMatchObject({ state: { step: 'paying' }, fieldErrors: {}, busy: true, confirm });
    expect(isBusy(next.state)).toBe(true);
    expect(run(next, { type: 'done' }).busy).toBe(false);
  });

  it('shows the server’s answer: paid, declined (the form stays), or the bank’s question', () => {
    expect(run(paying, { type: 'payment', payment: payment('succeeded') }).state).toEqual({ step: 'paid', payment: payment('succeeded') });
    const declined = run(paying, { type: 'payment', payment: payment('failed') }, { type: 'done' });
    expect(declined.state.step).toBe('declined');
    expect(isBusy(declined.state)).toBe(false);
    const asked = run(paying, { type: 'payment', payment: payment('requires_action') }, { type: 'done' });
    expect(asked.state).toEqual({ step: 'authenticating', payment: payment('requires_action'), answering: false });
    expect(run(asked, { type: 'answer' })).toMatchObject({ busy: true, state: { answering: true } });
    // An answer with no question pending changes nothing.
    expect(depositReducer(declined, { type: 'answer' })).toBe(declined);
  });

  it('asks again while the payment processes, then says it is still processing (never "not charged")', () => {
    let model = run(paying, { type: 'done' });
    for (let i = 0; i < MAX_POLLS; i++) {
      model = run(model, { type: 'payment', payment: payment('processing') });
      expect(model.state).toEqual({ step: 'checking' });
      expect(waitingToAsk(model)).toBe(true);
      model = run(model, { type: 'ask' });
      expect(waitingToAsk(model)).toBe(false);
    }
    model = run(model, { type: 'payment', payment: payment('processing') });
    expect(model.state.step).toBe('unsettled');
    expect(model.state.step === 'unsettled' && model.state.error.userMessage).toBe('Your payment is still being processed.');
    // A new "Pay deposit" starts counting again.
    expect(run(model, { type: 'pay', confirm }).polls).toBe(0);
  });

  it('an ask stays open until its answer, through a re-sent card', () => {
    const asking = run(paying, { type: 'ask' }, { type: 'resend' });
    expect(asking).toMatchObject({ asking: true, resent: true, state: { step: 'checking' } });
    expect(run(asking, { type: 'unsettled', error: new TeppanError({ kind: 'network' }) })).toMatchObject({ asking: false, state: { step: 'unsettled' } });
    expect(run(asking, { type: 'not-charged', notice: 'not-charged' })).toMatchObject({ asking: false, state: { step: 'ready', notice: 'not-charged' } });
    // A new attempt may re-send its card once more.
    expect(run(asking, { type: 'pay', confirm }).resent).toBe(false);
  });

  it('reads the server’s refusals: the hold ended, paid elsewhere, a card to fix, an attempt that had ended', () => {
    expect(refusalOf(problem(409, 'hold-expired'))).toEqual({ kind: 'expired' });
    expect(refusalOf(problem(409, 'booking-already-paid'))).toEqual({ kind: 'already-paid' });
    expect(refusalOf(problem(409, 'payment-finished'))).toEqual({ kind: 'finished' });
    // Both halves of the expiry are one field of the form; the first message wins.
    const card = problem(422, 'invalid-card', [
      { field: 'card.number', detail: 'Check the card number.' },
      { field: 'card.expMonth', detail: 'Check the month.' },
      { field: 'card.expYear', detail: 'Check the year.' },
    ]);
    expect(refusalOf(card)).toMatchObject({
      kind: 'card',
      fieldErrors: { number: { detail: 'Check the card number.' }, expiry: { detail: 'Check the month.' } },
    });
    // No answer is not a refusal: the outcome is unknown, and is asked for.
    expect(refusalOf(new TeppanError({ kind: 'timeout' }))).toBeNull();
    expect(refusalOf(new TeppanError({ kind: 'server', status: 500 }))).toBeNull();
  });

  it('shows each refusal where the visitor can act on it', () => {
    expect(run(paying, { type: 'refused', refusal: { kind: 'expired' } }).state).toEqual({ step: 'expired' });
    expect(run(paying, { type: 'refused', refusal: { kind: 'already-paid' } }).state).toEqual({ step: 'already-paid' });
    expect(run(paying, { type: 'refused', refusal: { kind: 'finished' } }).state).toEqual({
      step: 'ready',
      notice: 'finished',
    });
    const number = { code: 'number-invalid' };
    const cvc = { detail: 'Check the code.' };
    const card = run(paying, { type: 'refused', refusal: { kind: 'card', fieldErrors: { number, cvc } } });
    expect(card).toMatchObject({ state: { step: 'ready' }, fieldErrors: { number, cvc } });
    // Typing in a field takes its message away, and only its own.
    expect(run(card, { type: 'edited', field: 'number' }).fieldErrors).toEqual({ cvc });
    expect(depositReducer(card, { type: 'edited', field: 'postalCode' })).toBe(card);
  });

  it('a failure before the card was sent says nothing was charged and unlocks the form', () => {
    const error = new TeppanError({ kind: 'network' });
    const failed = run(paying, { type: 'failed', error }, { type: 'done' });
    expect(failed.state).toEqual({ step: 'failed', error });
    expect(isBusy(failed.state)).toBe(false);
    expect(failed.confirm).toBe(confirm);
  });
});
