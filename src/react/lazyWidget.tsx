import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, type ReactElement, useEffect, useState } from 'react';
import { TeppanError } from '../core';
import { prefetchCatalog, useTeppan } from '../query';
import { ErrorNotice, Skeleton, uiCss, useStyles } from '../ui';
import { WIDGET_MIN_HEIGHT, type WidgetName } from '../widgets/sizes';
import { WidgetBoundary } from './WidgetBoundary';

export interface LazyWidget<P> {
  (props: P): ReactElement;
  /** Fetches the widget's code ahead of time (e.g. on hover); safe to call any number of times. */
  preload(): Promise<void>;
  displayName: string;
}

const CHUNK_FAILED = 'This part of the page didn’t load. Check your connection and try again.';

/**
 * A widget whose code is its own chunk. Unlike React.lazy, the code is fetched
 * by `import()` and the widget rendered once it is there, while a skeleton of
 * its real size holds the space: no Suspense reveal throttle on first paint,
 * and the catalog is requested at the same moment, not after the code. A
 * failed import is offered again instead of being cached as failed.
 */
export function lazyWidget<P extends { onError?: (error: TeppanError) => void }>(
  name: WidgetName,
  label: string,
  load: () => Promise<{ default: ComponentType<P> }>,
): LazyWidget<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;

  const fetchCode = () => {
    pending ??= load().then(
      (m) => {
        loaded = m.default;
        return m.default;
      },
      (error: unknown) => {
        pending = undefined; // the next attempt imports again
        throw error;
      },
    );
    return pending;
  };

  function Widget(props: P) {
    useStyles(uiCss);
    const config = useTeppan();
    const client = useQueryClient();
    const [Loaded, setLoaded] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    const minHeight = WIDGET_MIN_HEIGHT[name];

    useEffect(() => {
      prefetchCatalog(client, config);
    }, [client, config]);

    // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the import after a failure.
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      fetchCode().then(
        (component) => live && setLoaded(() => component),
        (cause: unknown) => {
          if (!live) return;
          setFailed(true);
          props.onError?.(new TeppanError({ kind: 'network', userMessage: CHUNK_FAILED, cause }));
        },
      );
      return () => {
        live = false;
      };
    }, [Loaded, attempt]);

    const skeleton = (
      <div className="teppan-root">
        <Skeleton height={minHeight} label={`Loading the ${label}`} />
      </div>
    );
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
      <WidgetBoundary fallback={skeleton} onError={props.onError}>
        <Loaded {...props} />
      </WidgetBoundary>
    );
  }

  Widget.preload = () => fetchCode().then(() => undefined);
  Widget.displayName = `Teppan(${name})`;
  return Widget;
}
