import { KnownMember, type KnownMemberRepository } from '../../domain';

/** Learns that a member exists (from member-registered). Redelivered events change nothing. */
export class MemberRegistrar {
  /** `members` opens the repository on a fresh unit of work: one per registration. */
  constructor(private readonly members: () => KnownMemberRepository) {}

  register(memberId: string, registeredAt: Date): Promise<boolean> {
    return this.members().addIfAbsent(KnownMember.register(memberId, registeredAt));
  }
}
