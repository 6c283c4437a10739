import { TextAreaField, TextField } from '../../../ui';
import type { BookingDraft } from '../draft';
import type { FieldErrors } from '../validate';

interface StepProps {
  draft: BookingDraft;
  update: (change: Partial<BookingDraft>) => void;
  errors: FieldErrors;
}

/** Where the chef goes, and anything the chef should know. */
export function AddressStep({ draft, update, errors }: StepProps) {
  const set = (field: keyof BookingDraft['address']) => ({
    value: draft.address[field],
    onChange: (e: { target: { value: string } }) => update({ address: { ...draft.address, [field]: e.target.value } }),
    error: errors[`address.${field}`],
    'data-field': `address.${field}`,
  });
  return (
    <div className="teppan-booking__fields">
      <TextField label="Street address" autoComplete="street-address" {...set('line1')} required />
      <div className="teppan-booking__pair">
        <TextField label="City" autoComplete="address-level2" {...set('city')} required />
        <TextField label="ZIP code" autoComplete="postal-code" inputMode="numeric" maxLength={10} {...set('zip')} required />
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
export function ContactStep({ draft, update, errors }: StepProps) {
  const set = (field: keyof BookingDraft['customer']) => ({
    value: draft.customer[field],
    onChange: (e: { target: { value: string } }) => update({ customer: { ...draft.customer, [field]: e.target.value } }),
    error: errors[`customer.${field}`],
    'data-field': `customer.${field}`,
  });
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
