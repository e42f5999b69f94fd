import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** An event a consumer gave up on, with why. Operators inspect and replay these. */
export interface DeadLetter {
  readonly consumer: string;
  /** The event as received: it may not even be a valid CloudEvent. */
  readonly event: unknown;
  readonly error: { readonly name: string; readonly message: string };
  readonly attempts: number;
  readonly failedAt: string;
}

export interface DeadLetterSink {
  send(letter: DeadLetter): Promise<void>;
}

/** Keeps dead letters in memory; for tests and for inspecting a running embedded process. */
export class MemoryDeadLetterSink implements DeadLetterSink {
  readonly letters: DeadLetter[] = [];

  send(letter: DeadLetter): Promise<void> {
    this.letters.push(letter);
    return Promise.resolve();
  }
}

/** Appends dead letters as JSON lines to a file: the embedded default keeps them across restarts. */
export class FileDeadLetterSink implements DeadLetterSink {
  constructor(private readonly path: string) {}

  async send(letter: DeadLetter): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(letter)}\n`, 'utf8');
  }
}
