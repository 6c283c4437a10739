import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, createElement, type ReactElement, useEffect, useState } from 'react';
import { TeppanError } from '../core';
import { prefetchCatalog, useTeppan } from '../query';
import { ErrorNotice, uiCss, useStyles } from '../ui';
import type { WidgetSpec } from '../widgets/specs';
import { WidgetBoundary } from './WidgetBoundary';
import { WidgetSkeleton } from './WidgetSkeleton';

export type ErrorHook = { onError?: (error: TeppanError) => void };

export interface LazyWidget<P> {
  (props: P): ReactElement;
  /** Fetches the widget's code ahead of time (e.g. on hover); safe to call any number of times. */
  preload(): Promise<void>;
  displayName: string;
}

/** One widget's chunk: fetched once, remembered once loaded, fetched anew after a failure. */
class Chunk<P> {
  loaded: ComponentType<P> | undefined;
  private pending: Promise<ComponentType<P>> | undefined;

  constructor(
    readonly spec: WidgetSpec,
    private readonly load: () => Promise<{ default: ComponentType<P> }>,
  ) {}

  fetch(): Promise<ComponentType<P>> {
    this.pending ??= this.load().then(
      (m) => {
        this.loaded = m.default;
        return m.default;
      },
      (error: unknown) => {
        this.pending = undefined; // the next attempt imports again
        throw error;
      },
    );
    return this.pending;
  }
}

/** What a widget whose chunk did not load says (also the embed's, in src/embed/runtime.tsx). */
export const CHUNK_FAILED = 'This part of the page didn’t load. Check your connection and try again.';

function LazyView<P extends ErrorHook>({ chunk, props }: { chunk: Chunk<P>; props: P }) {
  useStyles(uiCss);
  const config = useTeppan();
  const client = useQueryClient();
  const [Loaded, setLoaded] = useState<ComponentType<P> | undefined>(() => chunk.loaded);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { onError } = props;

  // The catalog is requested at the same moment as the code, not after it.
  useEffect(() => {
    void prefetchCatalog(client, config);
  }, [client, config]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the import after a failure.
  useEffect(() => {
    if (Loaded) return;
    let live = true;
    chunk.fetch().then(
      (component) => live && setLoaded(() => component),
      (cause: unknown) => {
        if (!live) return;
        setFailed(true);
        onError?.(new TeppanError({ kind: 'network', userMessage: CHUNK_FAILED, cause }));
      },
    );
    return () => {
      live = false;
    };
  }, [Loaded, attempt, chunk, onError]);

  const skeleton = <WidgetSkeleton spec={chunk.spec} />;
  if (failed) {
    return (
      <div className="teppan-root">
        <ErrorNotice
          error={{ userMessage: CHUNK_FAILED, retryable: true }}
          onRetry={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
        />
      </div>
    );
  }
  if (!Loaded) return skeleton;
  return (
    <WidgetBoundary fallback={skeleton} onError={onError}>
      <Loaded {...props} />
    </WidgetBoundary>
  );
}

/**
 * A widget whose code is its own chunk. Unlike React.lazy, the code is fetched
 * by `import()` and the widget rendered once it is there, while a skeleton of
 * its real size holds the space: no Suspense reveal throttle on first paint,
 * and the catalog loads alongside the code. A failed import is offered again
 * instead of being cached as failed.
 */
export function lazyWidget<P extends ErrorHook>(spec: WidgetSpec, load: () => Promise<{ default: ComponentType<P> }>): LazyWidget<P> {
  const chunk = new Chunk(spec, load);
  const widget = (props: P) => createElement(LazyView<P>, { chunk, props });
  return Object.assign(widget, {
    preload: () => chunk.fetch().then(() => undefined),
    displayName: `Teppan(${spec.name})`,
  });
}
