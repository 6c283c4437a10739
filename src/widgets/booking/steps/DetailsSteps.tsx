import { TextAreaField, TextField } from '../../../ui';
import type { BookingDraft } from '../draft';
import type { BookingWords } from '../messages/en';

interface StepProps {
  words: BookingWords;
  draft: BookingDraft;
  update: (change: Partial<BookingDraft>) => void;
  /** The message beside a field (by its path), in the visitor's language; undefined when it has none. */
  errorAt: (field: string) => string | undefined;
}

/** Label, value, change handler, error and focus target of one text field of a draft group. */
function binder<G extends 'address' | 'customer'>({ words, draft, update, errorAt }: StepProps, group: G) {
  return (field: keyof BookingDraft[G] & string) => ({
    label: words.word(`label.${group}.${field}`) ?? field,
    value: (draft[group] as Record<string, string>)[field] ?? '',
    onChange: (e: { target: { value: string } }) => update({ [group]: { ...draft[group], [field]: e.target.value } }),
    error: errorAt(`${group}.${field}`),
    'data-field': `${group}.${field}`,
  });
}

/** Where the chef goes, and anything the chef should know. */
export function AddressStep(props: StepProps) {
  const { words, draft, update, errorAt } = props;
  const set = binder(props, 'address');
  return (
    <div className="teppan-booking__fields">
      <TextField autoComplete="street-address" {...set('line1')} required />
      <div className="teppan-field-row teppan-booking__pair">
        <TextField autoComplete="address-level2" {...set('city')} required />
        <TextField autoComplete="postal-code" inputMode="numeric" {...set('zip')} required />
      </div>
      <TextAreaField
        label={words.t('label.notes')}
        hint={words.t('notesHint')}
        value={draft.notes}
        onChange={(e) => update({ notes: e.target.value })}
        error={errorAt('notes')}
        data-field="notes"
        rows={3}
      />
    </div>
  );
}

/** Who the business calls and emails about this event. */
export function ContactStep(props: StepProps) {
  const set = binder(props, 'customer');
  return (
    <div className="teppan-booking__fields">
      <TextField autoComplete="name" {...set('name')} required />
      <div className="teppan-field-row teppan-booking__pair">
        <TextField type="email" autoComplete="email" {...set('email')} required />
        <TextField type="tel" autoComplete="tel" {...set('phone')} required />
      </div>
    </div>
  );
}
