import { aMember } from '../../../test/support/builders';
import { InMemoryMemberRepository } from '../../../test/support/fakes';
import { MemberSearchIndexer } from './MemberSearchIndexer';

describe('MemberSearchIndexer', () => {
  it('gives members stored before the search key existed their key, once', async () => {
    const members = new InMemoryMemberRepository();
    const older = aMember().withId('old').withName('Old Timer').withEmail('old@library.test').build();
    older.searchKey = null;
    await members.add(older);
    await members.add(aMember().withId('new').withEmail('new@library.test').build());
    const indexer = new MemberSearchIndexer(() => members);

    expect(await indexer.indexMissing()).toBe(1);
    expect((await members.byId('old'))?.searchKey).toBe('old timer old@library.test');
    expect(await indexer.indexMissing()).toBe(0);
  });
});
