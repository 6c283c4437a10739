import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, createElement, type ReactElement, useEffect, useState } from 'react';
import { type Catalog, loadTranslation, pageEnvironment, resolveLocale, TeppanError, type TranslationLoaders } from '../core';
import { catalogQuery, prefetchCatalog, useTeppan } from '../query';
import { ErrorNotice, uiCss, useStyles } from '../ui';
import { useFirstScreen } from '../widgets/slots';
import type { WidgetSpec } from '../widgets/specs';
import { shellMessages } from './messages';
import { OnPage } from './pageWidgets';
import { WidgetBoundary } from './WidgetBoundary';
import { WidgetSkeleton } from './WidgetSkeleton';

/** `inline`: shown inside another widget (the booking form's deposit, say), not a widget of the page. */
export type ErrorHook = { onError?: (error: TeppanError) => void; inline?: boolean; locale?: string };

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
    /** The widget's other languages: the visitor's is imported alongside the code, not after it. */
    readonly translations?: TranslationLoaders<Catalog>,
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

function LazyView<P extends ErrorHook>({ chunk, props }: { chunk: Chunk<P>; props: P }) {
  useStyles(uiCss);
  const config = useTeppan();
  const client = useQueryClient();
  const [Loaded, setLoaded] = useState<ComponentType<P> | undefined>(() => chunk.loaded);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { onError } = props;
  const screen = useFirstScreen();
  const locale = resolveLocale([props.locale, config.locale], pageEnvironment());
  const { language } = locale;
  const shell = shellMessages(locale);
  const chunkFailed = shell('chunkFailed');

  // The catalog is requested at the same moment as the code, not after it, and the widget mounts once both are
  // here (as in the embed): it never suspends on its first read, so React's reveal throttle never holds it back.
  // And two widgets suspended on the one catalog while the page's widgets changed (a calculator mounted beside a
  // booking form) kept React re-rendering both, synchronously, so the read itself never landed.
  const [catalogRead, setCatalogRead] = useState(() => client.getQueryState(catalogQuery(config).queryKey)?.status === 'success');
  useEffect(() => {
    let live = true;
    // Settles when the read failed too: the widget then asks again itself, and shows the failure.
    void prefetchCatalog(client, config).then(() => live && setCatalogRead(true));
    return () => {
      live = false;
    };
  }, [client, config]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the import after a failure.
  useEffect(() => {
    if (Loaded) return;
    let live = true;
    // Its failure is the widget's to show (it reads the same import), with a retry that imports again.
    if (chunk.translations && language !== 'en') loadTranslation(chunk.translations, language).catch(() => {});
    chunk.fetch().then(
      (component) => live && setLoaded(() => component),
      (cause: unknown) => {
        if (!live) return;
        setFailed(true);
        onError?.(new TeppanError({ kind: 'network', userMessage: chunkFailed, cause }));
      },
    );
    return () => {
      live = false;
    };
  }, [Loaded, attempt, chunk, onError, language, chunkFailed]);

  const skeleton = <WidgetSkeleton spec={chunk.spec} screen={screen} locale={props.locale} />;
  if (failed) {
    return (
      <div className="teppan-root" lang={locale.tag}>
        <ErrorNotice
          error={{ userMessage: chunkFailed, retryable: true }}
          retryLabel={shell('tryAgain')}
          onRetry={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
        />
      </div>
    );
  }
  if (!Loaded || !catalogRead) return skeleton;
  return (
    <WidgetBoundary fallback={skeleton} onError={onError} locale={props.locale}>
      <Loaded {...props} />
    </WidgetBoundary>
  );
}

/**
 * A widget whose code is its own chunk. Unlike React.lazy, the code is fetched
 * by `import()` and the widget rendered once it is there, while a skeleton of
 * its real size holds the space: no Suspense reveal throttle on first paint,
 * and the catalog loads alongside the code. A failed import is offered again
 * instead of being cached as failed. It starts on the first screen the layer
 * above picked (the embed's runtime: what the loader reserved).
 */
export function chunkWidget<P extends ErrorHook>(spec: WidgetSpec, load: () => Promise<{ default: ComponentType<P> }>): LazyWidget<P> {
  const chunk = new Chunk(spec, load);
  return named(chunk, (props: P) => createElement(LazyView<P>, { chunk, props }));
}

/**
 * A widget of the React entry: a `chunkWidget` that also counts itself on the
 * page while mounted, and picks its own first screen from the page as the
 * embed's loader does (./pageWidgets.tsx).
 */
export function lazyWidget<P extends ErrorHook>(
  spec: WidgetSpec,
  load: () => Promise<{ default: ComponentType<P> }>,
  translations?: TranslationLoaders<Catalog>,
): LazyWidget<P> {
  const chunk = new Chunk(spec, load, translations);
  return named(chunk, (props: P) => createElement(OnPage, { spec, props }, createElement(LazyView<P>, { chunk, props })));
}

const named = <P,>(chunk: Chunk<P>, widget: (props: P) => ReactElement): LazyWidget<P> =>
  Object.assign(widget, {
    preload: () => chunk.fetch().then(() => undefined),
    displayName: `Teppan(${chunk.spec.name})`,
  });
