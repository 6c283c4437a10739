import type { MountedWidget } from '../types';
import type { LoaderContext, WidgetElement } from './context';
// Through Vite's CSS pipeline: minified into the loader, where every byte is paid by every page.
import HOST_CSS from './host.css?inline';
import { reserveCss } from './reserve';
import type { LoaderSpec } from './spec';
import { whenToLoad } from './strategy';

let hostSheet: CSSStyleSheet | undefined;

function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

/** A button the element draws itself, before any widget code. */
function ownButton(text: string, className = 'b'): HTMLButtonElement {
  const button = document.createElement('button');
  button.className = className;
  button.textContent = text;
  return button;
}

const FAILED = 'This part of the page didn’t load. Check your connection and try again.';

/**
 * The element class of one widget. Before its code arrives it reserves the
 * widget's size in its shadow root; its `loading` attribute decides when the
 * code is fetched; removal unmounts and lets go of every observer and listener
 * it set up. Attributes become props in the runtime, which watches them.
 */
export function elementClass(spec: LoaderSpec, ctx: LoaderContext): CustomElementConstructor {
  const reserve = sheet(reserveCss(spec.reserve ?? []));
  return class extends HTMLElement implements WidgetElement {
    // Plain fields, not #private ones: the build mangles these `_`-prefixed names (vite.config.ts), which `#` names would not shrink below.
    // `declare`d fields start undefined and compile to nothing (a plain `_x;` is a byte sequence in the output).
    _root = this.attachShadow({ mode: 'open' });
    declare _frame: HTMLDivElement;
    declare _mounted: MountedWidget | undefined;
    /** Loading or loaded: a press of the launcher then has nothing to start. */
    declare _busy: boolean | undefined;
    declare _cancelWait: (() => void) | undefined;
    _generation = 0;
    declare _launcher: HTMLButtonElement | undefined;

    constructor() {
      super();
      // Constructed stylesheets, not <style> or style attributes: strict CSPs allow them.
      hostSheet ??= sheet(HOST_CSS);
      this._root.adoptedStyleSheets = [hostSheet, reserve];
      this._root.innerHTML = '<div class="f"><div class="s" part="slot"></div></div>';
      this._frame = this._root.firstChild?.firstChild as HTMLDivElement;
      const launcher = spec.launcher;
      if (launcher) {
        // Drawn here so it is there at once: hover or focus fetches the code, a press opens the widget.
        const button = ownButton(launcher.text, 'b teppan-launcher');
        this._launcher = button;
        button.part = 'launcher';
        button.ariaLabel = launcher.name;
        const prefetch = () => ctx.chunks.preload(spec.name);
        button.onpointerenter = prefetch;
        button.onfocus = prefetch;
        button.onclick = () => this.open();
        this._root.append(button);
      }
    }

    open() {
      this.toggleAttribute('open', true);
      if (!this._busy) this._load();
    }

    connectedCallback() {
      if (spec.launcher) return; // it waits behind its button
      const strategy = this.getAttribute('loading');
      if (strategy === 'interaction') this._frame.replaceChildren(ownButton(`Show the ${spec.label}`));
      this._cancelWait = whenToLoad(this, strategy, () => this.wake(false));
    }

    disconnectedCallback() {
      this._cancelWait?.();
      this._cancelWait = undefined;
      this._generation++; // a load still under way will not mount
      this._mounted?.unmount();
      this._mounted = undefined;
      this._frame.replaceChildren();
      this._busy = false;
    }

    /** Load now, whatever `loading` says; unless told otherwise, come into view (its spec's `wakeOn` event happened: the runtime calls this). */
    wake(scroll = true) {
      if (!this._cancelWait) return; // already loading or loaded
      this._cancelWait();
      this._cancelWait = undefined;
      this._load();
      if (scroll) this.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
    }

    async _load() {
      const generation = ++this._generation;
      this._busy = true;
      const config = ctx.config();
      if (!config) {
        // A page may configure Teppan later than the loader runs: wait for it, and say what is missing.
        console.warn('Teppan: waiting for data-key or init', this);
        ctx.whenConfigured(() => generation === this._generation && this.isConnected && this._load());
        return;
      }
      const catalog = ctx.catalog(config);
      try {
        const [widget, runtime] = await Promise.all([ctx.chunks.widget(spec.name), ctx.chunks.runtime()]);
        if (generation === this._generation && this.isConnected)
          this._mounted = runtime.mount({
            host: this,
            shadow: this._root,
            container: this._frame,
            name: spec.name,
            widget: widget.default,
            config,
            catalog,
            chunks: ctx.chunks,
          });
      } catch (cause) {
        if (generation === this._generation) this._fail(cause);
      }
    }

    /** In place of the widget, and only there: the rest of the page is not this element's business. */
    _fail(cause: unknown) {
      this._busy = false; // pressing "Try again" (or the launcher) loads afresh
      // A launcher's widget has no place in the page: its button says it, and pressing it tries again.
      if (this._launcher) {
        this.removeAttribute('open');
        this._launcher.ariaLabel = FAILED;
      } else {
        // Our own fixed words, no page or visitor text: markup is the smallest way to write them in the loader.
        this._frame.innerHTML = `<div class="n" role="alert" part="error"><p>${FAILED}</p><button class="b">Try again</button></div>`;
        (this._frame.querySelector('button') as HTMLButtonElement).onclick = () => {
          this._frame.replaceChildren();
          this._load();
        };
      }
      this.dispatchEvent(
        new CustomEvent('teppan:error', { detail: { kind: 'network', message: FAILED, retryable: true, cause: String(cause) }, bubbles: true, composed: true }),
      );
    }
  };
}
