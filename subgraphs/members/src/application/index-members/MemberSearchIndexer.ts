import { changeMemberOnce, type FreshMembers } from '../changeMember';

/** How many members one pass loads at a time. */
const BATCH = 100;

/**
 * Gives every member stored before the search key existed their key, so that the desk's member
 * search finds them too. Runs at start-up. Each member is one write of their own (retried when
 * another writer wins the race); one that still cannot be written is left for the next start.
 */
export class MemberSearchIndexer {
  constructor(private readonly members: FreshMembers) {}

  /** How many members it gave a key. */
  async indexMissing(): Promise<number> {
    let indexed = 0;
    for (;;) {
      const missing = await this.members().withoutSearchKey(BATCH);
      let progress = 0;
      for (const { id } of missing) {
        try {
          const { outcome } = await changeMemberOnce(this.members, id, (member) => member.refreshSearchKey());
          if (outcome === 'changed') progress += 1;
        } catch {
          // Left without a key until the next start (the search cannot find them until then).
        }
      }
      indexed += progress;
      if (missing.length < BATCH || progress === 0) return indexed;
    }
  }
}
