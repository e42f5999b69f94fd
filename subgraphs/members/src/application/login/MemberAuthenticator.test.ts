import { NotSignedIn } from '@shelfmark/errors';
import { aMember } from '../../../test/support/builders';
import { FakePasswordHasher, FakeTokenIssuer, InMemoryMemberRepository } from '../../../test/support/fakes';
import { MemberAuthenticator } from './MemberAuthenticator';

describe('MemberAuthenticator', () => {
  let hasher: FakePasswordHasher;
  let authenticator: MemberAuthenticator;

  beforeEach(async () => {
    const members = new InMemoryMemberRepository();
    await members.add(
      aMember().withId('m-1').withEmail('ada@library.test').withPasswordHash('hashed:correct horse').build(),
    );
    hasher = new FakePasswordHasher();
    authenticator = new MemberAuthenticator(members, hasher, new FakeTokenIssuer());
  });

  it('signs in with the right password, the e-mail compared case-insensitively', async () => {
    const session = await authenticator.login('  ADA@Library.Test', 'correct horse');
    expect(session.member.id).toBe('m-1');
    expect(session.token).toBe('token-for:m-1:MEMBER');
  });

  it('refuses a wrong password and an unknown e-mail with the same error', async () => {
    const wrongPassword = await authenticator
      .login('ada@library.test', 'wrong horse')
      .catch((e: unknown) => e);
    const unknownEmail = await authenticator
      .login('nobody@library.test', 'correct horse')
      .catch((e: unknown) => e);
    expect(wrongPassword).toBeInstanceOf(NotSignedIn);
    expect(unknownEmail).toBeInstanceOf(NotSignedIn);
    expect((unknownEmail as Error).message).toBe((wrongPassword as Error).message);
    expect((wrongPassword as Error).message).toBe('The e-mail or password is incorrect.');
  });

  it('still verifies a password, against the decoy hash, when there is no such account', async () => {
    await authenticator.login('nobody@library.test', 'guess').catch(() => undefined);
    expect(hasher.verified).toEqual([{ hash: hasher.decoy, password: 'guess' }]);
  });

  it('does not let the decoy stand in for an account', async () => {
    // Even a password that matches the decoy hash opens no account.
    await expect(authenticator.login('nobody@library.test', '<nobody>')).rejects.toThrow(NotSignedIn);
  });
});
