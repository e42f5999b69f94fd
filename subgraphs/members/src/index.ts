export { membersSubgraph } from './membersSubgraph';
export type { MembersContext } from './adapters/graphql/context';
export { loginLimitsSchema, membersSettingsSchema, type MembersSettings } from './settings';
export { Member, MemberCard, type MemberRole, type MemberStatus, type PointsEntry } from './domain';
