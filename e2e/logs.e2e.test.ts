import { endpointOf, exitOf, graphqlClient, isbnFor, spawnShelfmark, tempDir } from '@shelfmark/testing';
import { AddBook, AddCopies, BorrowBooks, Login, RegisterMember } from './operations';

const ADMIN = { email: 'admin.secret@library.test', password: 'admin password never logged' };
const READER = { email: 'reader.secret@library.test', password: 'reader password never logged' };

/**
 * Issue 8, defect 8: secrets and personal data in logs. The real `npm start` process at the most
 * talkative level, through a whole flow; every line it printed is searched.
 */
describe('what Shelfmark logs (npm start, LOG_LEVEL=trace)', () => {
  const dir = tempDir('shelfmark-logs-');
  afterAll(() => dir.cleanup());

  it('regression: no log line of a full flow carries an e-mail, a password, a password hash or a token', async () => {
    const started = spawnShelfmark({
      NODE_ENV: 'development',
      LOG_LEVEL: 'trace',
      PORT: '0',
      SHELFMARK_DATA_DIR: dir.path,
      SHELFMARK_ADMIN_EMAIL: ADMIN.email,
      SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
    });
    const request = graphqlClient(await endpointOf(started));
    const tokens: string[] = [];
    try {
      const admin = (await request(Login, ADMIN)).data!.login.token;
      tokens.push(admin);
      const bookId = (
        await request(
          AddBook,
          { input: { isbn: isbnFor(777), title: 'Dune', authors: ['Frank Herbert'], subjects: ['fiction'] } },
          { token: admin },
        )
      ).data!.addBook.id;
      await request(AddCopies, { bookId, count: 1 }, { token: admin });

      const input = { ...READER, name: 'Secret Reader' };
      const registered = await request(RegisterMember, { input });
      tokens.push(registered.data!.registerMember.token);
      expect(
        (await request(Login, { email: READER.email, password: 'not the password' })).errors,
      ).toHaveLength(1);
      const reader = (await request(Login, READER)).data!.login.token;
      tokens.push(reader);
      // Registrations of one address racing: the check passes for both, the insert fails for one.
      const again = { input: { ...input, email: 'twice.secret@library.test' } };
      const twice = await Promise.all([request(RegisterMember, again), request(RegisterMember, again)]);
      expect(twice.filter((response) => response.errors)).toHaveLength(1);
      expect((await request(BorrowBooks, { bookIds: [bookId] }, { token: reader })).errors).toBeUndefined();
    } finally {
      const exit = exitOf(started);
      started.child.kill('SIGINT');
      await exit;
    }

    const output = started.output();
    expect(output).toContain('"level"'); // it did log, at length
    const secrets = [
      ADMIN.email,
      ADMIN.password,
      READER.email,
      READER.password,
      'twice.secret',
      '$argon2',
      ...tokens,
    ];
    for (const secret of secrets) expect([secret, output.includes(secret)]).toEqual([secret, false]);
  });
});
