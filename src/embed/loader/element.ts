import { reserveCss, type WidgetSpec } from '../../widgets/specs';
import { camelCase, propsFromAttributes } from '../attributes';
import type { MountedWidget } from '../types';
import type { LoaderContext, WidgetElement } from './context';
import { strategyOf, whenToLoad } from './strategy';

const HOST_CSS = `
:host { display: block !important; }
:host([hidden]) { display: none !important; }
/* A size container in the widget's own font size, so reservations follow the widget's width, not the page's type. */
.teppan-frame { container-type: inline-size; font-size: var(--teppan-font-size, medium); }
.teppan-slot { box-sizing: border-box; }
.teppan-notice { box-sizing: border-box; display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center; padding: .75em 1em;
  border: 1px solid var(--teppan-color-danger, #b42318); border-radius: var(--teppan-radius, 8px);
  background: var(--teppan-color-danger-surface, #fef3f2); color: var(--teppan-color-danger-text, #7a271a);
  font: 1em/1.5 var(--teppan-font, system-ui, sans-serif); }
.teppan-notice p { margin: 0; flex: 1 1 14em; }
.teppan-notice button, .teppan-load { font: inherit; min-height: 2.5em; padding: .4em .9em; border: 1px solid currentColor;
  border-radius: var(--teppan-radius, 8px); background: transparent; color: inherit; cursor: pointer; }
.teppan-load { font: 1em var(--teppan-font, system-ui, sans-serif); color: var(--teppan-color-accent, #b42318); }
`;

let hostSheet: CSSStyleSheet | undefined;
const reserveSheets = new Map<string, CSSStyleSheet>();

function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

const FAILED = 'This part of the page didn’t load. Check your connection and try again.';

/**
 * The element class of one widget. Before its code arrives it reserves the
 * widget's size in its shadow root; its `loading` attribute decides when the
 * code is fetched; attributes become props; removal unmounts and lets go of
 * every observer and listener it set up.
 */
export function elementClass(spec: WidgetSpec, ctx: LoaderContext): CustomElementConstructor {
  return class TeppanElement extends HTMLElement implements WidgetElement {
    static observedAttributes = Object.keys(spec.attributes);
    private readonly root: ShadowRoot;
    private readonly frame: HTMLDivElement;
    private mounted: MountedWidget | undefined;
    private cancelWait: (() => void) | undefined;
    private generation = 0;

    constructor() {
      super();
      this.root = this.attachShadow({ mode: 'open' });
      hostSheet ??= sheet(HOST_CSS);
      const reserve = reserveSheets.get(spec.name) ?? sheet(reserveCss(spec));
      reserveSheets.set(spec.name, reserve);
      // Constructed stylesheets, not <style> or style attributes: strict CSPs allow them.
      this.root.adoptedStyleSheets = [hostSheet, reserve];
      const container = document.createElement('div');
      container.className = 'teppan-frame';
      this.frame = document.createElement('div');
      this.frame.className = 'teppan-slot';
      this.frame.setAttribute('part', 'slot');
      container.append(this.frame);
      this.root.append(container);
    }

    connectedCallback() {
      ctx.elements.add(this);
      const strategy = strategyOf(this);
      if (strategy === 'interaction') this.showLoadButton();
      this.cancelWait = whenToLoad(this, strategy, () => {
        this.cancelWait = undefined;
        void this.load();
      });
    }

    disconnectedCallback() {
      ctx.elements.delete(this);
      this.cancelWait?.();
      this.cancelWait = undefined;
      this.generation++; // a load still under way will not mount
      if (this.mounted) {
        this.mounted.unmount();
        this.mounted = undefined;
        ctx.mounted.delete(this);
      }
      this.frame.replaceChildren();
    }

    /** Load now, whatever `loading` says, and bring the element into view (its spec's `wakeOn` event happened). */
    wake() {
      if (!this.cancelWait) return; // already loading or loaded
      this.cancelWait();
      this.cancelWait = undefined;
      void this.load();
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      this.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    }

    attributeChangedCallback() {
      this.mounted?.update(this.props());
    }

    /** Attributes as props; without its instance attribute, a second element of the same kind is told apart by its id, else its place. */
    private props() {
      const props: Record<string, unknown> = propsFromAttributes(spec, this);
      const instance = spec.instanceAttribute && camelCase(spec.instanceAttribute);
      if (instance && props[instance] === undefined) {
        const index = Array.from(document.querySelectorAll(spec.tag)).indexOf(this);
        if (this.id || index > 0) props[instance] = this.id || String(index);
      }
      return props;
    }

    private showLoadButton() {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'teppan-load';
      button.textContent = `Show the ${spec.label}`;
      this.frame.replaceChildren(button);
    }

    private async load() {
      const generation = ++this.generation;
      const config = ctx.config();
      if (!config) {
        // A page may configure Teppan later than the loader runs: wait for it, and say what is missing.
        console.warn(`Teppan: <${spec.tag}> is waiting for a publishable key: add data-key="pk_…" to the script tag, or call Teppan('init', { key: 'pk_…' }).`);
        ctx.whenConfigured(() => {
          if (generation === this.generation && this.isConnected) void this.load();
        });
        return;
      }
      ctx.chunks.preload(spec);
      const catalog = ctx.catalog(config);
      try {
        const [runtime, widget] = await Promise.all([ctx.chunks.runtime(), ctx.chunks.widget(spec)]);
        if (generation !== this.generation || !this.isConnected) return;
        const hadFocus = this.root.activeElement !== null;
        this.frame.replaceChildren();
        this.mounted = runtime.mount({
          host: this,
          shadow: this.root,
          container: this.frame,
          spec,
          widget: widget.default,
          props: this.props(),
          config,
          catalog,
          loadWidget: (other) => {
            ctx.chunks.preload(other);
            return ctx.chunks.widget(other);
          },
        });
        ctx.mounted.add(this);
        if (hadFocus) requestAnimationFrame(() => (this.root.querySelector('input, button, select, textarea') as HTMLElement | null)?.focus());
      } catch (cause) {
        if (generation !== this.generation) return;
        this.showFailure(cause);
      }
    }

    /** In place of the widget, and only there: the rest of the page is not this element's business. */
    private showFailure(cause: unknown) {
      const notice = document.createElement('div');
      notice.className = 'teppan-notice';
      notice.setAttribute('role', 'alert');
      notice.setAttribute('part', 'error');
      const text = document.createElement('p');
      text.textContent = FAILED;
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.textContent = 'Try again';
      retry.addEventListener('click', () => {
        this.frame.replaceChildren();
        void this.load();
      });
      notice.append(text, retry);
      this.frame.replaceChildren(notice);
      this.dispatchEvent(
        new CustomEvent('teppan:error', {
          detail: { kind: 'network', message: FAILED, retryable: true, cause: String(cause) },
          bubbles: true,
          composed: true,
        }),
      );
    }
  };
}
