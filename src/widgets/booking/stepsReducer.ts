import { resourceId } from '../../contract';
import type { TeppanError } from '../../core';
import { type FieldProblems, serverProblems } from '../words';
import { type BookingDraft, paidDraft, rebookDraft, requestOf, type Step } from './draft';
import { stepOfField } from './validate';

export type Submission =
  | { status: 'idle' }
  | { status: 'sending'; checking: boolean }
  /** Not sent, or sent with no answer, while offline: sent again when the network is back. */
  | { status: 'offline' }
  /** Failed; `uncertain` means the server may have the booking, so a retry re-sends the same request. */
  | { status: 'failed'; error: TeppanError; uncertain: boolean };

/** One quote's booking as the visitor sees it: the draft (kept in localStorage) and what the form says about it. */
export interface StepsModel {
  draft: BookingDraft;
  /** Problems at the fields they concern (worded as the form renders). */
  errors: FieldProblems;
  /** A refusal said above the step, announced (worded as the form renders: ./BookingSteps.tsx). */
  banner: TeppanError | null;
  submission: Submission;
  /** Counts the moves the step's heading takes focus for (the visitor moved, or was sent back), so it is announced. */
  focus: number;
  /** The booking was made on this page view (not restored by a reload): its outcome takes focus. */
  justCreated: boolean;
  /** The booking shown is one the quote already had: no second one was made. */
  adopted: boolean;
}

export type StepsAction =
  /** The visitor typed or chose something. */
  | { type: 'edit'; change: Partial<BookingDraft> }
  /** "Continue", "Back", or "Edit" on the review. */
  | { type: 'go'; step: Step }
  /** The step's own check, before moving on. */
  | { type: 'checked'; errors: FieldProblems }
  /** The booking request leaves (`checking`: one sent earlier whose answer never came), or would but the device is offline. */
  | { type: 'send'; checking: boolean; offline: boolean }
  /** The server made the booking. */
  | { type: 'created'; bookingId: string }
  /** The server refused and kept nothing. */
  | { type: 'refused'; error: TeppanError }
  /** The key already made a booking from other details: a fresh intent with `key`. */
  | { type: 'key-reused'; error: TeppanError; key: string }
  /** No answer, and the device is offline: sent again when the network is back. */
  | { type: 'offline' }
  /** No answer: the server may have the booking. */
  | { type: 'failed'; error: TeppanError }
  /** The hold expired: the same details, a new intent under `key`. */
  | { type: 'book-again'; key: string }
  /** After paying: a new draft for another event. */
  | { type: 'book-another'; draft: BookingDraft }
  | { type: 'paid' };

/** The live booking a `quote-booked` refusal names. */
function bookingIdOf(error: TeppanError): string | null {
  const id = resourceId.safeParse((error.problem as { bookingId?: unknown } | undefined)?.bookingId);
  return id.success ? id.data : null;
}

/** What a refusal means for the form, and so what else is done about it. */
export type Refusal =
  /** This quote already holds a booking (another tab, a draft lost to a reload): show that one and its deposit. */
  | { kind: 'adopt'; bookingId: string }
  /** Someone else took the seating: fresh availability, the other fields untouched. */
  | { kind: 'seating-taken' }
  /** Fields to fix, on the first step that shows one. */
  | { kind: 'fields'; step: Step }
  /** Nothing on the form is wrong (the quote is spent, too many holds…): the server's words say what to do. */
  | { kind: 'notice' };

export function refusalOf(error: TeppanError): Refusal {
  const code = error.problem?.code;
  const existing = code === 'quote-booked' ? bookingIdOf(error) : null;
  if (existing) return { kind: 'adopt', bookingId: existing };
  if (code !== 'quote-spent' && code !== 'too-many-holds') {
    if (error.kind === 'conflict') return { kind: 'seating-taken' };
    const fields = Object.keys(error.fieldErrors);
    if (error.kind === 'validation' && fields.length > 0) return { kind: 'fields', step: Math.min(...fields.map(stepOfField)) as Step };
  }
  return { kind: 'notice' };
}

export const initialSteps = (draft: BookingDraft, focus: boolean): StepsModel => ({
  draft,
  errors: {},
  banner: null,
  submission: { status: 'idle' },
  focus: focus ? 1 : 0,
  justCreated: false,
  adopted: false,
});

/** The next draft; the heading takes focus when the visitor was moved to another step (or out of the form). */
function moved(model: StepsModel, draft: BookingDraft): StepsModel {
  const away = draft.step !== model.draft.step || draft.bookingId !== model.draft.bookingId;
  return { ...model, draft, focus: away ? model.focus + 1 : model.focus };
}

function refused(model: StepsModel, error: TeppanError): StepsModel {
  const draft = { ...model.draft, pending: null };
  const after: StepsModel = { ...model, submission: { status: 'idle' } };
  const refusal = refusalOf(error);
  switch (refusal.kind) {
    case 'adopt':
      return { ...moved(after, { ...draft, bookingId: refusal.bookingId }), banner: null, justCreated: true, adopted: true };
    case 'seating-taken':
      return { ...moved(after, { ...draft, slotId: null, step: 0 }), banner: error, errors: {} };
    case 'fields':
      return { ...moved(after, { ...draft, step: refusal.step }), errors: serverProblems(error), banner: refusal.step === 3 ? error : null };
    case 'notice':
      return { ...after, draft, banner: error };
  }
}

export function stepsReducer(model: StepsModel, action: StepsAction): StepsModel {
  const { draft } = model;
  switch (action.type) {
    case 'edit':
      return { ...model, draft: { ...draft, ...action.change } };
    case 'go':
      return moved(model, { ...draft, step: action.step });
    case 'checked':
      return { ...model, errors: action.errors, banner: Object.keys(action.errors).length > 0 ? model.banner : null };
    case 'send':
      if (model.submission.status === 'sending') return model;
      // Written into the draft before it leaves: until a definite answer, it is sent again byte for byte.
      return {
        ...model,
        draft: { ...draft, pending: draft.pending ?? requestOf(draft) },
        submission: action.offline ? { status: 'offline' } : { status: 'sending', checking: action.checking },
        // A send the visitor asked for (not a check on an earlier one) answers the last refusal's message.
        banner: action.checking ? model.banner : null,
      };
    case 'created':
      return { ...model, draft: { ...draft, pending: null, bookingId: action.bookingId }, submission: { status: 'idle' }, justCreated: true };
    case 'refused':
      return refused(model, action.error);
    case 'key-reused':
      return {
        ...model,
        draft: { ...draft, pending: null, idempotencyKey: action.key },
        submission: { status: 'failed', error: action.error, uncertain: false },
      };
    case 'offline':
      return { ...model, submission: { status: 'offline' } };
    case 'failed':
      return { ...model, submission: { status: 'failed', error: action.error, uncertain: true } };
    case 'book-again':
      return { ...moved(model, rebookDraft(draft, action.key)), justCreated: false, adopted: false };
    case 'book-another':
      return { ...moved(model, action.draft), justCreated: false, adopted: false };
    case 'paid':
      return { ...model, draft: paidDraft(draft) };
  }
}
