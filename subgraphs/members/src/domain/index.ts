export { EmailAddress } from './EmailAddress';
export {
  CannotBlockThemself,
  CardAlreadyIssued,
  EmailTaken,
  InsufficientPoints,
  MemberBlocked,
  MemberNotFound,
  OnlyAdminsBlockStaff,
  OnlyStaffBlock,
  OnlyStaffSearch,
  PaymentTooLate,
  PrivateDetails,
  TooManyLoginAttempts,
  WrongCredentials,
} from './errors';
export {
  HOLD_PLACED_REASON,
  MAX_POINTS_PER_GRANT,
  Member,
  MEMBER_ROLES,
  MEMBER_STATUSES,
  ON_TIME_RETURN_REASON,
  PointsRef,
  WELCOME_POINTS_REASON,
  type MemberRole,
  type MemberStatus,
  type NewMember,
  type PointsEntry,
  type Viewer,
} from './Member';
export { MemberCard, randomCardNumber } from './MemberCard';
export { MemberName } from './MemberName';
export type { MemberPage, MemberQuery, MemberRepository } from './MemberRepository';
export { Password, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './Password';
export type { PasswordHasher } from './PasswordHasher';
