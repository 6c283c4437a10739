import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

interface AdminConversation {
  id: string;
  messages: { id: string; role: string; text: string }[];
}

async function conversations(request: APIRequestContext): Promise<AdminConversation[]> {
  const res = await request.get('/api/v1/admin/conversations', { headers: { authorization: 'Bearer sk_test_demo' } });
  return ((await res.json()) as { conversations: AdminConversation[] }).conversations;
}

/** The conversation holding a visitor message with exactly this text. */
async function conversationWith(request: APIRequestContext, text: string) {
  return (await conversations(request)).find((c) => c.messages.some((m) => m.role === 'visitor' && m.text === text));
}

async function openChat(page: Page, path = '/') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Open chat' }).click();
  const panel = page.getByRole('dialog', { name: /Questions\? Ask/ });
  await expect(panel).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  return panel;
}

async function ask(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

const replies = (page: Page) => page.getByRole('dialog').locator('.teppan-chat__message--reply');

test('the launcher is there before any chat code; hovering fetches it, pressing opens the chat', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().includes('modulepreload')) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/quote.html');
  const launcher = page.getByRole('button', { name: 'Open chat' });
  await expect(launcher).toBeVisible();
  await page.waitForTimeout(300);
  const chatCode = () => scripts.some((s) => /\/embed\/chat-[\w-]{8}\.js$/.test(s));
  expect(chatCode()).toBe(false);
  await launcher.hover();
  await expect.poll(chatCode).toBe(true);
  await launcher.click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
});

test('a question gets an answer that streams in, from the business’s own figures; axe finds nothing', async ({ page, request }) => {
  await openChat(page);
  await ask(page, 'how much per kid?');
  const reply = replies(page).last();
  await expect(reply).toContainText('$30');
  await expect(page.getByRole('dialog').getByText('Sent')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  await expect.poll(async () => (await conversationWith(request, 'how much per kid?'))?.messages.map((m) => m.role)).toEqual(['visitor', 'assistant']);
});

test('a question in two parts gets both answers in one reply; a part it cannot answer is offered to a person', async ({ page }) => {
  await openChat(page);
  await ask(page, 'how big is the deposit and is it refundable');
  const reply = replies(page).last();
  await expect(reply).toContainText('refund the deposit in full');
  const text = (await reply.textContent()) ?? '';
  expect(text.indexOf('A $100 deposit')).toBeGreaterThanOrEqual(0);
  expect(text.indexOf('A $100 deposit')).toBeLessThan(text.indexOf('refund the deposit in full'));
  await expect(replies(page)).toHaveCount(1);

  await ask(page, '<img src="https://example.com/party.jpg"> how much per adult, and do you bring a DJ?');
  const second = replies(page).nth(1);
  await expect(second).toContainText('$60 per adult');
  await expect(second).toContainText('As for “do you bring a DJ”, I’m not sure');
  await expect(second.getByRole('button', { name: 'Talk to a person' })).toBeVisible();
});

test('a reload restores the conversation', async ({ page }) => {
  await openChat(page, '/book.html');
  await ask(page, 'what if it rains');
  await expect(replies(page).last()).toContainText(/rain/i);
  await page.reload();
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByRole('dialog').getByText('what if it rains')).toBeVisible();
  await expect(replies(page)).toHaveCount(1);
});

test('a message typed offline waits, then goes exactly once when the network returns', async ({ page, context, request }) => {
  await openChat(page, '/pay.html');
  await context.setOffline(true);
  await ask(page, 'do u come to 92660');
  await expect(page.getByRole('dialog').getByText(/Waiting for the network/)).toBeVisible();
  await page.waitForTimeout(500);
  await context.setOffline(false);
  await expect(replies(page).last()).toContainText('92660');
  await expect(page.getByRole('dialog').getByText('Sent')).toBeVisible();
  await expect(replies(page).last()).not.toHaveAttribute('aria-busy');
  await expect.poll(async () => (await conversationWith(request, 'do u come to 92660'))?.messages.map((m) => m.role)).toEqual(['visitor', 'assistant']);
});

test('a reply cut off mid-stream keeps what arrived, and Try again completes it without a second answer', async ({ page, request }) => {
  await openChat(page, '/elements.html');
  await request.post('/__chaos', { data: { method: 'POST', path: '/api/v1/chat/messages', cutAfterBytes: 260, times: 1 } });
  await ask(page, 'what is your cancellation policy');
  const dialog = page.getByRole('dialog');
  await expect(
    replies(page)
      .last()
      .getByText(/cut off/),
  ).toBeVisible();
  const partial = (await replies(page).last().locator('.teppan-chat__bubble').textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(
    replies(page)
      .last()
      .getByText(/cut off/),
  ).toHaveCount(0);
  // The whole answer streams again from its start: read it once it has all arrived.
  await expect(replies(page).last()).not.toHaveAttribute('aria-busy');
  const whole = (await replies(page).last().locator('.teppan-chat__bubble').textContent()) ?? '';
  expect(whole.length).toBeGreaterThan(partial.length);
  expect(whole.startsWith(partial)).toBe(true);
  await expect
    .poll(async () => (await conversationWith(request, 'what is your cancellation policy'))?.messages.map((m) => m.role))
    .toEqual(['visitor', 'assistant']);
});

test('off-topic questions go to a person: one lead, however often the form is sent', async ({ page, request }) => {
  await openChat(page);
  await ask(page, 'who won the game last night?');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Talk to a person' }).last().click();
  const form = dialog.getByRole('form', { name: 'Talk to a person' });
  await expect(form.getByLabel('Your question')).toHaveValue('who won the game last night?');
  await form.getByRole('button', { name: 'Send to the team' }).click();
  await expect(form.getByText(/Give an email or a phone number/)).toBeVisible();
  await form.getByLabel('Name').fill('Lead Person');
  await form.getByLabel('Phone').fill('(213) 555-0199');
  await form.getByRole('button', { name: 'Send to the team' }).dblclick();
  await expect(dialog.getByText(/Thanks, Lead Person/)).toBeFocused();
  // Once the team has it, none of the visitor's details stay on the device.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('Lead Person');
  expect(stored).not.toContain('555-0199');
  const res = await request.get('/api/v1/admin/leads', { headers: { authorization: 'Bearer sk_test_demo' } });
  const leads = ((await res.json()) as { leads: { name: string; phone?: string; question: string }[] }).leads.filter((l) => l.name === 'Lead Person');
  expect(leads).toEqual([expect.objectContaining({ phone: '(213) 555-0199', question: 'who won the game last night?' })]);
});

test('markup and scripts from a visitor are shown as text, never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openChat(page);
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> <b>bold?</b>';
  await ask(page, hostile);
  const panel = page.getByRole('dialog');
  await expect(panel.getByText(hostile)).toBeVisible();
  await expect(replies(page)).toHaveCount(1);
  expect(await panel.locator('img, script, b').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("Teppan('open', 'chat') opens it; Escape closes it and gives focus back to the launcher", async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => (window as unknown as { Teppan: (...a: unknown[]) => void }).Teppan('open', 'chat'));
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeFocused();
});

test('"Get a quote" in an answer brings the page’s quote calculator into view', async ({ page }) => {
  await openChat(page, '/');
  await ask(page, 'how much does it cost per person');
  await replies(page).last().getByRole('button', { name: 'Get a quote' }).click();
  await expect(page.getByLabel('Adults')).toBeInViewport();
});

test('on a phone the chat fills the screen and the page behind it stays still', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openChat(page, '/');
  const box = await page.getByRole('dialog').boundingBox();
  expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
  // Looked at as the panel's box settles (its styles may arrive after its first frame).
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden');
});

test('the chat works with the keyboard alone: open, ask, act on the answer, reach a person, close', async ({ page }) => {
  await page.goto('/book.html');
  const launcher = page.getByRole('button', { name: 'Open chat' });
  // The launcher comes last in the page: Tab reaches it after everything else.
  await page.keyboard.press('End');
  for (let i = 0; i < 40 && !(await launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)); i++) await page.keyboard.press('Tab');
  await expect(launcher).toBeFocused();
  await page.keyboard.press('Enter');
  const box = page.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeFocused();
  await page.keyboard.type('can you do gluten free?');
  await page.keyboard.press('Enter');
  await expect(replies(page).last()).toContainText(/gluten/i);
  await expect(box).toHaveValue('');
  // Shift+Tab from the message box walks back into the conversation, to the reply's offer of a person.
  const person = replies(page).last().getByRole('button', { name: 'Talk to a person' });
  for (let i = 0; i < 10 && !(await person.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)); i++)
    await page.keyboard.press('Shift+Tab');
  await expect(person).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(launcher).toBeFocused();
});
