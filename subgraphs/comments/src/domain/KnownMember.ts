/**
 * A member comments has heard of from members (member-registered): only they may post. A read
 * model keyed by the member's id, so registering one twice is the same as once. It keeps no
 * personal data (no e-mail, no name): the id is all comments needs.
 */
export class KnownMember {
  memberId!: string;
  /** When members registered them. */
  registeredAt!: Date;

  static register(memberId: string, registeredAt: Date): KnownMember {
    const member = new KnownMember();
    member.memberId = memberId;
    member.registeredAt = registeredAt;
    return member;
  }
}
