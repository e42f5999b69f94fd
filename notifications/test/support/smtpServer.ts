import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { parseMail, type ParsedMail } from './parsedMail';

/** A real SMTP server for a test: it keeps what it received, and can be told to refuse or stop. */
export interface TestSmtpServer {
  readonly url: string;
  readonly received: ParsedMail[];
  /** From now on, every MAIL FROM is answered 451 (a temporary refusal), until `accept()`. */
  refuse(): void;
  /** From now on, every recipient is refused for good (550, quoting the address), until `accept()`. */
  rejectRecipients(): void;
  accept(): void;
  /** Closes the listening socket (a mail server down), until `start()` listens on the same port again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  let refusing = false;
  let rejecting = false;
  let port = 0;
  let server: SMTPServer | undefined;
  const listen = async () => {
    const next = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onMailFrom(_address, _session, callback) {
        if (!refusing) return callback();
        callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      },
      onRcptTo(address, _session, callback) {
        if (!rejecting) return callback();
        callback(Object.assign(new Error(`<${address.address}>: no such mailbox`), { responseCode: 550 }));
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(parseMail(Buffer.concat(chunks).toString('utf8')));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.server.address() as AddressInfo).port;
    server = next;
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: () => (refusing = true),
    rejectRecipients: () => (rejecting = true),
    accept: () => {
      refusing = false;
      rejecting = false;
    },
    stop,
    start: listen,
    close: stop,
  };
}
