import { describe, expect, it } from 'vitest';
import { errorFromProblem, TeppanError } from '../../core';
import { type BookingDraft, newDraft } from './draft';
import { initialSteps, refusalOf, type StepsAction, type StepsModel, stepsReducer } from './stepsReducer';

const filled: BookingDraft = {
  ...newDraft('qt_1234', '90012'),
  step: 3,
  day: '2030-06-01',
  slotId: '2030-06-01T18:00',
  address: { line1: '1 Main St', city: 'Los Angeles', zip: '90012' },
  customer: { name: 'Ana', email: 'ana@example.com', phone: '' },
};
const run = (model: StepsModel, ...actions: StepsAction[]) => actions.reduce(stepsReducer, model);
const review = initialSteps(filled, false);
const sending = run(review, { type: 'send', checking: false, offline: false });

const refusal = (status: number, code: string, extra: Record<string, unknown> = {}, errors?: { field: string; detail: string }[]) =>
  errorFromProblem(
    status,
    { type: 'about:blank', title: 'Refused', status, detail: 'The server’s words.', code, ...extra, errors: errors?.map((e) => ({ ...e, pointer: '' })) },
    1,
  );

describe('stepsReducer', () => {
  it('moves between steps, and the heading takes focus only when the step changes (or a quote was just handed over)', () => {
    expect(initialSteps(filled, true).focus).toBe(1);
    const start = initialSteps({ ...filled, step: 0 }, false);
    expect(start.focus).toBe(0);
    const moved = run(start, { type: 'go', step: 1 });
    expect(moved).toMatchObject({ draft: { step: 1 }, focus: 1 });
    expect(run(moved, { type: 'go', step: 1 }).focus).toBe(1);
  });

  it('shows a step’s own check at its fields, and a clean step clears the last message above the form', () => {
    const spent = refusal(409, 'quote-spent');
    const withBanner = run(review, { type: 'refused', error: spent });
    expect(run(withBanner, { type: 'checked', errors: { 'customer.email': { code: 'format' } } })).toMatchObject({
      errors: { 'customer.email': { code: 'format' } },
      banner: spent,
    });
    expect(run(withBanner, { type: 'checked', errors: {} }).banner).toBeNull();
  });

  it('writes the request into the draft before it leaves, and sends one at a time', () => {
    expect(sending.submission).toEqual({ status: 'sending', checking: false });
    expect(sending.draft.pending).toEqual({
      slotId: filled.slotId,
      quoteId: 'qt_1234',
      customer: filled.customer,
      address: filled.address,
      notes: '',
    });
    expect(stepsReducer(sending, { type: 'send', checking: true, offline: false })).toBe(sending);
    // Offline, the request is still kept, to be sent when the network is back.
    const offline = run(review, { type: 'send', checking: false, offline: true });
    expect(offline.submission).toEqual({ status: 'offline' });
    expect(offline.draft.pending).toEqual(sending.draft.pending);
  });

  it('re-sends the request byte for byte, with edits made while it was away kept in the draft', () => {
    const failed = run(sending, { type: 'edit', change: { notes: 'Gate code 1234' } }, { type: 'failed', error: new TeppanError({ kind: 'timeout' }) });
    expect(failed.submission).toMatchObject({ status: 'failed', uncertain: true });
    expect(failed.draft.notes).toBe('Gate code 1234');
    expect(failed.draft.pending?.notes).toBe('');
    const again = run(failed, { type: 'send', checking: false, offline: false });
    expect(again.draft.pending).toEqual(sending.draft.pending);
    expect(again.draft.idempotencyKey).toBe(filled.idempotencyKey);
  });

  it('a check on an earlier request keeps the message above the form; the visitor’s own send clears it', () => {
    const holds = refusal(409, 'too-many-holds');
    const withBanner = run(review, { type: 'refused', error: holds });
    expect(run(withBanner, { type: 'send', checking: true, offline: false }).banner).toBe(holds);
    expect(run(withBanner, { type: 'send', checking: false, offline: false }).banner).toBeNull();
  });

  it('the booking made: its id kept with the draft, the request answered, its outcome shown', () => {
    const created = run(sending, { type: 'created', bookingId: 'bk_1234' });
    expect(created).toMatchObject({ draft: { bookingId: 'bk_1234', pending: null }, submission: { status: 'idle' }, justCreated: true });
  });

  it('routes each refusal to where the visitor can fix it', () => {
    const adopted = run(sending, { type: 'refused', error: refusal(409, 'quote-booked', { bookingId: 'bk_9876' }) });
    expect(refusalOf(refusal(409, 'quote-booked', { bookingId: 'bk_9876' }))).toEqual({ kind: 'adopt', bookingId: 'bk_9876' });
    expect(adopted).toMatchObject({ draft: { bookingId: 'bk_9876', pending: null }, justCreated: true, adopted: true, banner: null });

    const full = refusal(409, 'seating-full');
    const taken = run(sending, { type: 'refused', error: full });
    expect(taken).toMatchObject({ draft: { step: 0, slotId: null, pending: null, customer: filled.customer }, banner: full, errors: {} });
    expect(taken.focus).toBe(1);

    const fields = run(sending, { type: 'refused', error: refusal(422, 'invalid', {}, [{ field: 'customer.email', detail: 'Check the email.' }]) });
    // The server's words travel with the field, for an English visitor when the widget has no words for its code.
    expect(fields).toMatchObject({ draft: { step: 2 }, errors: { 'customer.email': { detail: 'Check the email.' } }, banner: null });

    const quoteSpent = refusal(409, 'quote-spent');
    const spent = run(sending, { type: 'refused', error: quoteSpent });
    expect(spent).toMatchObject({ draft: { step: 3, slotId: filled.slotId, pending: null }, banner: quoteSpent, focus: 0 });
    expect(refusalOf(refusal(409, 'quote-spent'))).toEqual({ kind: 'notice' });
  });

  it('a key that already made another booking starts a fresh intent, and says so without guessing', () => {
    const error = refusal(422, 'idempotency-key-reused');
    const reused = run(sending, { type: 'key-reused', error, key: 'key-new' });
    expect(reused).toMatchObject({ draft: { idempotencyKey: 'key-new', pending: null }, submission: { status: 'failed', error, uncertain: false } });
  });

  it('after the hold expired, books the same details again under a new key; after paying keeps only the booking', () => {
    const created = run(sending, { type: 'created', bookingId: 'bk_1234' });
    const again = run(created, { type: 'book-again', key: 'key-again' });
    expect(again).toMatchObject({
      draft: { step: 0, slotId: null, bookingId: null, idempotencyKey: 'key-again', customer: filled.customer, address: filled.address },
      justCreated: false,
      adopted: false,
    });
    const paid = run(created, { type: 'paid' });
    expect(paid.draft).toMatchObject({ bookingId: 'bk_1234', customer: { name: '', email: '', phone: '' }, address: { line1: '', city: '' } });
    const another = run(paid, { type: 'book-another', draft: newDraft('qt_1234', '90012') });
    expect(another.draft.bookingId).toBeNull();
    expect(another.focus).toBeGreaterThan(paid.focus);
  });
});
