import { parseOptions } from '@node-rs/argon2';
import { Password } from '../../domain';
import { Argon2PasswordHasher } from './Argon2PasswordHasher';

const ARGON2ID = 2;

describe('Argon2PasswordHasher', () => {
  const hasher = new Argon2PasswordHasher();

  it('hashes with Argon2id, a fresh salt each time, and verifies', async () => {
    const password = Password.parse('correct horse battery');
    const first = await hasher.hash(password);
    const second = await hasher.hash(password);
    expect(first).toMatch(/^\$argon2id\$v=19\$/);
    expect(parseOptions(first).algorithm).toBe(ARGON2ID);
    expect(first).not.toBe(second);
    expect(await hasher.verify(first, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(first, 'correct horse batterY')).toBe(false);
  });

  it('has a decoy made with the same cost as real hashes, so checking it takes as long', async () => {
    const real = parseOptions(await hasher.hash(Password.parse('whatever it is')));
    expect(parseOptions(hasher.decoy)).toEqual(real);
  });

  it('treats a malformed stored hash as matching nothing', async () => {
    expect(await hasher.verify('not-a-hash', 'anything at all')).toBe(false);
  });
});
