import { newResourceId } from '../domain/ids';
import type { MailAttachment, OutboxMessage } from '../store/types';

/** What a message says; `queued` makes it an outbox row. */
export interface Draft {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** The domain in every Message-ID we make: ours, whatever the sending address. */
const MESSAGE_ID_DOMAIN = 'teppan.mail';

/** A new outbox row for `draft`, due at once, with the Message-ID it keeps through every retry. */
export function queued(tenantId: string, draft: Draft, now: number): OutboxMessage {
  const id = newResourceId('msg');
  return {
    id,
    tenantId,
    ...draft,
    attachments: draft.attachments ?? [],
    messageId: `<${id}@${MESSAGE_ID_DOMAIN}>`,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: now,
  };
}
