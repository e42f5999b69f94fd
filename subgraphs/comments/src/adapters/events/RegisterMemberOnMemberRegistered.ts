import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { MemberRegistrar } from '../../application/register-member/MemberRegistrar';

type MemberRegistered = 'shelfmark.members.member-registered.v1';

/**
 * Comments learns which members exist from members, so a valid token for an account members does
 * not have (closed, or never registered) cannot post (docs/adr/0010-who-may-act.md). Idempotent:
 * the read model is keyed by the member's id.
 */
export class RegisterMemberOnMemberRegistered implements Consumer<MemberRegistered> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'RegisterMemberOnMemberRegistered';
  readonly types = ['shelfmark.members.member-registered.v1'] as const;

  constructor(private readonly registrar: MemberRegistrar) {}

  async handle(event: ShelfmarkEvent<MemberRegistered>): Promise<void> {
    await this.registrar.register(event.data.memberId, new Date(event.time));
  }
}
