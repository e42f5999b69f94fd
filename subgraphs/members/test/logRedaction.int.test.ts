import { createErrorFormatter, createLogger, openDatabase } from '@shelfmark/subgraph-kit';
import { testDatabase } from '@shelfmark/testing';
import { GraphQLError } from 'graphql';
import { Writable } from 'node:stream';
import { MemberCardSchema, MemberSchema } from '../src/adapters/persistence/member.schema';
import { aMember } from './support/builders';

const EMAIL = 'secret.reader@library.test';
/** The e-mail of each attempt's member (the first is EMAIL): each attempt inserts a new address twice. */
const emailOf = (attempt: number) => (attempt === 1 ? EMAIL : `secret.reader${attempt}@library.test`);
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo';

/** Every line a logger writes, as text. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('trace', 'test', sink), text: () => lines.join('') };
}

/** Issue 8, defect 8: the statement of a failed insert carried a member's e-mail and password hash. */
describe('what a failed insert puts in the log', () => {
  const database = testDatabase('members');
  const entities = [MemberSchema, MemberCardSchema];

  afterAll(() => database.drop(entities));

  /** A real unique violation from the real driver: the same e-mail inserted twice, bypassing the repository. */
  let attempt = 0;
  async function aFailedInsert(): Promise<Error> {
    attempt += 1;
    const orm = await openDatabase(database.config, entities);
    try {
      await orm.em
        .fork()
        .persist(
          aMember().withId(`first-${attempt}`).withEmail(emailOf(attempt)).withPasswordHash(HASH).build(),
        )
        .flush();
      const failure = await orm.em
        .fork()
        .persist(
          aMember().withId(`second-${attempt}`).withEmail(emailOf(attempt)).withPasswordHash(HASH).build(),
        )
        .flush()
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      if (!(failure instanceof Error)) throw new Error('the second insert should have failed');
      return failure;
    } finally {
      await orm.close(true);
    }
  }

  it('regression: the error formatter logs a failed insert without the e-mail or the password hash', async () => {
    const failure = await aFailedInsert();
    // Without redaction the driver's own message names the values; that is what must not reach a line.
    expect(`${failure.message}${JSON.stringify(failure)}`).toMatch(/secret\.reader|argon2/);

    const { logger, text } = capturedLogger();
    const format = createErrorFormatter(logger, 'members');
    const formatted = format(
      { message: failure.message, path: ['registerMember'] },
      new GraphQLError(failure.message, { originalError: failure, path: ['registerMember'] }),
    );

    expect(formatted.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    const logged = text();
    expect(logged).toContain('unexpected error');
    expect(logged).toContain('UniqueConstraintViolationException'); // still says what went wrong
    expect(logged).not.toContain(EMAIL);
    expect(logged).not.toContain('$argon2');
  });

  it('regression: any line logging such an error, or personal data by name or by shape, carries none of it', async () => {
    const failure = await aFailedInsert();
    const { logger, text } = capturedLogger();
    const token = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJtLTEifQ.c2lnbmF0dXJl';
    logger.error({ err: failure }, 'insert failed');
    logger.info({ email: EMAIL, member: { email: EMAIL, passwordHash: HASH } }, 'registered');
    logger.info({ req: { headers: { authorization: `Bearer ${token}` } } }, 'request');
    logger.info({ events: [{ data: { memberId: 'm-1', email: EMAIL } }] }, 'published');
    logger.warn(`login failed for ${EMAIL} with ${token}`);

    const logged = text();
    expect(logged.split('\n').filter(Boolean)).toHaveLength(5);
    for (const secret of ['secret.reader', '$argon2', token]) expect(logged).not.toContain(secret);
    expect(logged).toContain('m-1'); // ids are not personal data: lines stay useful
  });
});
