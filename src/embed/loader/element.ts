import { reserveCss, tagOf, type WidgetSpec } from '../../widgets/specs';
import { propsFromAttributes } from '../attributes';
import type { MountedWidget } from '../types';
import type { LoaderContext, WidgetElement } from './context';
// Through Vite's CSS pipeline: minified into the loader, where every byte is paid by every page.
import HOST_CSS from './host.css?inline';
import { strategyOf, whenToLoad } from './strategy';

let hostSheet: CSSStyleSheet | undefined;
const reserveSheets = new Map<string, CSSStyleSheet>();

function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

/** A button the element draws itself, before any widget code. */
function ownButton(text: string, className: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = text;
  return button;
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
    #root: ShadowRoot;
    #frame: HTMLDivElement;
    #mounted: MountedWidget | undefined;
    #cancelWait: (() => void) | undefined;
    #generation = 0;
    #launcher: HTMLButtonElement | undefined;
    #loading = false;

    constructor() {
      super();
      this.#root = this.attachShadow({ mode: 'open' });
      hostSheet ??= sheet(HOST_CSS);
      const reserve = reserveSheets.get(spec.name) ?? sheet(reserveCss(spec));
      reserveSheets.set(spec.name, reserve);
      // Constructed stylesheets, not <style> or style attributes: strict CSPs allow them.
      this.#root.adoptedStyleSheets = [hostSheet, reserve];
      const container = document.createElement('div');
      container.className = 'teppan-frame';
      this.#frame = document.createElement('div');
      this.#frame.className = 'teppan-slot';
      this.#frame.setAttribute('part', 'slot');
      container.append(this.#frame);
      this.#root.append(container);
      if (spec.launcher) this.#root.append(this.#drawLauncher(spec.launcher));
    }

    /** The launcher, drawn here so it is there at once: hover or focus fetches the code, a press opens the widget. */
    #drawLauncher({ name, text }: { name: string; text: string }) {
      const button = ownButton(text, 'teppan-b teppan-launcher');
      button.setAttribute('part', 'launcher');
      button.setAttribute('aria-label', name);
      const prefetch = () => ctx.chunks.preload(spec);
      button.addEventListener('pointerenter', prefetch, { once: true });
      button.addEventListener('focus', prefetch, { once: true });
      button.addEventListener('click', () => this.open());
      this.#launcher = button;
      return button;
    }

    open() {
      this.toggleAttribute('open', true);
      if (!this.#mounted && !this.#loading) void this.#load();
    }

    connectedCallback() {
      ctx.elements.add(this);
      if (spec.launcher) return; // it waits behind its button
      const strategy = strategyOf(this);
      if (strategy === 'interaction') this.#showLoadButton();
      this.#cancelWait = whenToLoad(this, strategy, () => {
        this.#cancelWait = undefined;
        void this.#load();
      });
    }

    disconnectedCallback() {
      ctx.elements.delete(this);
      this.#cancelWait?.();
      this.#cancelWait = undefined;
      this.#generation++; // a load still under way will not mount
      if (this.#mounted) {
        this.#mounted.unmount();
        this.#mounted = undefined;
      }
      this.#frame.replaceChildren();
    }

    /** Load now, whatever `loading` says, and bring the element into view (its spec's `wakeOn` event happened). */
    wake() {
      if (!this.#cancelWait) return; // already loading or loaded
      this.#cancelWait();
      this.#cancelWait = undefined;
      void this.#load();
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      this.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    }

    attributeChangedCallback() {
      this.#mounted?.update(this.#props());
    }

    /** Attributes as props; without its instance attribute, a second element of the same kind is told apart by its id, else its place. */
    /** Attributes as props; what follows from the element itself (its place, its launcher) the runtime adds. */
    #props() {
      return propsFromAttributes(spec, this);
    }

    #showLoadButton() {
      this.#frame.replaceChildren(ownButton(`Show the ${spec.label}`, 'teppan-b'));
    }

    async #load() {
      const generation = ++this.#generation;
      this.#loading = true;
      const config = ctx.config();
      if (!config) {
        // A page may configure Teppan later than the loader runs: wait for it, and say what is missing.
        console.warn(`Teppan: <${tagOf(spec)}> needs data-key="pk_…" or Teppan('init', { key }).`);
        ctx.whenConfigured(() => {
          if (generation === this.#generation && this.isConnected) void this.#load();
        });
        return;
      }
      ctx.chunks.preload(spec);
      const catalog = ctx.catalog(config);
      try {
        const [runtime, widget] = await Promise.all([ctx.chunks.runtime(), ctx.chunks.widget(spec)]);
        if (generation !== this.#generation || !this.isConnected) return;
        const hadFocus = this.#root.activeElement !== null;
        this.#frame.replaceChildren();
        this.#mounted = runtime.mount({
          host: this,
          shadow: this.#root,
          container: this.#frame,
          spec,
          widget: widget.default,
          props: this.#props(),
          config,
          catalog,
          loadWidget: (other) => {
            ctx.chunks.preload(other);
            return ctx.chunks.widget(other);
          },
        });
        if (spec.launcher) this.#launcher?.setAttribute('aria-label', spec.launcher.name);
        // A launcher widget moves focus itself when it opens.
        if (hadFocus && !spec.launcher)
          requestAnimationFrame(() => (this.#root.querySelector('input, button, select, textarea') as HTMLElement | null)?.focus());
      } catch (cause) {
        if (generation !== this.#generation) return;
        this.#showFailure(cause);
      } finally {
        if (generation === this.#generation) this.#loading = false;
      }
    }

    /** In place of the widget, and only there: the rest of the page is not this element's business. */
    #showFailure(cause: unknown) {
      // A launcher's widget has no place in the page: its button says it, and pressing it tries again.
      if (this.#launcher) {
        this.removeAttribute('open');
        this.#launcher.setAttribute('aria-label', FAILED);
      } else {
        // Our own fixed words, no page or visitor text: markup is the smallest way to write them in the loader.
        this.#frame.innerHTML = `<div class="teppan-notice" role="alert" part="error"><p>${FAILED}</p><button type="button" class="teppan-b">Try again</button></div>`;
        this.#frame.querySelector('button')?.addEventListener('click', () => {
          this.#frame.replaceChildren();
          void this.#load();
        });
      }
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
