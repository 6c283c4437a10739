import { useId } from 'react';
import type { TeppanError } from '../core';
import css from './ui.css?inline';
import { useStyles } from './useStyles';

export interface ErrorNoticeProps {
  /** The failure; its `userMessage` is shown as text, never as HTML. */
  error: Pick<TeppanError, 'userMessage' | 'retryable'>;
  /** Offered as "Try again" when the error is one a retry can fix. */
  onRetry?: () => void;
  retryLabel?: string;
}

/** An error in place of the thing that failed, announced to screen readers, with a retry where it can work. */
export function ErrorNotice({ error, onRetry, retryLabel = 'Try again' }: ErrorNoticeProps) {
  useStyles(css);
  const id = useId();
  return (
    <div className="teppan-error" role="alert" part="error">
      <p className="teppan-error__message" id={id}>
        {error.userMessage}
      </p>
      {onRetry && error.retryable ? (
        <button type="button" className="teppan-error__retry" onClick={onRetry} aria-describedby={id}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
}
