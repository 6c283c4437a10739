import nodemailer from 'nodemailer';
import type { SendMail } from './sender';

/** How long each step of a send may take: a mail server that hangs is a failed attempt, retried later. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends over SMTP to `url` (`smtp://` or `smtps://`, credentials in the URL,
 * `smtp://user:pass@host:587`), from `from`. The message's own Message-ID is
 * kept, so a message sent twice is recognisably one.
 */
export function smtpSender(url: string, from: string): SendMail {
  const transport = nodemailer.createTransport({ url, ...TIMEOUTS });
  return async (m) => {
    await transport.sendMail({
      from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: m.messageId,
      attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    });
  };
}
