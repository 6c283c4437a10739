import type { ButtonHTMLAttributes } from 'react';
import css from './ui.css?inline';
import { useStyles } from './useStyles';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  variant?: 'primary' | 'secondary';
  /** Shows the action is under way; the button stays focusable and ignores clicks meanwhile. */
  busy?: boolean;
}

export function Button({ variant = 'primary', busy = false, onClick, type = 'button', children, ...rest }: ButtonProps) {
  useStyles(css);
  return (
    <button
      {...rest}
      type={type}
      className={`teppan-button${variant === 'secondary' ? ' teppan-button--secondary' : ''}`}
      part={`button button-${variant}`}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      // Not `disabled` while busy: a disabled button drops focus to <body> for keyboard users.
      onClick={busy ? (e) => e.preventDefault() : onClick}
    >
      {children}
    </button>
  );
}
