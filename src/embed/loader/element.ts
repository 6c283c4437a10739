import { firstScreen, urlHasParam } from '../../widgets/screens';
import type { MountedWidget } from '../types';
import type { LoaderContext, WidgetElement } from './context';
// Through Vite's CSS pipeline: minified into the loader, where every byte is paid by every page.
import HOST_CSS from './host.css?inline';
import type { LoaderSpec } from './spec';
import { whenToLoad } from './strategy';
import { LOADER_TEXTS, languageOf } from './texts';

function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

// Every element's own styles: one sheet for the page, made when the loader runs.
const hostSheet = sheet(HOST_CSS);

/** A button the element draws itself, before any widget code (its text is the build's, from the specs: no markup in it). */
const ownButton = (text: string) => `<button class="b">${text}</button>`;

/**
 * The element class of one widget. Before its code arrives it reserves the
 * widget's size in its shadow root; its `loading` attribute decides when the
 * code is fetched; removal unmounts and lets go of every observer and listener
 * it set up. Attributes become props in the runtime, which watches them.
 */
export function elementClass(spec: LoaderSpec, ctx: LoaderContext): CustomElementConstructor {
  const reserve = sheet(spec.reserve ?? '');
  // Every element's first screen may depend on which others the page has.
  const fitAll = () => {
    for (const el of ctx.elements) el._fit();
  };
  return class extends HTMLElement implements WidgetElement {
    // Plain fields, not #private ones: the build mangles these `_`-prefixed names (vite.config.ts), which `#` names would not shrink below.
    // `declare`d fields start undefined and compile to nothing (a plain `_x;` is a byte sequence in the output).
    declare _frame: HTMLElement;
    declare _mounted: MountedWidget | undefined;
    /** Set while the element waits to load (what cancels the wait); unset while it loads and once it is mounted. */
    declare _cancelWait: (() => void) | undefined;
    _generation = 0;

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      // Constructed stylesheets, not <style> or style attributes: strict CSPs allow them.
      root.adoptedStyleSheets = [hostSheet, reserve];
      const launcher = spec.launcher;
      // A launcher is drawn here so it is there at once (its words once connected, when its attributes are known):
      // hover or focus fetches the code, a press opens the widget.
      root.innerHTML = `<div class="s" part="slot"></div>${launcher ? '<button class="b teppan-launcher" part="launcher"></button>' : ''}`;
      this._frame = root.firstChild as HTMLElement;
      if (launcher) {
        const button = root.lastChild as HTMLButtonElement;
        button.onpointerenter = button.onfocus = () => ctx.chunks.preload(spec.name, this._language());
        button.onclick = () => this.open();
      }
    }

    /** What it speaks now (src/core/i18n/locale.ts): the page's settings may come later than the element (init). */
    _language() {
      return languageOf(this, ctx.config.locale);
    }

    /** One of the loader's sentences about this widget, in its language. */
    _say(sentence: keyof (typeof LOADER_TEXTS)['en']) {
      const language = this._language();
      return LOADER_TEXTS[language][sentence](spec.label?.[language]);
    }

    open() {
      this.toggleAttribute('open', true);
      this.wake();
    }

    connectedCallback() {
      ctx.elements.add(this);
      fitAll();
      const launcher = spec.launcher;
      if (launcher) {
        const language = this._language();
        const button = this.shadowRoot?.lastChild as HTMLElement;
        button.textContent = launcher.text[language];
        button.setAttribute('aria-label', launcher.name[language]);
      }
      this._wait(this.getAttribute('loading'), 'show');
    }

    /**
     * Picks the first screen from what the page shows now (src/widgets/screens.ts): the reserve's CSS follows the
     * slot's `data-screen`, and the runtime starts the widget on it. Again whenever an element comes or goes.
     */
    _fit() {
      this._frame.dataset.screen = firstScreen(spec, {
        attribute: (name) => this.hasAttribute(name),
        param: (name) => urlHasParam(location.search, name),
        beside: (widget) => [...ctx.elements].some((el) => el.localName === `teppan-${widget}`),
      });
    }

    /** Waits as `strategy` says; for `interaction`, behind a button saying `sentence`. A launcher waits behind its own button, for `open`. */
    _wait(strategy: string | null, sentence: keyof (typeof LOADER_TEXTS)['en']) {
      if (spec.launcher) this._cancelWait = () => {};
      else {
        if (strategy === 'interaction') this._frame.innerHTML = ownButton(this._say(sentence));
        this._cancelWait = whenToLoad(this, strategy, () => this.wake());
      }
    }

    disconnectedCallback() {
      ctx.elements.delete(this);
      fitAll();
      this._cancelWait?.();
      this._cancelWait = undefined;
      this._generation++; // a load still under way will not mount
      this._mounted?.unmount();
      this._mounted = undefined;
      this._frame.replaceChildren();
    }

    /** Load now, whatever `loading` says (its spec's `wakeOn` event happened: the runtime calls this, and brings it into view when this started it). */
    wake() {
      const waiting = this._cancelWait;
      if (waiting) {
        waiting();
        this._cancelWait = undefined;
        this._load();
      }
      return !!waiting;
    }

    async _load() {
      const generation = ++this._generation;
      // A page may configure Teppan later than the loader runs: wait for it, and say what is missing.
      if (!ctx.config.key) console.warn('Teppan: waiting for data-key or init', this);
      try {
        await ctx.configured;
        ctx.catalog(); // in parallel with the code; the runtime gets the same request
        // A widget chunk that fails is the runtime's to report (its notice, its retry; `widget` is then why, as a string): only the runtime's own failure is the loader's.
        const [widget, runtime] = await Promise.all([ctx.chunks.widget(spec.name, this._language()).catch(String), ctx.chunks.runtime()]);
        if (generation === this._generation) this._mounted = runtime.mount(this, widget, ctx);
      } catch {
        // The runtime did not load: the least that says so.
        if (generation === this._generation)
          this.dispatchEvent(
            new CustomEvent('teppan:error', { detail: { kind: 'network', message: this._say('retry'), retryable: true }, bubbles: true, composed: true }),
          );
      }
      // Nothing mounted (the runtime did not load, or a launcher's chunk did not): wait to be asked again. A launcher's
      // button is pressed again; anything else waits behind a retry button.
      if (generation === this._generation && !this._mounted) {
        this.removeAttribute('open');
        this._wait('interaction', 'retry');
      }
    }
  };
}
