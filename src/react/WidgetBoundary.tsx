import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode, Suspense, useContext } from 'react';
import { asTeppanError, callHost, type TeppanError } from '../core';
import { TeppanContext } from '../query';
import { ErrorNotice } from '../ui';
import { useSharedMessages } from '../widgets/useMessages';
import { failureWords } from '../widgets/words';

export interface WidgetBoundaryProps {
  /** Shown while code or data load; the widget's real size, so nothing shifts. */
  fallback: ReactNode;
  /** Told about errors that reach the boundary (after the notice is shown). */
  onError?: (error: TeppanError) => void;
  /** The widget's own `locale` (prop or attribute): the notice speaks the widget's language. */
  locale?: string | undefined;
  children: ReactNode;
}

/** The boundary's notice in the widget's language (English until its words are here). */
function BoundaryNotice({ error, locale, onRetry }: { error: TeppanError; locale: string | undefined; onRetry: () => void }) {
  const words = useSharedMessages(locale);
  // Even errors marked not retryable get a retry here: a remount re-reads everything.
  return (
    <div className="teppan-root">
      <ErrorNotice error={{ userMessage: failureWords(words, error), retryable: true }} onRetry={onRetry} retryLabel={words.t('tryAgain')} />
    </div>
  );
}

interface CatchProps {
  locale: string | undefined;
  onReset: () => void;
  onError?: (error: TeppanError) => void;
  children: ReactNode;
}

/** Catches a render failure as the one error type (asTeppanError), so the notice always has words for the visitor. */
class Catch extends Component<CatchProps, { error: TeppanError | null }> {
  override state: { error: TeppanError | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: asTeppanError(error) };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo) {
    this.props.onError?.(asTeppanError(error));
  }

  retry = () => {
    this.props.onReset();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <BoundaryNotice error={error} locale={this.props.locale} onRetry={this.retry} />;
  }
}

/**
 * Every widget renders inside one: an error boundary with TanStack's query
 * reset (so "Try again" refetches what failed) around a Suspense boundary.
 */
export function WidgetBoundary({ fallback, onError, locale, children }: WidgetBoundaryProps) {
  // A page handler that throws is logged: it must not take the notice, and the page around it, down with it.
  const onLog = useContext(TeppanContext)?.onLog;
  const report = onError && ((error: TeppanError) => callHost(onLog, 'onError', onError, [error]));
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Catch onReset={reset} onError={report} locale={locale}>
          <Suspense fallback={fallback}>{children}</Suspense>
        </Catch>
      )}
    </QueryErrorResetBoundary>
  );
}
