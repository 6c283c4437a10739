import { type APIRequestContext, expect, type Page } from '@playwright/test';
import type { Quote } from '../../src/contract';
import { eventDate } from '../e2e/support';

/**
 * Traps for markup that runs: every payload of the corpus calls
 * `window.__pwned(…)` if it ever executes, and an `alert()` opens a dialog.
 * Armed before the page's first script; `sprung()` says what went off.
 */
export async function armTraps(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __pwnedBy: string[]; __pwned: (how: unknown) => void };
    w.__pwnedBy = [];
    w.__pwned = (how) => w.__pwnedBy.push(String(how));
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(e.message));
  return {
    /** Everything that went off: scripts that ran, dialogs, uncaught errors, elements made of typed markup. */
    async sprung() {
      const inPage = await page.evaluate(() => {
        const pwned = (window as unknown as { __pwnedBy: string[] }).__pwnedBy;
        // The widgets draw no images, frames or scripts of their own: any inside them came from input.
        const injected: string[] = [];
        for (const host of document.querySelectorAll('teppan-quote, teppan-booking, teppan-payment, teppan-chat')) {
          const root = host.shadowRoot ?? host;
          for (const el of root.querySelectorAll('script, iframe, img, svg, object, embed, a[href^="javascript:" i], [onerror], [onload], [onmouseover]')) {
            injected.push(`${host.localName}: ${el.outerHTML.slice(0, 80)}`);
          }
        }
        return { pwned, injected };
      });
      return { ...inPage, dialogs, crashes };
    },
  };
}

export const nothingSprung = { pwned: [], injected: [], dialogs: [], crashes: [] };

/**
 * What a single-line `<input>` keeps of typed text: Chromium turns each line
 * break into a space (a visitor cannot type one there anyway: Enter submits);
 * an email field also drops surrounding whitespace (HTML's value sanitisation).
 */
export function asInputKeeps(value: string, type: 'text' | 'email' | 'tel' = 'text'): string | undefined {
  const oneLine = value.replace(/\r\n|[\r\n]/g, ' ');
  if (type !== 'email') return oneLine;
  const trimmed = oneLine.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  // A domain beyond printable ASCII goes through the control's IDNA mapping: the browser decides.
  return /[^\x20-\x7e]/.test(trimmed.slice(trimmed.lastIndexOf('@') + 1)) ? undefined : trimmed;
}

/** What a `<textarea>` keeps: line breaks normalised to `\n`. */
export const asTextareaKeeps = (value: string) => value.replace(/\r\n?/g, '\n');

/**
 * What makes the widget check a value once typed:
 * - `none`: it checks as the visitor types
 * - `blur`: leaving the field
 * - `submit`: submitting the field's form ("Send", "Send to the team")
 * - `continue`: submitting a step of the booking form; a step that goes
 *   through is left with its "Back" button, so the next value finds the field
 */
export type After = 'none' | 'blur' | 'submit' | 'continue';

export interface FieldProbe {
  /** The widget's element on the page, e.g. `teppan-booking`. */
  host: string;
  /** The field's `data-field`, e.g. `customer.email`. */
  field: string;
  values: readonly string[];
  /**
   * What the field should hold once `value` was typed; undefined where the
   * browser's own control decides (an email field maps its domain through
   * IDNA, dropping invisible characters or turning it into punycode): the
   * rule is then checked against whatever the field holds.
   */
  keeps: (value: string) => string | undefined;
  /** The shared rule's message for what the field holds, or undefined when it is accepted. */
  expected: (held: string) => string | undefined;
  /** What follows the typing, per value (told whether the rule accepts it). */
  after: After | ((accepted: boolean) => After);
  /** Typed last, so the form is as it was for the next probe (a valid value). */
  restore: string;
}

interface Seen {
  held: string;
  error: string;
  /** `continue` only: the step went through. */
  movedOn: boolean;
}

/**
 * Types each value into the field in turn, in the page (select all, then the
 * editing command a paste uses: the same input events as typing), with no
 * reload between them, and returns every broken promise: the field lost what
 * was typed, a refusal showed no message (or another one), an accepted value
 * showed one, a step went on with a refused value or stayed with a good one.
 * In the page because a round trip per keystroke on a loaded 2-core machine
 * costs ~0.4 s; one per field keeps the suite well under its budget.
 */
export async function probeField(page: Page, probe: FieldProbe): Promise<string[]> {
  const plan = probe.values.map((value) => {
    const held = probe.keeps(value);
    const after = typeof probe.after === 'function' ? probe.after(probe.expected(held ?? value) === undefined) : probe.after;
    return { value, held, after };
  });
  const seen = await page.evaluate(
    async ({ host, field, steps, restore }) => {
      const settle = () => new Promise((r) => setTimeout(r, 0));
      const root = document.querySelector(host)?.shadowRoot;
      if (!root) throw new Error(`${host} has no shadow root`);
      const find = () => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${field}"]`);
      const errorOf = (el: Element) => {
        const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        const box = ids.map((id) => root.getElementById(id)).find((e) => e?.classList.contains('teppan-field__error'));
        return box ? (box.textContent ?? '') : '(no error element)';
      };
      const out: Seen[] = [];
      for (const step of steps) {
        const el = find();
        if (!el) throw new Error(`${field} is not on screen before ${JSON.stringify(step.value.slice(0, 30))}`);
        el.focus();
        el.select();
        // The editing command a paste or typing runs: beforeinput and input events, the browser's own rules for the control.
        if (step.value === '') document.execCommand('delete');
        else document.execCommand('insertText', false, step.value);
        await settle();
        let movedOn = false;
        if (step.after === 'blur') el.blur();
        if (step.after === 'submit' || step.after === 'continue') el.form?.requestSubmit();
        await settle();
        if (step.after === 'continue' && !find()) {
          movedOn = true;
          const back = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Back');
          back?.click();
          await settle();
        }
        const now = find();
        if (!now) throw new Error(`${field} did not come back after ${JSON.stringify(step.value.slice(0, 30))}`);
        out.push({ held: now.value, error: errorOf(now), movedOn });
      }
      const last = find();
      last?.focus();
      last?.select();
      if (restore === '') document.execCommand('delete');
      else document.execCommand('insertText', false, restore);
      last?.blur();
      await settle();
      return out;
    },
    { host: probe.host, field: probe.field, steps: plan.map(({ value, after }) => ({ value, after })), restore: probe.restore },
  );
  const broken: string[] = [];
  plan.forEach(({ value, held, after }, i) => {
    const got = seen[i] as Seen;
    const want = probe.expected(held ?? got.held);
    const label = `${probe.field} ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…(${value.length})` : value)}`;
    if (held !== undefined && got.held !== held) broken.push(`${label}: holds ${JSON.stringify(got.held.slice(0, 40))} (${got.held.length})`);
    if (got.error !== (want ?? '')) broken.push(`${label}: shows “${got.error}”, the rule says “${want ?? ''}”`);
    if (after === 'continue' && got.movedOn !== (want === undefined)) broken.push(`${label}: the step ${got.movedOn ? 'went on' : 'stayed'}`);
  });
  return broken;
}

/** Fails with every value that broke a promise, and with anything that ran or crashed. */
export async function expectHeld(broken: string[], traps: Awaited<ReturnType<typeof armTraps>>) {
  expect(broken).toEqual([]);
  expect(await traps.sprung()).toEqual(nothingSprung);
}

/** A quote made through the API (as another page would), `offset` days into the bookable window. */
export async function quoteVia(request: APIRequestContext, offset: number): Promise<Quote> {
  const res = await request.post('/api/v1/quotes', {
    headers: { authorization: 'Bearer pk_test_demo' },
    data: { adults: 10, eventDate: eventDate(offset), zip: '90012' },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as Quote;
}
