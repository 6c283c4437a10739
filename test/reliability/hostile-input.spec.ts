import { expect, type Locator, test } from '@playwright/test';
import { demoTenant } from '../../server/tenants';
import { chatText, fieldErrorsOf, leadRequest } from '../../src/contract';
import { addDays, bookableDates } from '../../src/core/schedule';
import { newDraft } from '../../src/widgets/booking/draft';
import { validateStep } from '../../src/widgets/booking/validate';
import { checkCard, emptyCard, FORMATS } from '../../src/widgets/payment/cardInput';
import { checkQuoteForm, emptyQuoteForm } from '../../src/widgets/quote/form';
import { eventDate } from '../e2e/support';
import { armTraps, asInputKeeps, asTextareaKeeps, expectHeld, probeField, quoteVia } from './browser';
import { bidi, dates, emoji, lineBreaks, long, markup, sample, scripts, strings, typedNumbers } from './corpus';
import { emails, phones, zips } from './fields';
import { bookingInEnglish, inEnglish, paymentInEnglish } from './widget-words';

/**
 * The hostile corpus typed into every visitor-facing field of every widget on
 * the demo pages, in Debian's Chromium against the real server: no script
 * runs, nothing crashes, every refusal is the shared rule's message at its
 * field, and the field still holds what was typed. One page per widget; the
 * values of a field follow each other without a reload.
 */

// Whole flows with dozens of fields each: room for a loaded 2-core machine, not a speed test.
test.describe.configure({ timeout: 120_000 });

const catalog = demoTenant.catalog;
const admin = { authorization: 'Bearer sk_test_demo' };
const text = Object.values(strings);
/** For fields that take digits only: the corpus's strings that reach them, plus digits. */
const someStrings = [markup.scriptTag, markup.imgOnerror, scripts.arabic, emoji.zwjFamily, bidi.override, long.tenKb, '', '   '];

/** A date input takes only real dates, so these are typed as a visitor picks them, one by one. */
async function probeDate(field: Locator, values: readonly string[], expected: (held: string) => string | undefined): Promise<string[]> {
  const broken: string[] = [];
  for (const value of values) {
    await field.fill(value);
    const shown = await field.evaluate((el) => {
      const root = el.getRootNode() as ShadowRoot;
      const id = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).at(-1) ?? '';
      return root.getElementById(id)?.textContent ?? '';
    });
    if (shown !== (expected(value) ?? '')) broken.push(`eventDate ${value}: shows “${shown}”, the rule says “${expected(value) ?? ''}”`);
  }
  return broken;
}

test('the quote calculator: counts, dates and ZIPs of every kind', async ({ page }) => {
  const traps = await armTraps(page);
  await page.goto('/quote.html');
  const adults = page.getByLabel('Adults');
  await expect(adults).toBeVisible();
  // The date stays empty while counts and ZIPs are probed: only the shared rules speak, not the server's travel check.
  const form = { ...emptyQuoteForm(catalog), adults: '10', children: '0' };
  const countProbe = (key: 'adults' | 'children' | `${'upgrades' | 'addOns'}.${string}`) => {
    const [group, id] = key.split('.') as ['upgrades' | 'addOns', string];
    return probeField(page, {
      host: 'teppan-quote',
      field: key,
      values: [...Object.values(typedNumbers), ...someStrings],
      keeps: asInputKeeps,
      expected: (held) => {
        const values = id ? { ...form, [group]: { ...form[group], [id]: held } } : { ...form, [key]: held };
        return inEnglish(checkQuoteForm(values, catalog, Date.now()).errors[key]);
      },
      after: 'none',
      restore: id ? (form[group][id] ?? '0') : form[key as 'adults' | 'children'],
    });
  };
  const broken = [
    ...(await countProbe('adults')),
    ...(await countProbe('children')),
    ...(await countProbe('upgrades.filet')),
    ...(await countProbe('addOns.gyoza')),
  ];

  const zip = page.getByLabel('ZIP code');
  broken.push(
    ...(await probeField(page, {
      host: 'teppan-quote',
      field: 'zip',
      values: [...zips, ...sample],
      keeps: asInputKeeps,
      expected: (held) => inEnglish(checkQuoteForm({ ...form, zip: held }, catalog, Date.now()).errors.zip),
      after: 'blur',
      restore: '',
    })),
  );

  // A date input takes only real dates: the probe is about range (past, too soon, too far, year 9999).
  const { first: earliest, last } = bookableDates(catalog, Date.now());
  const real = (d: unknown): d is string =>
    typeof d === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(d) &&
    !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
    new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  const dateValues = [...Object.values(dates).filter(real), addDays(earliest, -1), earliest, last, addDays(last, 1)];
  broken.push(
    ...(await probeDate(page.getByLabel('Event date'), dateValues, (held) =>
      inEnglish(checkQuoteForm({ ...form, eventDate: held }, catalog, Date.now()).errors.eventDate),
    )),
  );

  // The server's own refusal (outside the service area) lands at the ZIP too; then a real quote, and the widget is whole.
  await page.getByLabel('Event date').fill(eventDate(160));
  await zip.fill('10001');
  await expect(zip).toHaveAccessibleDescription(/outside our service area/);
  await zip.fill('90012');
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await expectHeld(broken, traps);
});

test('the booking form and its deposit: every address, contact and card field; a hostile but valid booking is kept as typed', async ({ page, request }) => {
  const traps = await armTraps(page);
  const quote = await quoteVia(request, 161);
  await page.goto(`/book.html?quote=${quote.id}`);
  await page.getByRole('radio', { name: '6:00 PM' }).check();
  const cont = page.getByRole('button', { name: 'Continue' });
  await cont.click();
  await expect(page.getByRole('heading', { name: /Event address/ })).toBeVisible();

  // The form as the visitor has it: valid everywhere but the field being probed.
  const draft = {
    ...newDraft(quote.id, quote.zip),
    address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: quote.zip },
    customer: { name: 'Ann Lee', email: 'ann@example.com', phone: '(213) 555-0142' },
  };
  await page.getByLabel('Street address').fill(draft.address.line1);
  await page.getByLabel('City').fill(draft.address.city);

  /** "Continue" checks the step; one that goes through is left with "Back" (in the probe) to type the next value. */
  const stepProbe = (step: 1 | 2, path: string, values: readonly string[], type?: 'text' | 'email' | 'tel') => {
    const [group, key] = path.split('.') as [string, string | undefined];
    return probeField(page, {
      host: 'teppan-booking',
      field: path,
      values,
      keeps: type ? (v) => asInputKeeps(v, type) : asTextareaKeeps,
      expected: (held) => {
        const typed = key ? { ...draft, [group]: { ...(draft[group as 'address' | 'customer'] as object), [key]: held } } : { ...draft, [group]: held };
        return bookingInEnglish(validateStep(step, typed, quote.zip)[path], path);
      },
      after: 'continue',
      restore: key ? ((draft[group as 'address' | 'customer'] as Record<string, string>)[key] ?? '') : draft.notes,
    });
  };
  const broken = [
    ...(await stepProbe(1, 'address.line1', sample, 'text')),
    ...(await stepProbe(1, 'address.city', sample, 'text')),
    ...(await stepProbe(1, 'address.zip', [...zips, ...someStrings], 'text')),
    ...(await stepProbe(1, 'notes', sample)),
  ];

  // Hostile but valid: markup, both directions, emoji and line breaks are text like any other.
  const address = { line1: markup.imgOnerror, city: scripts.mixedDirection, notes: `${markup.scriptTag}\n${lineBreaks.newline} ${emoji.chef}` };
  await page.getByLabel('Street address').fill(address.line1);
  await page.getByLabel('City').fill(address.city);
  await page.getByLabel('ZIP code').fill(quote.zip);
  await page.getByLabel('Notes').fill(address.notes);
  await cont.click();
  await expect(page.getByRole('heading', { name: /Contact details/ })).toBeVisible();
  Object.assign(draft, { address: { ...draft.address, line1: address.line1, city: address.city }, notes: address.notes });
  for (const [label, value] of [
    ['Name', draft.customer.name],
    ['Email', draft.customer.email],
    ['Phone', draft.customer.phone],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  broken.push(
    ...(await stepProbe(2, 'customer.name', text, 'text')),
    ...(await stepProbe(2, 'customer.email', [...emails, ...sample], 'email')),
    ...(await stepProbe(2, 'customer.phone', [...phones, ...someStrings], 'tel')),
  );

  const customer = { name: `${markup.svgBreakout} ${scripts.hebrew} ${emoji.zwjFamily}`, email: "o'neil@example.com", phone: '+44 20 7946 0958' };
  await page.getByLabel('Name', { exact: true }).fill(customer.name);
  await page.getByLabel('Email', { exact: true }).fill(customer.email);
  await page.getByLabel('Phone', { exact: true }).fill(customer.phone);
  await cont.click();
  await expect(page.getByRole('heading', { name: /Review and confirm/ })).toBeVisible();
  // Shown as the very characters typed, never as markup.
  await expect(page.locator('teppan-booking').getByText(customer.name, { exact: false })).toBeVisible();
  await expect(page.locator('teppan-booking').getByText(address.line1, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeVisible();
  const bookings = (await (await request.get('/api/v1/admin/bookings', { headers: admin })).json()) as {
    bookings: { quoteId: string; customer: object; address: object; notes: string }[];
  };
  const stored = bookings.bookings.find((b) => b.quoteId === quote.id);
  expect(stored).toMatchObject({ customer, address: { line1: address.line1, city: address.city, zip: quote.zip }, notes: address.notes });

  // The deposit's card form, in place: digits-only fields keep the digits typed, the postal code keeps everything.
  const card = { number: '4242 4242 4242 4242', expiry: `12 / ${String(new Date().getFullYear() + 2).slice(2)}`, cvc: '123', postalCode: 'SW1A 1AA' };
  const cardProbe = (key: keyof typeof card, values: readonly string[]) =>
    probeField(page, {
      host: 'teppan-booking',
      field: key,
      values,
      keeps: key === 'postalCode' ? asInputKeeps : FORMATS[key],
      expected: (held) => paymentInEnglish(checkCard({ ...emptyCard, ...card, [key]: held }, Date.now())[key], key),
      after: 'blur',
      restore: card[key],
    });
  await expect(page.getByLabel('Card number')).toBeVisible();
  for (const [label, key] of [
    ['Card number', 'number'],
    ['Expiration date', 'expiry'],
    ['Security code', 'cvc'],
    ['Postal code', 'postalCode'],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(card[key]);
  }
  broken.push(
    ...(await cardProbe('number', [...someStrings, '4242424242424241', '4242 4242 4242 4242 4242', '１２３４'])),
    ...(await cardProbe('expiry', [...someStrings, '0000', '1399', '0101', '12/99'])),
    ...(await cardProbe('cvc', [...someStrings, '12', '12345'])),
    ...(await cardProbe('postalCode', [...sample, ...zips, 'K1A-0B1'])),
  );
  // Each probe typed its field's valid value back last: the card pays.
  await page.getByRole('button', { name: 'Pay deposit' }).click();
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
  await expectHeld(broken, traps);
});

/** The chat's composer says nothing for an empty box (nothing to send), else the shared rule's words. */
const composerRule = (held: string) => {
  if (held === '') return undefined;
  const r = chatText.safeParse(held);
  return r.success ? undefined : r.error.issues[0]?.message;
};

/** The lead form's verdict on a body with `field` as typed (empty contact fields are left out, as the form does). */
function leadRule(values: Record<'name' | 'email' | 'phone' | 'question', string>, field: string) {
  const body = {
    name: values.name,
    question: values.question,
    ...(values.email.trim() ? { email: values.email } : {}),
    ...(values.phone.trim() ? { phone: values.phone } : {}),
  };
  const r = leadRequest.safeParse(body, { reportInput: true });
  return r.success ? undefined : fieldErrorsOf(r.error.issues).find((e) => e.field === field)?.detail;
}

test('the chat: the message box and the "Talk to a person" form; messages and leads are shown and kept as typed', async ({ page, request }) => {
  const traps = await armTraps(page);
  await page.goto('/quote.html');
  await page.getByRole('button', { name: 'Open chat' }).click();
  const dialog = page.getByRole('dialog');
  const box = dialog.getByRole('textbox', { name: 'Message' });
  const send = dialog.getByRole('button', { name: 'Send' });
  // The launcher opens the panel at once; its message box comes with the chat's chunk, as a visitor sees it.
  await expect(box).toBeVisible();
  const broken = await probeField(page, {
    host: 'teppan-chat',
    field: 'message',
    values: text,
    keeps: asTextareaKeeps,
    expected: composerRule,
    // Only refusals are sent here (they never leave the page); accepted messages go below, a few for real.
    after: (accepted) => (accepted ? 'none' : 'submit'),
    restore: '',
  });

  // Markup and both directions as messages: each comes back in the log as the same text, and stored so.
  const said = [markup.scriptTag, markup.imgOnerror, markup.javascriptUrl, markup.linkAttribute, scripts.mixedDirection, emoji.zwjFamily];
  for (const message of said) {
    await box.fill(message);
    await send.click();
    await expect(dialog.locator('.teppan-chat__message--visitor').last().locator('.teppan-chat__bubble')).toHaveText(message);
  }
  await expect(dialog.locator('.teppan-chat__message--reply')).toHaveCount(said.length);
  const { conversations } = (await (await request.get('/api/v1/admin/conversations', { headers: admin })).json()) as {
    conversations: { messages: { role: string; text: string }[] }[];
  };
  const visitorTexts = conversations.flatMap((c) => c.messages.filter((m) => m.role === 'visitor').map((m) => m.text));
  expect(visitorTexts).toEqual(expect.arrayContaining(said));

  await dialog.getByRole('button', { name: 'Talk to a person' }).first().click();
  const lead = dialog.getByRole('form', { name: 'Talk to a person' });
  const sendLead = lead.getByRole('button', { name: 'Send to the team' });
  const values = { name: '', email: '', phone: '', question: '' };
  /** Every probe keeps another field empty, so nothing is sent while probing. */
  const leadProbe = async (field: keyof typeof values, list: readonly string[], type: 'text' | 'email' | 'tel' | undefined, blank: keyof typeof values) => {
    Object.assign(values, { name: 'Ann Lee', email: 'ann@example.com', question: 'Kosher?', phone: '', [blank]: '' });
    for (const [l, f] of [
      ['Name', 'name'],
      ['Email', 'email'],
      ['Phone', 'phone'],
      ['Your question', 'question'],
    ] as const) {
      await lead.getByLabel(l, { exact: true }).fill(values[f]);
    }
    return probeField(page, {
      host: 'teppan-chat',
      field,
      values: list,
      keeps: type ? (v) => asInputKeeps(v, type) : asTextareaKeeps,
      expected: (held) => leadRule({ ...values, [field]: held }, field),
      after: 'submit',
      restore: values[field],
    });
  };
  broken.push(
    ...(await leadProbe('name', sample, 'text', 'question')),
    ...(await leadProbe('email', [...emails, ...sample], 'email', 'name')),
    ...(await leadProbe('phone', [...phones, ...someStrings], 'tel', 'name')),
    ...(await leadProbe('question', sample, undefined, 'name')),
  );

  const person = { name: `${markup.imgOnerror} ${scripts.arabic}`, email: 'josé@exämple.com', question: `${markup.iframeSrcdoc}\n${emoji.sushi}` };
  await lead.getByLabel('Name', { exact: true }).fill(person.name);
  await lead.getByLabel('Email', { exact: true }).fill(person.email);
  await lead.getByLabel('Phone', { exact: true }).fill('');
  await lead.getByLabel('Your question', { exact: true }).fill(person.question);
  await sendLead.click();
  await expect(dialog.getByText(`Thanks, ${person.name}.`, { exact: false })).toBeVisible();
  const { leads } = (await (await request.get('/api/v1/admin/leads', { headers: admin })).json()) as {
    leads: { name: string; email?: string; question: string }[];
  };
  expect(leads.find((l) => l.name === person.name)).toMatchObject(person);
  await expectHeld(broken, traps);
});
