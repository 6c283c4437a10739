import { TextAreaField, TextField } from '../../../ui';
import type { BookingDraft } from '../draft';
import type { FieldErrors } from '../validate';

interface StepProps {
  draft: BookingDraft;
  update: (change: Partial<BookingDraft>) => void;
  errors: FieldErrors;
}

/** Value, change handler, error and focus target of one text field of a draft group. */
function binder<G extends 'address' | 'customer'>({ draft, update, errors }: StepProps, group: G) {
  return (field: keyof BookingDraft[G] & string) => ({
    value: (draft[group] as Record<string, string>)[field] ?? '',
    onChange: (e: { target: { value: string } }) => update({ [group]: { ...draft[group], [field]: e.target.value } }),
    error: errors[`${group}.${field}`],
    'data-field': `${group}.${field}`,
  });
}

/** Where the chef goes, and anything the chef should know. */
export function AddressStep(props: StepProps) {
  const { draft, update, errors } = props;
  const set = binder(props, 'address');
  return (
    <div className="teppan-booking__fields">
      <TextField label="Street address" autoComplete="street-address" {...set('line1')} required />
      <div className="teppan-booking__pair">
        <TextField label="City" autoComplete="address-level2" {...set('city')} required />
        <TextField label="ZIP code" autoComplete="postal-code" inputMode="numeric" {...set('zip')} required />
      </div>
      <TextAreaField
        label="Notes"
        hint="Allergies, parking, where to set up: anything the chef should know."
        value={draft.notes}
        onChange={(e) => update({ notes: e.target.value })}
        error={errors.notes}
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
      <TextField label="Name" autoComplete="name" {...set('name')} required />
      <div className="teppan-booking__pair">
        <TextField label="Email" type="email" autoComplete="email" {...set('email')} required />
        <TextField label="Phone" type="tel" autoComplete="tel" {...set('phone')} required />
      </div>
    </div>
  );
}
