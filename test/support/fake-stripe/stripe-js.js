/**
 * A fake Stripe.js for tests, served by the fake Stripe server at `/v3` and
 * `/<release train>/stripe.js`. It offers the surface the Teppan client uses:
 *
 *   const stripe = window.Stripe('pk_test_…')
 *   const elements = stripe.elements({ clientSecret } | { mode: 'payment', amount, currency, appearance })
 *   const element = elements.create('payment'); element.mount(domElement); element.on('change' | 'ready' | …, cb)
 *   await elements.submit()                        → { error? }
 *   await stripe.confirmPayment({ elements, clientSecret?, redirect: 'if_required', confirmParams: { return_url } })
 *                                                  → { paymentIntent } | { error: { type, code, decline_code, message } }
 *   await stripe.retrievePaymentIntent(clientSecret) → { paymentIntent } | { error }
 *
 * The real Payment Element is an iframe; this one renders labelled inputs
 * ("Card number", "Expiration date", "Security code", "Postal code") straight
 * into the mount point, styled through CSSOM only, so it works inside a
 * shadow root and under a strict CSP (no <style> element, no eval). Card data
 * goes to the fake Stripe API only, as with the real one.
 */
(() => {
  // Replaced by the fake server with its own origin when it serves this file.
  const API = '__FAKE_STRIPE_API__';
  if (window.Stripe) return;

  class IntegrationError extends Error {
    constructor(message) {
      super(message);
      this.name = 'IntegrationError';
    }
  }

  const MESSAGES = {
    incomplete_number: 'Your card number is incomplete.',
    invalid_number: 'Your card number is invalid.',
    incomplete_expiry: 'Your card’s expiration date is incomplete.',
    invalid_expiry_month: 'Your card’s expiration month is invalid.',
    invalid_expiry_year_past: 'Your card’s expiration year is in the past.',
    incomplete_cvc: 'Your card’s security code is incomplete.',
    incomplete_zip: 'Your postal code is incomplete.',
  };

  const connectionError = () => ({
    error: { type: 'api_connection_error', message: 'An error occurred with our connection to Stripe. Request was retried 2 times.' },
  });

  async function call(method, path, fields) {
    const params = new URLSearchParams(fields);
    try {
      const res = await fetch(method === 'GET' ? `${API}${path}?${params}` : `${API}${path}`, {
        method,
        // Form-encoded, as Stripe.js sends it: a simple CORS request, the key in the body.
        ...(method === 'POST' ? { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: params } : {}),
      });
      const body = await res.json();
      return res.ok ? { ok: body } : { error: body.error };
    } catch {
      return connectionError();
    }
  }

  function intentIdOf(clientSecret) {
    const match = typeof clientSecret === 'string' ? /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret) : null;
    if (!match) throw new IntegrationError(`Invalid value for clientSecret: ${String(clientSecret)} is not a PaymentIntent client secret.`);
    return match[1];
  }

  const digitsOf = (text) => text.replace(/\D/g, '');
  const isAmex = (digits) => /^3[47]/.test(digits);

  function luhn(digits) {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 === 0;
  }

  function formatNumber(digits) {
    const groups = isAmex(digits) ? [4, 6, 5] : [4, 4, 4, 4, 3];
    const out = [];
    let at = 0;
    for (const size of groups) {
      if (at >= digits.length) break;
      out.push(digits.slice(at, at + size));
      at += size;
    }
    return out.join(' ');
  }

  function formatExpiry(text) {
    const d = digitsOf(text).slice(0, 4);
    return d.length > 2 ? `${d.slice(0, 2)} / ${d.slice(2)}` : d;
  }

  /** One field's problem, or undefined: the same checks and words as Stripe's Payment Element. */
  function fieldProblem(name, value) {
    if (name === 'number') {
      const d = digitsOf(value);
      const length = isAmex(d) ? 15 : 16;
      if (d.length < length) return 'incomplete_number';
      return luhn(d) ? undefined : 'invalid_number';
    }
    if (name === 'expiry') {
      const d = digitsOf(value);
      if (d.length < 4) return 'incomplete_expiry';
      const month = Number(d.slice(0, 2));
      const year = 2000 + Number(d.slice(2, 4));
      if (month < 1 || month > 12) return 'invalid_expiry_month';
      const now = new Date();
      if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) return 'invalid_expiry_year_past';
      return undefined;
    }
    if (name === 'cvc') return digitsOf(value).length < 3 ? 'incomplete_cvc' : undefined;
    if (name === 'postal') return value.trim().length === 0 ? 'incomplete_zip' : undefined;
    return undefined;
  }

  const FIELDS = [
    { name: 'number', label: 'Card number', autocomplete: 'cc-number', inputMode: 'numeric', placeholder: '1234 1234 1234 1234', span: 2 },
    { name: 'expiry', label: 'Expiration date', autocomplete: 'cc-exp', inputMode: 'numeric', placeholder: 'MM / YY', span: 1 },
    { name: 'cvc', label: 'Security code', autocomplete: 'cc-csc', inputMode: 'numeric', placeholder: 'CVC', span: 1 },
    { name: 'postal', label: 'Postal code', autocomplete: 'postal-code', inputMode: 'text', placeholder: '12345', span: 2 },
  ];

  let nextId = 1;

  function createPaymentElement(group) {
    const listeners = new Map();
    const uid = `fake-stripe-${nextId++}`;
    let root = null;
    let inputs = {};
    let errors = {};
    let lastComplete = false;
    let destroyed = false;

    const emit = (type, event) => {
      for (const cb of listeners.get(type) ?? []) cb(event);
    };
    const values = () => Object.fromEntries(FIELDS.map((f) => [f.name, inputs[f.name]?.value ?? '']));
    const complete = () => FIELDS.every((f) => !fieldProblem(f.name, values()[f.name]));
    const empty = () => FIELDS.every((f) => values()[f.name] === '');

    function showError(name, code) {
      const input = inputs[name];
      const note = errors[name];
      if (!input || !note) return;
      note.textContent = code ? MESSAGES[code] : '';
      note.style.display = code ? 'block' : 'none';
      if (code) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      input.style.borderColor = code ? (group.appearance.variables?.colorDanger ?? '#df1b41') : '#d1d5db';
    }

    /** Shows every field's problem, focuses the first; the first problem's code, if any. */
    function validate() {
      let first;
      for (const f of FIELDS) {
        const code = fieldProblem(f.name, values()[f.name]);
        showError(f.name, code);
        if (code && !first) {
          first = code;
          inputs[f.name]?.focus();
        }
      }
      return first;
    }

    function render(target) {
      const vars = group.appearance.variables ?? {};
      const radius = vars.borderRadius ?? '6px';
      const box = document.createElement('div');
      box.className = 'FakeStripePaymentElement';
      Object.assign(box.style, {
        display: 'grid',
        gridTemplateColumns: '1fr 1fr',
        gap: vars.spacingUnit ? `calc(${vars.spacingUnit} * 3)` : '12px',
        fontFamily: vars.fontFamily ?? 'system-ui, sans-serif',
        color: vars.colorText ?? '#30313d',
      });
      inputs = {};
      errors = {};
      for (const f of FIELDS) {
        const label = document.createElement('label');
        Object.assign(label.style, { display: 'grid', gap: '4px', gridColumn: `span ${f.span}`, fontSize: '14px' });
        const text = document.createElement('span');
        text.textContent = f.label;
        const input = document.createElement('input');
        Object.assign(input, {
          name: f.name,
          type: 'text',
          autocomplete: f.autocomplete,
          inputMode: f.inputMode,
          placeholder: f.placeholder,
          spellcheck: false,
        });
        Object.assign(input.style, { font: 'inherit', padding: '10px 12px', border: '1px solid #d1d5db', borderRadius: radius, minWidth: '0' });
        const note = document.createElement('span');
        note.id = `${uid}-${f.name}-error`;
        Object.assign(note.style, { display: 'none', color: vars.colorDanger ?? '#df1b41', fontSize: '13px' });
        input.setAttribute('aria-describedby', note.id);
        input.addEventListener('input', () => {
          if (f.name === 'number') input.value = formatNumber(digitsOf(input.value).slice(0, 19));
          if (f.name === 'expiry') input.value = formatExpiry(input.value);
          if (f.name === 'cvc') input.value = digitsOf(input.value).slice(0, 4);
          showError(f.name, undefined);
          lastComplete = complete();
          emit('change', { elementType: 'payment', complete: lastComplete, empty: empty(), collapsed: false, value: { type: 'card' } });
        });
        input.addEventListener('blur', () => {
          // As the real element: a field left half-typed says so when the visitor moves on.
          if (input.value !== '') showError(f.name, fieldProblem(f.name, input.value));
          emit('blur', { elementType: 'payment' });
        });
        input.addEventListener('focus', () => emit('focus', { elementType: 'payment' }));
        label.append(text, input, note);
        box.append(label);
        inputs[f.name] = input;
        errors[f.name] = note;
      }
      target.append(box);
      return box;
    }

    const element = {
      mount(target) {
        if (destroyed) throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
        const node = typeof target === 'string' ? document.querySelector(target) : target;
        if (!node || !(node instanceof Element))
          throw new IntegrationError('Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.');
        if (root) throw new IntegrationError('This Element is already mounted. Use `unmount` to unmount the Element before re-mounting.');
        root = render(node);
        // The real element loads the intent before it is ready; a bad client secret is a loaderror.
        const ready = group.clientSecret
          ? call('GET', `/v1/payment_intents/${intentIdOf(group.clientSecret)}`, { key: group.key, client_secret: group.clientSecret })
          : Promise.resolve({ ok: true });
        ready.then((result) => {
          if (!root) return;
          if (result.error) emit('loaderror', { elementType: 'payment', error: result.error });
          else emit('ready', { elementType: 'payment' });
        });
        return element;
      },
      unmount() {
        root?.remove();
        root = null;
        return element;
      },
      destroy() {
        element.unmount();
        destroyed = true;
        group.element = null;
      },
      on(type, cb) {
        listeners.set(type, [...(listeners.get(type) ?? []), cb]);
        return element;
      },
      once(type, cb) {
        const wrapped = (event) => {
          element.off(type, wrapped);
          cb(event);
        };
        return element.on(type, wrapped);
      },
      off(type, cb) {
        listeners.set(
          type,
          (listeners.get(type) ?? []).filter((l) => cb && l !== cb),
        );
        return element;
      },
      update() {
        return element;
      },
      focus() {
        inputs.number?.focus();
        return element;
      },
      blur() {
        for (const input of Object.values(inputs)) input.blur();
        return element;
      },
      clear() {
        for (const f of FIELDS) {
          if (inputs[f.name]) inputs[f.name].value = '';
          showError(f.name, undefined);
        }
        return element;
      },
      collapse() {
        return element;
      },
    };
    // Internals for confirmPayment, not part of Stripe's surface.
    element._validate = validate;
    element._values = values;
    element._isMounted = () => root !== null;
    element._lastComplete = () => lastComplete;
    return element;
  }

  /** Stands for the bank's 3-D Secure page: the visitor completes or fails it. */
  function authenticationDialog() {
    return new Promise((resolve) => {
      const backdrop = document.createElement('div');
      Object.assign(backdrop.style, {
        position: 'fixed',
        inset: '0',
        background: 'rgba(0,0,0,0.45)',
        display: 'grid',
        placeItems: 'center',
        zIndex: '2147483647',
      });
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-modal', 'true');
      dialog.setAttribute('aria-label', '3D Secure test authentication');
      Object.assign(dialog.style, {
        background: '#fff',
        color: '#30313d',
        padding: '24px',
        borderRadius: '8px',
        maxWidth: '360px',
        fontFamily: 'system-ui, sans-serif',
      });
      const heading = document.createElement('h2');
      heading.textContent = '3D Secure test payment page';
      const text = document.createElement('p');
      text.textContent = 'This is a test payment. Complete or fail the authentication.';
      const buttons = document.createElement('div');
      Object.assign(buttons.style, { display: 'flex', gap: '8px' });
      const button = (label, outcome) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.addEventListener('click', () => {
          backdrop.remove();
          resolve(outcome);
        });
        return b;
      };
      const complete = button('Complete authentication', 'complete');
      buttons.append(complete, button('Fail authentication', 'fail'));
      dialog.append(heading, text, buttons);
      backdrop.append(dialog);
      document.body.append(backdrop);
      complete.focus();
    });
  }

  function Stripe(key, options = {}) {
    if (typeof key !== 'string' || !/^pk_(test|live)_\w+$/.test(key)) {
      throw new IntegrationError('Invalid value for Stripe(): apiKey should be a publishable key (pk_test_… or pk_live_…).');
    }
    window.__fakeStripe.keys.push(key);
    const groups = new WeakMap();

    const stripe = {
      elements(opts = {}) {
        const group = {
          key,
          clientSecret: opts.clientSecret,
          mode: opts.mode,
          amount: opts.amount,
          currency: opts.currency,
          appearance: opts.appearance ?? {},
          submitted: false,
          element: null,
        };
        if (group.clientSecret) intentIdOf(group.clientSecret);
        if (group.mode && !['payment', 'setup', 'subscription'].includes(group.mode))
          throw new IntegrationError(`Invalid value for elements(): mode should be payment.`);
        if (group.mode === 'payment' && !(Number.isInteger(group.amount) && typeof group.currency === 'string')) {
          throw new IntegrationError('elements(): in mode payment, amount (an integer in the smallest currency unit) and currency are required.');
        }
        const elements = {
          create(type, elementOptions) {
            if (type !== 'payment') throw new IntegrationError(`The fake Stripe.js offers only the Payment Element, not ${type}.`);
            if (!group.clientSecret && !group.mode) {
              throw new IntegrationError('In order to create a payment element, you must pass a clientSecret or mode when creating the Elements group.');
            }
            if (group.element) throw new IntegrationError('Can only create one Element of type payment.');
            group.element = createPaymentElement(group, elementOptions);
            return group.element;
          },
          getElement(type) {
            return type === 'payment' ? group.element : null;
          },
          update(next = {}) {
            for (const k of ['amount', 'currency', 'appearance', 'mode']) if (next[k] !== undefined) group[k] = next[k];
          },
          async fetchUpdates() {
            return {};
          },
          async submit() {
            const element = group.element;
            if (!element?._isMounted()) throw new IntegrationError('elements.submit(): no mounted Payment Element to submit.');
            const code = element._validate();
            group.submitted = !code;
            return code ? { error: { type: 'validation_error', code, message: MESSAGES[code] } } : {};
          },
        };
        groups.set(elements, group);
        return elements;
      },

      async confirmPayment({ elements, clientSecret, confirmParams = {}, redirect = 'always' } = {}) {
        const group = elements && groups.get(elements);
        if (!group) throw new IntegrationError('stripe.confirmPayment(): expected `elements` created by this Stripe instance.');
        const secret = clientSecret ?? group.clientSecret;
        const intentId = intentIdOf(secret);
        if (group.mode && !group.submitted) {
          throw new IntegrationError(
            'elements.submit() must be called before stripe.confirmPayment(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.',
          );
        }
        if (redirect !== 'if_required' && !confirmParams.return_url) {
          throw new IntegrationError("stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`.");
        }
        group.submitted = false;
        const element = group.element;
        if (!element?._isMounted()) throw new IntegrationError('stripe.confirmPayment(): the Payment Element is not mounted.');
        const code = element._validate();
        if (code) return { error: { type: 'validation_error', code, message: MESSAGES[code] } };
        const v = element._values();
        const expiry = digitsOf(v.expiry);
        window.__fakeStripe.confirms += 1;
        let result = await call('POST', `/v1/payment_intents/${intentId}/confirm`, {
          key,
          client_secret: secret,
          'payment_method_data[type]': 'card',
          'payment_method_data[card][number]': digitsOf(v.number),
          'payment_method_data[card][exp_month]': String(Number(expiry.slice(0, 2))),
          'payment_method_data[card][exp_year]': String(2000 + Number(expiry.slice(2, 4))),
          'payment_method_data[card][cvc]': v.cvc,
          'payment_method_data[billing_details][address][postal_code]': v.postal.trim(),
          ...(confirmParams.return_url ? { return_url: confirmParams.return_url } : {}),
        });
        if (result.ok?.status === 'requires_action') {
          const outcome = await authenticationDialog();
          result = await call('POST', `/v1/payment_intents/${intentId}/authenticate`, { key, client_secret: secret, outcome });
        }
        if (result.error) return { error: result.error };
        const paymentIntent = result.ok;
        if (redirect === 'if_required') return { paymentIntent };
        const back = new URL(confirmParams.return_url, location.href);
        back.searchParams.set('payment_intent', paymentIntent.id);
        back.searchParams.set('payment_intent_client_secret', secret);
        back.searchParams.set('redirect_status', paymentIntent.status === 'succeeded' ? 'succeeded' : 'processing');
        location.assign(back.href);
        return new Promise(() => {});
      },

      async retrievePaymentIntent(secret) {
        const result = await call('GET', `/v1/payment_intents/${intentIdOf(secret)}`, { key, client_secret: secret });
        return result.error ? { error: result.error } : { paymentIntent: result.ok };
      },

      // @stripe/stripe-js reports its own version through this; nothing to do here.
      _registerWrapper() {},
      _options: options,
    };
    return stripe;
  }

  // @stripe/stripe-js 10 expects the 'endive' release train and warns on any other.
  Stripe.version = 'endive';
  window.__fakeStripe = { api: API, keys: [], confirms: 0 };
  window.Stripe = Stripe;
})();
