import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import css from './ui.css?inline';
import { useStyles } from './useStyles';

interface FieldBase {
  /** Visible label; also the accessible name tests and screen readers use. */
  label: string;
  hint?: string;
  /** The message shown beside the field and announced; empty when valid. */
  error?: string | undefined;
}

function useFieldIds(error: string | undefined, hint: string | undefined) {
  useStyles(css);
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', errorId].filter(Boolean).join(' ');
  return { id, errorId, hintId, describedBy, invalid: error ? (true as const) : undefined };
}

function Messages({ hint, hintId, error, errorId }: { hint?: string; hintId: string; error?: string | undefined; errorId: string }) {
  return (
    <>
      {hint ? (
        <p className="teppan-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {/* Always present, so screen readers announce a message the moment it appears. */}
      <p className="teppan-field__error" id={errorId} aria-live="polite" part="field-error">
        {error}
      </p>
    </>
  );
}

interface ShellProps extends FieldBase {
  control: (ids: { id: string; describedBy: string; invalid: true | undefined }) => ReactNode;
}

/** Label, control, hint and error, tied together with ids; the one layout every field shares. */
function FieldShell({ label, hint, error, control }: ShellProps) {
  const ids = useFieldIds(error, hint);
  return (
    <div className="teppan-field">
      <label className="teppan-field__label" htmlFor={ids.id} part="label">
        {label}
      </label>
      {/* One box under the label, so fields side by side (.teppan-field-row) share two rows: label, and the rest. */}
      <div className="teppan-field__body">
        {control(ids)}
        <Messages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
      </div>
    </div>
  );
}

export type TextFieldProps = FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  return (
    <FieldShell
      label={label}
      hint={hint}
      error={error}
      control={({ id, describedBy, invalid }) => (
        <input {...input} id={id} className="teppan-field__input" part="input" aria-invalid={invalid} aria-describedby={describedBy} />
      )}
    />
  );
}

export type TextAreaFieldProps = FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

export function TextAreaField({ label, hint, error, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell
      label={label}
      hint={hint}
      error={error}
      control={({ id, describedBy, invalid }) => (
        <textarea {...textarea} id={id} className="teppan-field__input" part="input" aria-invalid={invalid} aria-describedby={describedBy} />
      )}
    />
  );
}
