export { membersSubgraph } from './membersSubgraph';
export type { MembersContext } from './adapters/graphql/context';
export { DEFAULT_CARD_VALIDITY_YEARS, DEFAULT_ON_TIME_RETURN_POINTS, type MembersSettings } from './settings';
export { Member, MemberCard, type MemberRole, type MemberStatus, type PointsEntry } from './domain';
