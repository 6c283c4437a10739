import { createHash } from 'node:crypto';
import type { OutboxMessage } from '../store/types';
import { heading2, htmlDocument, paragraph } from './html';

/**
 * One email listing several team notices to one address, oldest first: each
 * notice's subject as a heading and its plain text below it (escaped, so
 * nothing a visitor typed becomes markup). Its Message-ID is made from the
 * notices it lists, so a digest sent again after a crash (its marks lost)
 * carries the same one.
 */
export function digestOf(notices: readonly OutboxMessage[]): OutboxMessage {
  const [first] = notices;
  if (!first || notices.length < 2) throw new Error('a digest lists at least two notices');
  const ids = notices.map((m) => m.id).sort();
  const hash = createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 32);
  const domain = /@([^>]+)>$/.exec(first.messageId)?.[1] ?? 'teppan.mail';
  const title = `${notices.length} notices for the team`;
  const intro = `${notices.length} notices came in together, so they are in this one email, oldest first.`;
  const numbered = notices.map((m, i) => ({ heading: `${i + 1}. ${m.subject}`, text: m.text }));
  return {
    ...first,
    id: `digest-${hash}`,
    kind: 'team-digest',
    subject: `${title}: ${first.subject}, and ${notices.length - 1} more`,
    text: [title, '', intro, ...numbered.flatMap((n) => ['', '', n.heading, '', n.text])].join('\n'),
    html: htmlDocument(title, [paragraph(intro), ...numbered.flatMap((n) => [heading2(n.heading), paragraph(n.text)])]),
    attachments: [],
    messageId: `<digest-${hash}@${domain}>`,
  };
}

/** What the admin list says of a notice sent in a digest. */
export const digestNote = (digest: OutboxMessage, count: number) => `Sent in one digest of ${count} team notices, Message-ID ${digest.messageId}.`;
