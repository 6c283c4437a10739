import type { Booking } from '../../contract';

/**
 * Where the visitor is on the manage link. Every change is two steps, a choice and its confirmation, and only the
 * confirmation sends anything. A confirmation's Idempotency-Key is made as the visitor reaches it and kept for
 * every retry of it, so "Try again" after a lost answer never changes or refunds twice; a new choice gets a new key.
 */
export type ManageModel =
  | { step: 'view'; outcome?: Outcome }
  | { step: 'choose'; day: string | null; slotId: string | null; problem?: ChooseProblem }
  | { step: 'confirm-move'; slotId: string; key: string }
  | { step: 'cancel'; reason: string; key: string };

/** What the last confirmed change did, said above the booking as it now stands. */
export type Outcome = { kind: 'moved'; before: Booking } | { kind: 'cancelled'; refundCents: number };

/** Why the visitor is still choosing: nothing chosen, the current seating chosen, or the chosen one filled up meanwhile. */
export type ChooseProblem = 'none-chosen' | 'same-seating' | 'seating-full';

export type ManageAction =
  | { type: 'change'; day: string }
  | { type: 'pick'; day?: string; slotId?: string | null }
  | { type: 'review'; current: string; key: string }
  | { type: 'moved'; before: Booking }
  | { type: 'seating-full' }
  | { type: 'cancel'; key: string }
  | { type: 'reason'; reason: string }
  | { type: 'cancelled'; refundCents: number }
  | { type: 'back' };

export const initialManage: ManageModel = { step: 'view' };

export function manageReducer(model: ManageModel, action: ManageAction): ManageModel {
  switch (action.type) {
    case 'change':
      return { step: 'choose', day: action.day, slotId: null };
    case 'pick':
      if (model.step !== 'choose') return model;
      return { step: 'choose', day: action.day ?? model.day, slotId: action.slotId === undefined ? model.slotId : action.slotId };
    case 'review':
      if (model.step !== 'choose') return model;
      if (!model.slotId) return { ...model, problem: 'none-chosen' };
      if (model.slotId === action.current) return { ...model, problem: 'same-seating' };
      return { step: 'confirm-move', slotId: model.slotId, key: action.key };
    case 'moved':
      return { step: 'view', outcome: { kind: 'moved', before: action.before } };
    case 'seating-full':
      // Back to the seatings (refreshed by the caller), on the day that was chosen, nothing chosen on it.
      if (model.step !== 'confirm-move') return model;
      return { step: 'choose', day: model.slotId.slice(0, 10), slotId: null, problem: 'seating-full' };
    case 'cancel':
      return { step: 'cancel', reason: '', key: action.key };
    case 'reason':
      return model.step === 'cancel' ? { ...model, reason: action.reason } : model;
    case 'cancelled':
      return { step: 'view', outcome: { kind: 'cancelled', refundCents: action.refundCents } };
    case 'back':
      // From the confirmation back to the choice it confirms; from anywhere else, to the booking.
      if (model.step === 'confirm-move') return { step: 'choose', day: model.slotId.slice(0, 10), slotId: model.slotId };
      return { step: 'view' };
  }
}
