import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpReceiver {
  /** `smtp://127.0.0.1:PORT`: what TEPPAN_SMTP_URL is set to. */
  url: string;
  /** Every message received so far, parsed, in the order they arrived (a message sent twice is here twice). */
  received: ParsedMail[];
  /** Stops listening: the server's sends are refused until `start` again. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** Resolves once `count` messages match, or rejects after `timeoutMs` saying what arrived. */
  waitFor(match: (m: ParsedMail) => boolean, count?: number, timeoutMs?: number): Promise<ParsedMail[]>;
}

/**
 * A real SMTP server on loopback (smtp-server, by nodemailer's author): no
 * TLS, no authentication, every message accepted, read from the SMTP stream
 * and parsed with mailparser.
 */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ParsedMail[] = [];
  let port = 0;
  let server: SMTPServer | undefined;

  async function start() {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.server.address() as AddressInfo).port;
    server = s;
  }
  await start();

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async stop() {
      const s = server;
      server = undefined;
      await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
    },
    start,
    async waitFor(match, count = 1, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          throw new Error(
            `waited ${timeoutMs} ms for ${count} message(s); received: ${received.map((m) => `${m.subject} → ${m.to && 'text' in m.to ? m.to.text : ''}`).join('; ')}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
