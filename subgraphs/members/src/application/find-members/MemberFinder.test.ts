import { aMember } from '../../../test/support/builders';
import { InMemoryMemberRepository } from '../../../test/support/fakes';
import { MemberCard } from '../../domain';
import { MemberFinder, searchTerms } from './MemberFinder';

const librarian = { memberId: 'lib', role: 'LIBRARIAN' } as const;
const now = new Date('2026-01-02T03:04:05Z');

describe('MemberFinder (the desk’s member lookup)', () => {
  const members = new InMemoryMemberRepository();
  const finder = new MemberFinder(members);
  beforeAll(async () => {
    await members.add(aMember().withId('ada').withName('Ada Lovelace').withEmail('ada@library.test').build());
    const emile = aMember().withId('emile').withName('Émile Zola').withEmail('ez@library.test').build();
    emile.issueCard(MemberCard.issue('SM-04718265', now, 5));
    await members.add(emile);
  });
  const names = async (search: string) =>
    (await finder.find(librarian, { search, first: 20 })).members.map((member) => member.name);

  it('finds by any part of the name, e-mail or card number, ignoring case in any alphabet', async () => {
    expect(await names('lovelace')).toEqual(['Ada Lovelace']);
    expect(await names('ÉMILE')).toEqual(['Émile Zola']);
    expect(await names('EZ@LIBRARY')).toEqual(['Émile Zola']);
    expect(await names('sm-0471')).toEqual(['Émile Zola']);
    expect(await names('library.test')).toEqual(['Ada Lovelace', 'Émile Zola']);
  });

  it('needs every word to match', async () => {
    expect(await names('ada zola')).toEqual([]);
    expect(await names('  zola   émile ')).toEqual(['Émile Zola']);
  });

  it('is for staff only', () => {
    expect(() => finder.find({ memberId: 'ada', role: 'MEMBER' }, { search: 'ada', first: 20 })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }) as Error,
    );
    expect(() => finder.find(null, { search: 'ada', first: 20 })).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }) as Error,
    );
  });

  it.each([[''], ['   '], ['x'.repeat(201)]])(
    'refuses the search %j as BAD_USER_INPUT on search',
    (search) => {
      expect(() => searchTerms(search)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'search' } }) as Error,
      );
    },
  );
});
