import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  /** The sender's display name in the From header ('' when it has none). */
  fromName: string;
  subject: string;
  text: string;
  html: string;
  /** Threading headers as a mail client reads them. */
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string[];
}

/** A real SMTP server on a free local port that keeps every message it receives, for tests. */
export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  /** Messages to an address, oldest first. */
  to(address: string): ReceivedMail[];
  /** The newest message to an address; fails when there is none. */
  last(address: string): ReceivedMail;
  clear(): void;
  close(): Promise<void>;
  /** Stops listening (an SMTP outage): senders get connection refused until start(). */
  stop(): Promise<void>;
  /** Listens again on the same port, keeping the messages received so far. */
  start(): Promise<void>;
}

/** Starts the sink; mail is parsed with mailparser as a mail client would. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const createServer = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            messages.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              fromName: parsed.from?.value[0]?.name ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId,
              inReplyTo: parsed.inReplyTo,
              references: parsed.references === undefined ? [] : Array.isArray(parsed.references) ? parsed.references : [parsed.references],
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  let server: SMTPServer | null = createServer();
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const stop = async () => {
    const running = server;
    server = null;
    if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
  };
  const to = (address_: string) => messages.filter((m) => m.to.includes(address_.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to,
    last(address_) {
      const found = to(address_);
      if (found.length === 0) throw new Error(`no mail to ${address_}; received: ${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ')}`);
      return found[found.length - 1]!;
    },
    clear: () => {
      messages.length = 0;
    },
    close: stop,
    stop,
    start: async () => {
      if (server) return;
      const next = createServer();
      await new Promise<void>((resolve, reject) => {
        next.once('error', reject);
        next.listen(port, '127.0.0.1', () => resolve());
      });
      server = next;
    },
  };
}

/** The first link in a mail's text that contains the given path. */
export function findLink(mail: ReceivedMail, pathPart: string): string {
  const match = mail.text.match(/https?:\/\/\S+/g)?.find((link) => link.includes(pathPart));
  if (!match) throw new Error(`no link with ${pathPart} in: ${mail.text}`);
  return match;
}
