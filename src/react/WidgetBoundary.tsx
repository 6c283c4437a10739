import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode, Suspense, useContext } from 'react';
import { asTeppanError, callHost, type TeppanError } from '../core';
import { TeppanContext } from '../query';
import { ErrorNotice } from '../ui';

export interface WidgetBoundaryProps {
  /** Shown while code or data load; the widget's real size, so nothing shifts. */
  fallback: ReactNode;
  /** Told about errors that reach the boundary (after the notice is shown). */
  onError?: (error: TeppanError) => void;
  children: ReactNode;
}

interface CatchProps {
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
    // Even errors marked not retryable get a retry here: a remount re-reads everything.
    return (
      <div className="teppan-root">
        <ErrorNotice error={{ userMessage: error.userMessage, retryable: true }} onRetry={this.retry} />
      </div>
    );
  }
}

/**
 * Every widget renders inside one: an error boundary with TanStack's query
 * reset (so "Try again" refetches what failed) around a Suspense boundary.
 */
export function WidgetBoundary({ fallback, onError, children }: WidgetBoundaryProps) {
  // A page handler that throws is logged: it must not take the notice, and the page around it, down with it.
  const onLog = useContext(TeppanContext)?.onLog;
  const report = onError && ((error: TeppanError) => callHost(onLog, 'onError', onError, [error]));
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Catch onReset={reset} onError={report}>
          <Suspense fallback={fallback}>{children}</Suspense>
        </Catch>
      )}
    </QueryErrorResetBoundary>
  );
}
