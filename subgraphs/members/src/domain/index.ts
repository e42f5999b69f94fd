export { EmailAddress } from './EmailAddress';
export { CardAlreadyIssued, EmailTaken, MemberNotFound, PrivateDetails, WrongCredentials } from './errors';
export {
  Member,
  MEMBER_ROLES,
  MEMBER_STATUSES,
  WELCOME_POINTS_REASON,
  type MemberRole,
  type MemberStatus,
  type NewMember,
  type PointsEntry,
  type Viewer,
} from './Member';
export { MemberCard, randomCardNumber } from './MemberCard';
export { MemberName } from './MemberName';
export type { MemberRepository } from './MemberRepository';
export { Password, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './Password';
export type { PasswordHasher } from './PasswordHasher';
