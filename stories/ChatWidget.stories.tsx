import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test';
import type { ChatStreamEvent, Conversation, Lead } from '../src/contract';
import { ChatWidget } from '../src/react';
import { chatArgTypes } from './support/argTypes';
import { called } from './support/called';
import { apiBase, arm, disarm, forgetStory, requestsSeen, stored, storyFetch, storyScope } from './support/storyApi';
import { WidgetDocs } from './support/WidgetDocs';
import { withTeppan } from './support/withTeppan';

const BUSINESS = 'Sakura Hibachi Catering';
const PANEL = `Questions? Ask ${BUSINESS}`;
const CHAT = '/api/v1/chat/messages';
/** Where the chat keeps its conversation id and unsent messages: the scope of withTeppan's provider. */
const memoryKey = (storyId: string) => `teppan:chat:${storyScope(storyId)}`;

type Canvas = ReturnType<typeof within>;
type Memory = { v: 1; conversationId: string | null; outbox: { messageId: string; text: string }[] };

/** What reached the story's server, to count sends from its side. */
const seen = async (storyId: string, method: string, path: string) => (await requestsSeen(storyId)).filter((r) => r.method === method && r.path === path);

const memory = (storyId: string) => (stored(storyId, 'teppan:chat:') ?? undefined) as Memory | undefined;

/** The conversation as the server keeps it (the one this device remembers), by role. */
async function rolesOnServer(storyId: string): Promise<string[]> {
  const id = memory(storyId)?.conversationId;
  if (!id) return [];
  const res = await storyFetch(storyId, `/api/v1/chat/conversations/${id}?key=pk_test_demo`);
  return ((await res.json()) as Conversation).messages.map((m) => m.role);
}

/** Sends a message as the demo tenant's page would, and reads its streamed reply to the end. */
async function askServer(storyId: string, text: string, conversationId?: string): Promise<ChatStreamEvent[]> {
  const messageId = crypto.randomUUID();
  const res = await storyFetch(storyId, CHAT, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json', 'idempotency-key': messageId },
    body: JSON.stringify({ conversationId, messageId, text }),
  });
  if (!res.ok) throw new Error(`POST ${CHAT} answered ${res.status}: ${await res.text()}`);
  const body = await res.text();
  return body
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ChatStreamEvent);
}

async function openPanel(canvas: Canvas): Promise<HTMLElement> {
  const panel = await canvas.findByRole('dialog', { name: PANEL }, { timeout: 5000 });
  await expect(panel).toBeVisible();
  return panel;
}

/** Puts a question in the Message box and sends it with Enter. */
async function ask(panel: HTMLElement, text: string) {
  const box = within(panel).getByRole('textbox', { name: 'Message' });
  await userEvent.click(box);
  await userEvent.paste(text);
  await userEvent.keyboard('{Enter}');
}

/** The conversation's messages: the visitor's ("You: …") and the business's replies ("Sakura Hibachi Catering: …"). */
const items = (panel: HTMLElement) => within(within(panel).getByRole('list', { name: 'Messages' })).queryAllByRole('listitem');
const visitorMessages = (panel: HTMLElement) => items(panel).filter((li) => li.textContent?.startsWith('You: '));
const replies = (panel: HTMLElement) => items(panel).filter((li) => li.textContent?.startsWith(`${BUSINESS}: `));
/** A reply's words: its first paragraph (its state and its actions follow it). */
const wordsOf = (reply: HTMLElement) => within(reply).getAllByRole('paragraph')[0]?.textContent ?? '';

/** The newest reply, once it is complete (no longer busy). */
async function completeReply(panel: HTMLElement): Promise<HTMLElement> {
  return waitFor(
    () => {
      const reply = replies(panel).at(-1);
      expect(reply).toBeDefined();
      expect(reply).not.toHaveAttribute('aria-busy');
      return reply as HTMLElement;
    },
    { timeout: 5000 },
  );
}

/** The nearest ancestor that scrolls. */
function scrollerOf(el: HTMLElement): HTMLElement {
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(node).overflowY)) return node;
  }
  throw new Error('Nothing scrolls around this element.');
}

const PACED = 'x-story-paced';

/**
 * The reply's lines handed on `ms` apart, as over a slow connection: the same
 * in-browser server answers (the request is passed on to it), only the body
 * arrives slower, so a visitor has time to press Stop mid-answer.
 */
function pacedReplies(storyId: string, ms: number) {
  return http.post(`*${apiBase(storyId)}${CHAT}`, async ({ request }) => {
    // The request passed on below: let the reference API answer it.
    if (request.headers.has(PACED)) return undefined;
    const headers = new Headers(request.headers);
    headers.set(PACED, '1');
    const answer = await fetch(request.url, { method: 'POST', headers, body: await request.text() });
    const reader = answer.body?.pipeThrough(new TextDecoderStream()).getReader();
    const encoder = new TextEncoder();
    let buffer = '';
    let first = true;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        for (;;) {
          const nl = buffer.indexOf('\n');
          if (nl >= 0) {
            if (!first) await new Promise((r) => setTimeout(r, ms));
            first = false;
            controller.enqueue(encoder.encode(buffer.slice(0, nl + 1)));
            buffer = buffer.slice(nl + 1);
            return;
          }
          const next = await reader?.read();
          if (!next || next.done) {
            if (buffer) controller.enqueue(encoder.encode(buffer));
            controller.close();
            return;
          }
          buffer += next.value;
        }
      },
      cancel: (reason) => reader?.cancel(reason),
    });
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}

const onReady = fn();

/**
 * Questions answered as they stream, from the business's own facts, and a
 * person when that is not enough. Most stories start with the panel open.
 */
const meta = {
  title: 'Widgets/ChatWidget',
  component: ChatWidget,
  decorators: [withTeppan],
  tags: ['autodocs'],
  argTypes: chatArgTypes,
  parameters: {
    docs: {
      page: () => <WidgetDocs widget="chat" label="ChatWidget" />,
      // The panel floats over the page (fixed, bottom right) and takes no room in it: a docs page gives each story a
      // frame the panel's height (38em at the widget's own 16px type) and its 16px margins, and holds the panel in it.
      // The Launcher's too: pressed there, its panel opens in the same frame.
      story: { height: '640px' },
    },
  },
  args: { defaultOpen: true, onError: fn(), onReady, onOpenChange: fn() },
  async beforeEach({ id }) {
    // No conversation or unsent message from an earlier run of the story.
    forgetStory(id);
    // The widget's code first: a cold Vite transform under load must not eat the play function's waits.
    await ChatWidget.preload();
  },
} satisfies Meta<typeof ChatWidget>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Closed: only the "Open chat" button. */
export const Launcher: Story = {
  args: { defaultOpen: false },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const launcher = await canvas.findByRole('button', { name: 'Open chat' }, { timeout: 5000 });
    await expect(launcher).toBeVisible();
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await called(onReady);

    await userEvent.click(launcher);
    const panel = await openPanel(canvas);
    await expect(within(panel).getByRole('textbox', { name: 'Message' })).toHaveFocus();
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(true);

    // Escape closes it and gives focus back to the button that opened it.
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Open chat' })).toHaveFocus());
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(false);

    // So does the close button.
    await userEvent.click(canvas.getByRole('button', { name: 'Open chat' }));
    await userEvent.click(within(await openPanel(canvas)).getByRole('button', { name: 'Close chat' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Open chat' })).toHaveFocus());
  },
};

/** Nothing asked yet: the welcome and the suggested questions; a suggestion sends itself. */
export const Empty: Story = {
  play: async ({ canvasElement, args, id }) => {
    const panel = await openPanel(within(canvasElement));
    const view = within(panel);
    await expect(view.getByText(/Hi! Ask about prices, our service area, the menu/)).toBeVisible();
    await expect(view.getByRole('textbox', { name: 'Message' })).toHaveFocus();
    await expect(items(panel)).toHaveLength(0);
    const suggestions = view.getByRole('list', { name: 'Suggested questions' });
    await expect(
      within(suggestions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['How much per person?', 'Do you travel to my area?', 'What if it rains?']);

    await userEvent.click(within(suggestions).getByRole('button', { name: 'How much per person?' }));
    await expect(visitorMessages(panel).map((m) => m.textContent)).toEqual([expect.stringContaining('How much per person?')]);
    await expect(view.queryByRole('list', { name: 'Suggested questions' })).toBeNull();
    await expect(wordsOf(await completeReply(panel))).toMatch(/\$60.*per adult.*\$30 per child/);
    await expect(view.getByText('Sent')).toBeVisible();
    await expect(await seen(id, 'POST', CHAT)).toHaveLength(1);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** A reply arriving: it grows as its pieces stream in, with Stop at hand until it is complete. */
export const Streaming: Story = {
  play: async ({ canvasElement, args }) => {
    const panel = await openPanel(within(canvasElement));
    const view = within(panel);
    // Every state of the reply's words as the visitor sees them.
    const shown: string[] = [];
    const log = view.getByRole('list', { name: 'Messages' });
    const observer = new MutationObserver(() => {
      const reply = replies(panel).at(-1);
      const words = reply ? wordsOf(reply) : '';
      if (words && words !== shown.at(-1)) shown.push(words);
    });
    observer.observe(log, { subtree: true, childList: true, characterData: true });

    await ask(panel, 'how much per kid?');
    await expect(await view.findByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(view.getByRole('textbox', { name: 'Message' })).toHaveValue('');
    const reply = await completeReply(panel);
    observer.disconnect();

    const whole = wordsOf(reply);
    // The children's answer, from the catalog's own figures.
    await expect(whole).toMatch(/Children under 12 are \$30 a plate \(adults \$60\)/);
    // It grew: several partial states before the whole, each the start of the next.
    await expect(shown.length).toBeGreaterThanOrEqual(3);
    await expect(shown.at(-1)).toBe(whole);
    for (const [i, words] of shown.slice(1).entries()) await expect(words.startsWith(shown[i] ?? '')).toBe(true);
    // "Stop" goes once the answer's stream has closed, a moment after its last words.
    await waitFor(() => expect(view.queryByRole('button', { name: 'Stop' })).toBeNull());
    await expect(view.getByText('Sent')).toBeVisible();
    // Screen readers hear the whole reply once it is complete.
    await expect(view.getByText(`${BUSINESS}: ${whole}`)).toHaveAttribute('aria-live', 'polite');
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** Stop pressed mid-answer: what arrived stays, and the rest is a click away. */
export const Stopped: Story = {
  beforeEach({ msw, id }) {
    msw.use(pacedReplies(id, 150));
  },
  play: async ({ canvasElement, args, id }) => {
    const panel = await openPanel(within(canvasElement));
    const view = within(panel);
    await ask(panel, 'what is your cancellation policy?');
    // Some of the answer is showing.
    await waitFor(() => expect(replies(panel).at(-1)?.textContent).toMatch(/Plans change, we get it\. Reschedule/), { timeout: 5000 });
    await userEvent.click(view.getByRole('button', { name: 'Stop' }));

    await expect(await view.findByText(/^Stopped\./)).toBeVisible();
    const reply = replies(panel).at(-1) as HTMLElement;
    await expect(reply).not.toHaveAttribute('aria-busy');
    const partial = wordsOf(reply);
    await expect(partial).toMatch(/^Plans change/);
    await expect(view.queryByRole('button', { name: 'Stop' })).toBeNull();
    // Stopping is the visitor's choice, not a failure.
    await expect(args.onError).not.toHaveBeenCalled();

    await userEvent.click(view.getByRole('button', { name: 'Show the whole answer' }));
    await waitFor(() => expect(view.queryByText(/^Stopped\./)).toBeNull(), { timeout: 5000 });
    const whole = wordsOf(await completeReply(panel));
    await expect(whole.length).toBeGreaterThan(partial.length);
    await expect(whole.startsWith(partial)).toBe(true);
    await expect(whole).toMatch(/use the link in your booking confirmation email: it shows what would be refunded before you confirm\.$/);
    // The same reply, completed: one answer in the log and on the server.
    await expect(replies(panel)).toHaveLength(1);
    await expect(await rolesOnServer(id)).toEqual(['visitor', 'assistant']);
  },
};

/** The connection broke mid-answer: what arrived stays, and Try again completes the same reply. */
export const Cut: Story = {
  async beforeEach({ id }) {
    await arm(id, { method: 'POST', path: CHAT, cutAfterBytes: 260, times: 1 });
  },
  play: async ({ canvasElement, args, id }) => {
    const panel = await openPanel(within(canvasElement));
    const view = within(panel);
    await ask(panel, 'what is your cancellation policy?');
    // Said beside the reply (the live region says it too, with what to do).
    const status = await view.findByText(/^The answer was cut off before it was complete\.$/, {}, { timeout: 5000 });
    const reply = replies(panel).at(-1) as HTMLElement;
    await expect(reply).toContainElement(status);
    await expect(panel.querySelector('.teppan-sr-only[aria-live="polite"]')).toHaveTextContent(/cut off.*Try again/);
    await expect(reply).not.toHaveAttribute('aria-busy');
    const partial = wordsOf(reply);
    await expect(partial).toMatch(/^Plans change/);
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network' }));

    await userEvent.click(within(reply).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(view.queryByText(/cut off/)).toBeNull(), { timeout: 5000 });
    const whole = wordsOf(await completeReply(panel));
    await expect(whole.length).toBeGreaterThan(partial.length);
    await expect(whole.startsWith(partial)).toBe(true);
    // One reply, completed in place: not a second answer.
    await expect(replies(panel)).toHaveLength(1);
    await expect(visitorMessages(panel)).toHaveLength(1);
    await expect(await rolesOnServer(id)).toEqual(['visitor', 'assistant']);
    // Both attempts were the same message (one key).
    await expect(new Set((await seen(id, 'POST', CHAT)).map((r) => r.idempotencyKey)).size).toBe(1);
  },
};

/** The browser says it is offline (what the chat checks before sending). */
const goOffline = () => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
/** Removes the stub: the browser's own answer (online) shows through again. */
const goOnline = () => Reflect.deleteProperty(navigator, 'onLine');

/** Written offline: the message waits on this device, then goes exactly once when the network returns. */
export const OfflineQueue: Story = {
  beforeEach() {
    goOffline();
    return () => {
      goOnline();
    };
  },
  play: async ({ canvasElement, args, id }) => {
    const panel = await openPanel(within(canvasElement));
    const view = within(panel);
    await ask(panel, 'do you come to 92660?');
    await expect(await view.findByText('Waiting for the network: it will be sent when you’re back online.')).toBeVisible();
    // Kept on the device, not sent.
    await expect(memory(id)?.outbox.map((m) => m.text)).toEqual(['do you come to 92660?']);
    await new Promise((r) => setTimeout(r, 300));
    await expect(await seen(id, 'POST', CHAT)).toHaveLength(0);
    await expect(replies(panel)).toHaveLength(0);

    goOnline();
    window.dispatchEvent(new Event('online'));
    await expect(wordsOf(await completeReply(panel))).toContain('92660');
    await expect(view.getByText('Sent')).toBeVisible();
    await expect(await seen(id, 'POST', CHAT)).toHaveLength(1);
    await expect(memory(id)?.outbox).toEqual([]);
    // A second "online" finds nothing left to send.
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 300));
    await expect(await seen(id, 'POST', CHAT)).toHaveLength(1);
    await expect(replies(panel)).toHaveLength(1);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The server refuses the message: "Not sent" with the reason and Try again, which sends it once it can. */
export const FailedSend: Story = {
  async beforeEach({ id }) {
    // Every attempt refused, the client's own retries included.
    await arm(id, { method: 'POST', path: CHAT, status: 503 });
  },
  play: async ({ canvasElement, args, id }) => {
    const panel = await openPanel(within(canvasElement));
    const view = within(panel);
    await ask(panel, 'what if it rains?');
    const [message] = visitorMessages(panel);
    await expect(
      await within(message as HTMLElement).findByText(/^Not sent: We’re busy right now\. Please try again shortly\./, {}, { timeout: 8000 }),
    ).toBeVisible();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'busy' }));
    await expect(replies(panel)).toHaveLength(0);
    await expect(view.queryByRole('button', { name: 'Stop' })).toBeNull();
    // What was typed is kept, to send again.
    await expect(memory(id)?.outbox.map((m) => m.text)).toEqual(['what if it rains?']);

    // The server is back: Try again sends it once.
    await disarm(id);
    await userEvent.click(within(message as HTMLElement).getByRole('button', { name: 'Try again' }));
    await expect(wordsOf(await completeReply(panel))).toMatch(/rain/);
    await expect(view.getByText('Sent')).toBeVisible();
    await expect(await seen(id, 'POST', CHAT)).toHaveLength(1);
    await expect(visitorMessages(panel)).toHaveLength(1);
    await expect(await rolesOnServer(id)).toEqual(['visitor', 'assistant']);
  },
};

/** A question the FAQ can't answer: the reply offers a person, and the form sends the question to the team. */
export const HandoffForm: Story = {
  play: async ({ canvasElement, args, id }) => {
    const panel = await openPanel(within(canvasElement));
    const view = within(panel);
    await ask(panel, 'who won the game last night?');
    const reply = await completeReply(panel);
    await expect(wordsOf(reply)).toMatch(/not sure.*Talk to a person/);
    await userEvent.click(within(reply).getByRole('button', { name: 'Talk to a person' }));

    const form = await view.findByRole('form', { name: 'Talk to a person' });
    const fields = within(form);
    for (const label of ['Name', 'Email', 'Phone']) await expect(fields.getByLabelText(label)).toHaveValue('');
    await expect(fields.getByLabelText('Your question')).toHaveValue('who won the game last night?');
    await expect(view.queryByRole('textbox', { name: 'Message' })).toBeNull();

    // Neither email nor phone: said beside Email, and nothing is sent.
    await userEvent.type(fields.getByLabelText('Name'), 'Ann Lee');
    await userEvent.click(fields.getByRole('button', { name: 'Send to the team' }));
    await expect(fields.getByLabelText('Email')).toHaveAccessibleDescription(/Give an email or a phone number/);
    await expect(fields.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(fields.getByLabelText('Email')).toHaveFocus();
    await expect(await seen(id, 'POST', '/api/v1/leads')).toHaveLength(0);

    await userEvent.type(fields.getByLabelText('Phone'), '(213) 555-0199');
    await userEvent.click(fields.getByRole('button', { name: 'Send to the team' }));
    const thanks = await view.findByText(/^Thanks, Ann Lee\. The team has your question and will get back to you by phone at \(213\) 555-0199\./);
    await expect(thanks).toHaveFocus();
    const res = await storyFetch(id, '/api/v1/admin/leads', { headers: { authorization: 'Bearer sk_test_demo' } });
    const { leads } = (await res.json()) as { leads: Lead[] };
    await expect(leads).toEqual([
      expect.objectContaining({
        name: 'Ann Lee',
        phone: '(213) 555-0199',
        question: 'who won the game last night?',
        conversationId: memory(id)?.conversationId,
      }),
    ]);
    await expect(args.onError).not.toHaveBeenCalled();

    // Back to the conversation, ready to type.
    await userEvent.click(view.getByRole('button', { name: 'Back to the chat' }));
    await expect(view.getByRole('textbox', { name: 'Message' })).toHaveFocus();
    await expect(replies(panel)).toHaveLength(1);
  },
};

const QUESTIONS = [
  'how much per kid?',
  'is there a minimum?',
  'how much is the deposit?',
  'do you travel to 92660?',
  'what is on the menu?',
  'what if it rains?',
  'what do you bring?',
  'how long does it take?',
];

/** A returning visitor: eight exchanges restored from the server on arrival, the newest in view. */
export const LongConversation: Story = {
  async beforeEach({ id }) {
    let conversationId: string | undefined;
    for (const question of QUESTIONS) {
      const events = await askServer(id, question, conversationId);
      const start = events.find((e) => e.type === 'start');
      if (!start || !events.some((e) => e.type === 'end')) throw new Error(`No whole reply to "${question}".`);
      conversationId = start.conversationId;
    }
    localStorage.setItem(memoryKey(id), JSON.stringify({ v: 1, conversationId, outbox: [] }));
  },
  play: async ({ canvasElement, args, id }) => {
    const panel = await openPanel(within(canvasElement));
    const view = within(panel);
    await waitFor(() => expect(items(panel)).toHaveLength(QUESTIONS.length * 2), { timeout: 5000 });
    await expect(visitorMessages(panel).map((m) => m.textContent)).toEqual(QUESTIONS.map((q) => `You: ${q}Sent`));
    await expect(wordsOf(replies(panel)[0] as HTMLElement)).toMatch(/Children under 12 are \$30 a plate/);
    await expect(wordsOf(replies(panel).at(-1) as HTMLElement)).toMatch(/^Plan on about/);
    // A conversation already under way: no suggestions.
    await expect(view.queryByRole('list', { name: 'Suggested questions' })).toBeNull();

    // The log is scrolled to its end: the newest reply is in view.
    const log = view.getByRole('list', { name: 'Messages' });
    const scroller = scrollerOf(log);
    await expect(scroller.scrollHeight).toBeGreaterThan(scroller.clientHeight);
    await waitFor(() => expect(scroller.scrollTop + scroller.clientHeight).toBeGreaterThanOrEqual(scroller.scrollHeight - 2));
    const newest = (replies(panel).at(-1) as HTMLElement).getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    await expect(newest.bottom).toBeLessThanOrEqual(frame.bottom + 1);
    await expect(newest.top).toBeGreaterThanOrEqual(frame.top);
    // Restored, not sent again.
    await expect(await seen(id, 'POST', CHAT)).toHaveLength(QUESTIONS.length);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/**
 * On a phone (390×844) the panel is the whole screen and the page behind it is
 * held still. The viewport global applies in the Storybook UI and in the
 * Vitest runner (the addon sizes the page from it before the story renders).
 */
export const PhoneWidth: Story = {
  // The catalogue's phone viewport (.storybook/preview.ts).
  globals: { viewport: { value: 'phone', isRotated: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const panel = await openPanel(canvas);
    await expect(window.innerWidth).toBe(390);
    await expect(window.matchMedia('(max-width: 40em)').matches).toBe(true);
    const style = getComputedStyle(panel);
    await expect(style.position).toBe('fixed');
    await expect([style.top, style.right, style.bottom, style.left]).toEqual(['0px', '0px', '0px', '0px']);
    const box = panel.getBoundingClientRect();
    await expect({ x: box.x, y: box.y, width: box.width, height: box.height }).toEqual({
      x: 0,
      y: 0,
      width: window.innerWidth,
      height: window.innerHeight,
    });
    await expect(getComputedStyle(document.documentElement).overflow).toBe('hidden');

    // Closing lets the page scroll again.
    await userEvent.keyboard('{Escape}');
    await expect(getComputedStyle(document.documentElement).overflow).not.toBe('hidden');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Open chat' })).toHaveFocus());
  },
};

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

/** Markup a visitor types is shown as the text it is: nothing in it becomes an element or runs. */
export const HostileText: Story = {
  play: async ({ canvasElement }) => {
    const alert = spyOn(window, 'alert').mockImplementation(() => {});
    try {
      const panel = await openPanel(within(canvasElement));
      await ask(panel, HOSTILE);
      await completeReply(panel);
      await expect(within(panel).getByText(HOSTILE)).toBeVisible();
      await expect(visitorMessages(panel)).toHaveLength(1);
      await expect(panel.querySelectorAll('img, script')).toHaveLength(0);
      await expect(alert).not.toHaveBeenCalled();
    } finally {
      alert.mockRestore();
    }
  },
};
