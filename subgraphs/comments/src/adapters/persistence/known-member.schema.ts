import { EntitySchema } from '@mikro-orm/core';
import { KnownMember } from '../../domain';

export const KnownMemberSchema = new EntitySchema<KnownMember>({
  class: KnownMember,
  tableName: 'known_member',
  properties: {
    memberId: { type: 'string', primary: true },
    registeredAt: { type: 'Date' },
  },
});
