import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { type Locale, pageEnvironment, resolveLocale, TeppanError } from '../core';
import { createTeppanConfig, pageQueryClient, prefetchCatalog, type TeppanConfig, TeppanContext } from '../query';
import { WidgetBoundary, WidgetSkeleton } from '../react';
import { chunkWidget } from '../react/lazyWidget';
import { shellMessages } from '../react/messages';
import { StyleRootContext } from '../ui';
import { bringIntoView } from '../widgets/onPage';
import { paymentSpec } from '../widgets/payment/spec';
import { quoteSpec } from '../widgets/quote/spec';
import { FirstScreenContext, type WidgetSlots, WidgetSlotsContext } from '../widgets/slots';
import { camelCase, tagOf, WIDGET_SPECS, type WidgetSpec } from '../widgets/specs';
import { propsFromAttributes } from './attributes';
import { EVENTS } from './events';
import type { ChunkSource } from './loader/chunks';
import type { WidgetElement } from './loader/context';
import type { EmbedConfig, EmbedRuntime } from './types';

/**
 * The shared runtime of the embed: React, the query client, the HTTP client.
 * Loaded once per page however many elements there are; every element's
 * widget renders into its own shadow root with this one client and cache.
 */
const configs = new Map<string, TeppanConfig>();

function configFor(c: EmbedConfig): TeppanConfig {
  const id = `${c.api}|${c.key}|${c.locale ?? ''}`;
  let config = configs.get(id);
  if (!config) {
    config = createTeppanConfig({ publishableKey: c.key, apiBase: c.api, locale: c.locale, onLog: c.onLog });
    configs.set(id, config);
  }
  return config;
}

/** Callback props that become bubbling, composed CustomEvents on the element. */
function eventProps(host: HTMLElement): Record<string, (detail: unknown) => void> {
  const props: Record<string, (detail: unknown) => void> = {};
  for (const [prop, type] of Object.entries(EVENTS)) {
    props[prop] = (detail) => {
      host.dispatchEvent(new CustomEvent(type, { detail: detail instanceof TeppanError ? errorDetail(detail) : detail, bubbles: true, composed: true }));
    };
  }
  return props;
}

/**
 * What a host page gets of an error: plain data, no stack. A cause only when it is a string: why a widget's
 * chunk did not load (the browser's words and the URL), never an object of ours.
 */
function errorDetail(e: TeppanError) {
  const cause = typeof e.cause === 'string' ? e.cause : undefined;
  return { kind: e.kind, status: e.status, message: e.userMessage, retryable: e.retryable, fieldErrors: e.fieldErrors, ...(cause && { cause }) };
}

/**
 * Props that follow from the element rather than its attributes (kept out of
 * the loader, where every byte is paid by every page): which of several
 * elements of one kind it is, and for a launcher widget, its `open` attribute.
 */
function elementProps(host: HTMLElement, shadow: ShadowRoot, spec: WidgetSpec, props: Record<string, unknown>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  const instance = spec.instanceAttribute && camelCase(spec.instanceAttribute);
  if (instance && props[instance] === undefined) {
    // Without its instance attribute, a second element of one kind is told apart by its id, else its place.
    const index = Array.from(document.querySelectorAll(tagOf(spec))).indexOf(host);
    if (host.id || index > 0) extra[instance] = host.id || String(index);
  }
  if (spec.launcher) {
    // The element's button and `open` attribute run the widget: it draws no launcher of its own.
    extra.launcher = false;
    extra.open = host.hasAttribute('open');
    extra.onOpenChange = (open: boolean) => {
      host.toggleAttribute('open', open);
      if (!open) shadow.querySelector<HTMLElement>('.teppan-launcher')?.focus();
    };
  }
  return extra;
}

/** The page's elements as the loader keeps them (in the document or inside other shadow roots): the first mount hands them over. */
let pageElements: Iterable<WidgetElement> = [];

// A widget's wake-up event (a quote chosen, a booking made) is raised by another widget, so only once this runtime
// runs: it listens, not the loader, which then carries no wake-up rules.
for (const spec of WIDGET_SPECS) {
  const wakeOn = spec.wakeOn;
  if (wakeOn)
    document.addEventListener(wakeOn.event, () => {
      for (const el of pageElements) {
        if (el.localName === tagOf(spec) && !(wakeOn.unlessAttribute && el.hasAttribute(wakeOn.unlessAttribute)) && el.wake()) bringIntoView(el);
      }
    });
}

/** How long a widget waits for its catalog before it shows its skeleton instead (ms). */
const SKELETON_AFTER = 300;

let slots: WidgetSlots | undefined;

/**
 * The widgets shown inside others, loaded as the loader loads any widget (no second way to fetch code), with the
 * messages of the first widget's language alongside (a widget in another language imports its own as it renders).
 */
function slotsFor(chunks: ChunkSource, locale: Locale): WidgetSlots {
  slots ??= {
    Payment: chunkWidget<Record<string, unknown>>(paymentSpec, () => chunks.widget(paymentSpec.name, locale.language)),
    Quote: chunkWidget<Record<string, unknown>>(quoteSpec, () => chunks.widget(quoteSpec.name, locale.language)),
  };
  return slots;
}

/**
 * A widget chunk that did not load is reported here rather than in the loader, which every page pays for:
 * a launcher's button says so and is pressed again to retry; any other widget shows the notice and
 * "Try again" of a lazy widget (as in the React build), whose retry fetches the chunk afresh.
 */
function failedWidget(
  host: HTMLElement,
  shadow: ShadowRoot,
  spec: WidgetSpec,
  chunks: ChunkSource,
  cause: string,
  onError: (e: TeppanError) => void,
  locale: Locale,
) {
  if (spec.launcher) {
    const failed = shellMessages(locale)('chunkFailed');
    host.removeAttribute('open');
    shadow.querySelector('.teppan-launcher')?.setAttribute('aria-label', failed);
    onError(new TeppanError({ kind: 'network', userMessage: failed, cause }));
    return undefined;
  }
  let first = true;
  return chunkWidget<Record<string, unknown>>(spec, () => {
    // The first attempt is the one that just failed: its notice shows at once, and a retry imports again. Either way
    // the rejection is a string, which the page's teppan:error carries as its `cause`.
    if (!first) return chunks.widget(spec.name, locale.language).catch((e: unknown) => Promise.reject(String(e)));
    first = false;
    return Promise.reject(cause);
  });
}

export const mount: EmbedRuntime['mount'] = (host, widget, loader) => {
  pageElements = loader.elements;
  const shadow = host.shadowRoot as ShadowRoot;
  const container = shadow.querySelector('[part=slot]') as HTMLElement;
  const spec = WIDGET_SPECS.find((s) => tagOf(s) === host.localName) as WidgetSpec;
  const chunks = loader.chunks;
  const events = eventProps(host);
  // The loader mounts only once it has settings; its catalog request (made as the code was requested) is remembered.
  const embedConfig = loader.config;
  // What the element speaks before its widget does (its launcher, a chunk that did not load): as the loader decided.
  const locale = resolveLocale([host.getAttribute('locale'), embedConfig.locale], pageEnvironment());
  const Widget =
    typeof widget === 'string' ? failedWidget(host, shadow, spec, chunks, widget, events.onError as (e: TeppanError) => void, locale) : widget.default;
  if (!Widget) return undefined;
  const config = configFor(embedConfig);
  // Settles once the catalog is in the page's cache, or its read failed (the widget then asks again itself).
  const catalogRead = prefetchCatalog(pageQueryClient(), config, loader.catalog());
  // Whatever held the place (the "Show the …" button) goes; if it had focus, the widget's first control takes it.
  const hadFocus = shadow.activeElement !== null;
  container.replaceChildren();
  const root = createRoot(container);
  let mounted = true;
  const render = () => {
    if (!mounted) return;
    const attributes = propsFromAttributes(spec, host);
    const p = { ...attributes, ...elementProps(host, shadow, spec, attributes) };
    // The screen the loader reserved: the widget starts there (src/widgets/screens.ts).
    const screen = container.dataset.screen ?? '';
    // The widget's own language, for what shows before or instead of it (its placeholder, its error notice).
    const ownLocale = host.getAttribute('locale') ?? undefined;
    root.render(
      <QueryClientProvider client={pageQueryClient()}>
        <TeppanContext.Provider value={config}>
          <StyleRootContext.Provider value={shadow}>
            <WidgetSlotsContext.Provider value={slotsFor(chunks, locale)}>
              <FirstScreenContext.Provider value={screen}>
                <WidgetBoundary fallback={<WidgetSkeleton spec={spec} screen={screen} locale={ownLocale} />} onError={events.onError} locale={ownLocale}>
                  <Widget {...p} {...events} />
                </WidgetBoundary>
              </FirstScreenContext.Provider>
            </WidgetSlotsContext.Provider>
          </StyleRootContext.Provider>
        </TeppanContext.Provider>
      </QueryClientProvider>,
    );
  };
  // One render, with the catalog in the cache. It was requested alongside the code, so it is usually here and only
  // waits to be parsed: rendering before that would draw the skeleton and, a moment later, the widget over it (and
  // React holds a revealed boundary back 300 ms). A catalog still on its way after SKELETON_AFTER gets the skeleton.
  Promise.race([catalogRead, new Promise((after) => setTimeout(after, SKELETON_AFTER))]).then(() => {
    render();
    // A launcher widget moves focus itself when it opens.
    if (hadFocus && !spec.launcher) requestAnimationFrame(() => shadow.querySelector<HTMLElement>('input, button, select, textarea')?.focus());
  });
  // Attributes are props: a change re-renders (the loader watches none, to stay small). So does another first screen,
  // which the loader picks again when an element comes or goes (a calculator added to the page).
  const watch = new MutationObserver(render);
  watch.observe(host, { attributeFilter: Object.keys(spec.attributes) });
  watch.observe(container, { attributeFilter: ['data-screen'] });
  // The reserve holds the first screen's place until the visitor acts in the widget; from then on it is as tall as
  // what it shows (the booking form's calculator giving way to its seatings, a step shorter than the one before): a
  // shift right after the visitor's own input, which is not layout shift. After the click, not on its pointerdown: a
  // page scrolled to its end that shrank between the press and the release moved the button from under the pointer,
  // and the click was lost (a widget last on its page, as the manage link's is).
  const acted = new AbortController();
  for (const type of ['click', 'keydown'])
    host.addEventListener(
      type,
      () => {
        container.style.minHeight = '0';
        acted.abort();
      },
      { signal: acted.signal },
    );
  if (spec.launcher) shadow.querySelector('.teppan-launcher')?.setAttribute('aria-label', spec.launcher.name[locale.language]);
  return {
    unmount: () => {
      mounted = false;
      watch.disconnect();
      acted.abort();
      container.style.minHeight = '';
      root.unmount();
    },
  };
};
