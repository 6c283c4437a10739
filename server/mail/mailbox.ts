import { Hono } from 'hono';
import type { OutboxMessage, Store } from '../store/types';
import type { Tenant } from '../tenants';
import { escapeHtml } from './html';

/** Messages the list shows at most, newest first. */
const SHOWN = 200;

/**
 * The mailbox's own look, a file of its own (the site's policy allows no inline style): readable at phone
 * width, where a long subject, address or link wraps rather than widening the page, and the list scrolls in
 * its own box.
 */
const MAILBOX_CSS = `
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 16px/1.5 system-ui, -apple-system, Segoe UI, Roboto, sans-serif; color: #1f1b16; }
h1 { font-size: 1.5rem; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 1.125rem; margin-top: 2rem; }
table { border-collapse: collapse; }
caption { text-align: start; font-weight: 600; padding-bottom: 0.5rem; }
th, td { text-align: start; vertical-align: top; padding: 0.25rem 0.75rem 0.25rem 0; overflow-wrap: anywhere; }
th[scope="row"] { overflow-wrap: normal; white-space: nowrap; }
.scroll { overflow-x: auto; }
.scroll td, .scroll th { white-space: nowrap; }
.scroll td:nth-child(4) { white-space: normal; min-width: 16rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f3ef; padding: 0.75rem; font-size: 0.875rem; }
iframe { display: block; max-width: 100%; border: 1px solid #d6cfc6; background: #fff; }
`;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/mail/mailbox.css"></head><body>${body}</body></html>`;

const when = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** Every message of a tenant, oldest first, a page at a time up to the last `SHOWN`. */
async function messagesOf(store: Store, tenantId: string): Promise<OutboxMessage[]> {
  const all: OutboxMessage[] = [];
  let page = await store.listMessages(tenantId, { limit: 100 });
  all.push(...page.items);
  while (page.next) {
    page = await store.listMessages(tenantId, { limit: 100, after: page.next });
    all.push(...page.items);
    all.splice(0, Math.max(0, all.length - SHOWN));
  }
  return all;
}

/**
 * The development mailbox at `/mail/`, when no SMTP server is configured:
 * every message kept in the outbox, each as its recipient would see it. The
 * HTML part is served at a URL of its own under a policy that runs nothing
 * and sandboxes it (see security.ts), framed at desktop and phone width; its
 * links open in a new tab. It shows every tenant's mail to whoever reaches
 * the server: a server others can reach sends real mail instead.
 */
export function mailboxRoutes(store: Store, tenants: readonly Tenant[]) {
  const tenantIds = new Set(tenants.map((t) => t.id));
  const find = async (tenantId: string, id: string) => (tenantIds.has(tenantId) ? store.getMessage(tenantId, id) : undefined);
  const base = (m: OutboxMessage) => `/mail/${encodeURIComponent(m.tenantId)}/${encodeURIComponent(m.id)}`;
  const notFound = () =>
    new Response(page('No such message', '<h1>No such message</h1><p><a href="/mail/">All messages</a></p>'), {
      status: 404,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });

  return new Hono()
    .get('/mail', (c) => c.redirect('/mail/', 301))
    .get('/mail/mailbox.css', (c) => c.body(MAILBOX_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }))
    .get('/mail/', async (c) => {
      const messages = (await Promise.all(tenants.map((t) => messagesOf(store, t.id))))
        .flat()
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
      const rows = messages
        .map(
          (m) =>
            `<tr><td>${when(m.createdAt)}</td><td>${escapeHtml(m.kind)}</td><td>${escapeHtml(m.to)}</td><td><a href="${base(m)}">${escapeHtml(m.subject)}</a></td><td>${m.status}</td></tr>`,
        )
        .join('');
      const body =
        messages.length === 0
          ? '<p>No messages yet. Book and pay a deposit, or send a question to the team from the chat, and they appear here.</p>'
          : `<div class="scroll"><table><caption>Newest first</caption><thead><tr><th scope="col">Queued</th><th scope="col">Kind</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table></div>`;
      c.header('Cache-Control', 'no-store');
      return c.html(
        page('Mailbox', `<h1>Mailbox</h1><p>No SMTP server is configured (<code>TEPPAN_SMTP_URL</code>), so mail is kept here, unsent.</p>${body}`),
      );
    })
    .get('/mail/:tenant/:id', async (c) => {
      const m = await find(c.req.param('tenant'), c.req.param('id'));
      if (!m) return notFound();
      const headers: [string, string][] = [
        ['To', m.to],
        ['Subject', m.subject],
        ['Message-ID', m.messageId],
        ['Kind', m.kind],
        ['Queued', when(m.createdAt)],
        ['Status', m.status],
      ];
      const attachments = m.attachments
        .map(
          (a, n) =>
            `<li><a href="${base(m)}/attachments/${n}" download="${escapeHtml(a.filename)}">${escapeHtml(a.filename)}</a> (${escapeHtml(a.contentType)})</li>`,
        )
        .join('');
      c.header('Cache-Control', 'no-store');
      return c.html(
        page(
          m.subject,
          [
            '<p><a href="/mail/">All messages</a></p>',
            `<h1>${escapeHtml(m.subject)}</h1>`,
            `<table><tbody>${headers.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`,
            attachments ? `<h2>Attachments</h2><ul>${attachments}</ul>` : '',
            '<h2>As sent (HTML), desktop width</h2>',
            `<iframe title="The message at desktop width" src="${base(m)}/html" sandbox="allow-popups allow-popups-to-escape-sandbox" width="100%" height="640"></iframe>`,
            '<h2>Phone width</h2>',
            `<iframe title="The message at phone width" src="${base(m)}/html" sandbox="allow-popups allow-popups-to-escape-sandbox" width="375" height="720"></iframe>`,
            '<h2>Plain text</h2>',
            `<pre>${escapeHtml(m.text)}</pre>`,
          ].join('\n'),
        ),
      );
    })
    .get('/mail/:tenant/:id/html', async (c) => {
      const m = await find(c.req.param('tenant'), c.req.param('id'));
      if (!m) return notFound();
      c.header('Cache-Control', 'no-store');
      // Links open in a tab of their own, not inside the frame.
      return c.html(m.html.replace(/<head>/i, '<head><base target="_blank">'));
    })
    .get('/mail/:tenant/:id/attachments/:n', async (c) => {
      const m = await find(c.req.param('tenant'), c.req.param('id'));
      const a = m?.attachments[Number(c.req.param('n'))];
      if (!a) return notFound();
      c.header('Cache-Control', 'no-store');
      c.header('Content-Disposition', `attachment; filename="${a.filename.replace(/[^\w.-]/g, '_')}"`);
      return c.body(a.content, 200, { 'content-type': a.contentType });
    });
}
