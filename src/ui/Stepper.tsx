import css from './ui.css?inline';
import { useStyles } from './useStyles';

export interface StepperProps {
  steps: readonly string[];
  /** Index of the current step. */
  current: number;
  label: string;
  /** Said before each step already done (screen readers only). */
  done?: string;
}

/** Where the visitor is in a multi-step form; the current step carries aria-current. */
export function Stepper({ steps, current, label, done = 'Done: ' }: StepperProps) {
  useStyles(css);
  return (
    <ol className="teppan-stepper" aria-label={label}>
      {steps.map((step, i) => (
        <li key={step} className="teppan-stepper__step" aria-current={i === current ? 'step' : undefined}>
          <span className="teppan-sr-only">{i < current ? done : ''}</span>
          {i + 1}. {step}
        </li>
      ))}
    </ol>
  );
}
