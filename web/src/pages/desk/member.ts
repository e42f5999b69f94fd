import { plural } from '../../format';
import { graphql } from '../../gql';
import type { CannotBorrowReason, MemberStatus } from '../../gql/graphql';

/** What the desk shows of a member wherever it shows one: who, their card, and whether they may borrow. */
export const DeskMember = graphql(`
  fragment DeskMember on Member {
    id
    name
    email
    status
    blockedReason
    points
    card {
      number
    }
    activeLoanCount
    loanLimit
    canBorrow
    cannotBorrowReason
  }
`);

/** Members whose name, e-mail or card number has every word of `search` (a page of them). */
export const FindMembers = graphql(`
  query DeskFindMembers($search: String!, $first: Int, $after: String) {
    members(search: $search, first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...DeskMember
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The fields of {@link DeskMember} that {@link standing} reads. */
export interface Standing {
  readonly name: string;
  readonly status: MemberStatus;
  readonly blockedReason?: string | null | undefined;
  readonly activeLoanCount?: number | null | undefined;
  readonly loanLimit?: number | null | undefined;
  readonly canBorrow?: boolean | null | undefined;
  readonly cannotBorrowReason?: CannotBorrowReason | null | undefined;
}

/**
 * Whether the member may borrow now, as a sentence for the desk, from the same rule the first scan
 * meets (ADR 16: Member.canBorrow). `known` is false while loans has not heard of the member yet:
 * the desk may still scan, and the API decides.
 */
export function standing(member: Standing): { canBorrow: boolean; known: boolean; text: string } {
  const loans =
    member.activeLoanCount != null && member.loanLimit != null
      ? `${member.activeLoanCount} of ${member.loanLimit} loans out`
      : null;
  if (member.canBorrow == null) {
    return { canBorrow: true, known: false, text: 'Loans not known yet; the first scan will check.' };
  }
  if (member.canBorrow) {
    const left = loans
      ? ` · may borrow ${plural(member.loanLimit! - member.activeLoanCount!, 'more book')}`
      : '';
    return { canBorrow: true, known: true, text: `${loans ?? 'May borrow'}${left}` };
  }
  switch (member.cannotBorrowReason) {
    case 'BLOCKED':
      return {
        canBorrow: false,
        known: true,
        text: `${member.name} is blocked and cannot borrow${member.blockedReason ? `: ${member.blockedReason}` : '.'}`,
      };
    case 'OVERDUE_LOAN':
      return {
        canBorrow: false,
        known: true,
        text: `${member.name} has a loan past its due date and cannot borrow until it is returned.`,
      };
    case 'LOAN_LIMIT_REACHED':
      return {
        canBorrow: false,
        known: true,
        text: `${member.name} is at the loan limit (${loans ?? 'as many as allowed'}) and cannot borrow more until a book comes back.`,
      };
    case null:
    case undefined:
      return { canBorrow: false, known: true, text: `${member.name} cannot borrow now.` };
  }
}

/** A card number as typed or scanned, compared as the card prints it (upper case, no spaces). */
export function sameCard(a: string, b: string): boolean {
  const norm = (card: string) => card.replace(/\s+/g, '').toUpperCase();
  return norm(a) === norm(b);
}
