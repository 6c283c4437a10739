import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { TeppanError } from '../core';
import { createTeppanConfig, pageQueryClient, prefetchCatalog, type TeppanConfig, TeppanContext } from '../query';
import { WidgetBoundary, WidgetSkeleton } from '../react';
import { lazyWidget } from '../react/lazyWidget';
import { StyleRootContext } from '../ui';
import { paymentSpec } from '../widgets/payment/spec';
import { type WidgetSlots, WidgetSlotsContext } from '../widgets/slots';
import { tagOf } from '../widgets/specs';
import { camelCase } from './attributes';
import { EVENTS } from './events';
import type { EmbedConfig, EmbedRuntime, MountOptions } from './types';

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

/** What a host page gets of an error: plain data, no stack or cause. */
function errorDetail(e: TeppanError) {
  return { kind: e.kind, status: e.status, message: e.userMessage, retryable: e.retryable, fieldErrors: e.fieldErrors };
}

/**
 * Props that follow from the element rather than its attributes (kept out of
 * the loader, where every byte is paid by every page): which of several
 * elements of one kind it is, and for a launcher widget, its `open` attribute.
 */
function elementProps(host: HTMLElement, shadow: ShadowRoot, spec: MountOptions['spec'], props: Record<string, unknown>): Record<string, unknown> {
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

let slots: WidgetSlots | undefined;

/** The widgets shown inside others, loaded as the loader loads any widget (no second way to fetch code). */
function slotsFor(load: MountOptions['loadWidget']): WidgetSlots {
  slots ??= { Payment: lazyWidget<Record<string, unknown>>(paymentSpec, () => load(paymentSpec)) };
  return slots;
}

export const mount: EmbedRuntime['mount'] = ({ host, shadow, container, spec, widget: Widget, props, config: embedConfig, catalog, loadWidget }) => {
  const config = configFor(embedConfig);
  prefetchCatalog(pageQueryClient(), config, catalog);
  const root = createRoot(container);
  const events = eventProps(host);
  const render = (attributes: Record<string, unknown>) => {
    const p = { ...attributes, ...elementProps(host, shadow, spec, attributes) };
    root.render(
      <QueryClientProvider client={pageQueryClient()}>
        <TeppanContext.Provider value={config}>
          <StyleRootContext.Provider value={shadow}>
            <WidgetSlotsContext.Provider value={slotsFor(loadWidget)}>
              <WidgetBoundary fallback={<WidgetSkeleton spec={spec} />} onError={events.onError}>
                <Widget {...p} {...events} />
              </WidgetBoundary>
            </WidgetSlotsContext.Provider>
          </StyleRootContext.Provider>
        </TeppanContext.Provider>
      </QueryClientProvider>,
    );
  };
  render(props);
  return { update: render, unmount: () => root.unmount() };
};
