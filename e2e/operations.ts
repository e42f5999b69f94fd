import { graphql } from './gql';

/** The operations a client of the public API (docs/design.md §6) runs; codegen types them. */
export const Login = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      member {
        id
        email
        role
      }
    }
  }
`);

export const RegisterMember = graphql(`
  mutation RegisterMember($input: RegisterMemberInput!) {
    registerMember(input: $input) {
      token
      member {
        id
        email
        name
        role
        status
        points
      }
    }
  }
`);

export const Me = graphql(`
  query Me {
    me {
      id
      email
      name
      role
      status
      points
      card {
        number
        issuedAt
        expiresAt
      }
    }
  }
`);

export const AddBook = graphql(`
  mutation AddBook($input: AddBookInput!) {
    addBook(input: $input) {
      id
      isbn
      title
      authors
      subjects
    }
  }
`);

export const AddCopies = graphql(`
  mutation AddCopies($bookId: ID!, $count: Int!) {
    addCopies(bookId: $bookId, count: $count) {
      id
      barcode
      status
    }
  }
`);

export const SearchBooks = graphql(`
  query SearchBooks($search: String, $subject: String, $first: Int, $after: String) {
    books(search: $search, subject: $subject, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          authors
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const BookPage = graphql(`
  query BookPage($id: ID!) {
    book(id: $id) {
      id
      title
      isbn
      availability {
        total
        available
        onLoan
        onHoldShelf
      }
      copies {
        barcode
        status
      }
      rating {
        average
        count
      }
      borrowCount
    }
  }
`);

/** What a lending mutation's answer shows of each loan it made (borrowBooks, checkOut). */
export const LentLoan = graphql(`
  fragment LentLoan on Loan {
    id
    status
    dueAt
    book {
      id
      title
    }
    copy {
      id
      barcode
      status
    }
    member {
      id
    }
  }
`);

export const BorrowBooks = graphql(`
  mutation BorrowBooks($bookIds: [ID!]!) {
    borrowBooks(bookIds: $bookIds) {
      ...LentLoan
      borrowedAt
      renewals
    }
  }
`);

export const ReturnLoan = graphql(`
  mutation ReturnLoan($loanId: ID!) {
    returnLoan(loanId: $loanId) {
      id
      status
      returnedAt
      copy {
        status
      }
    }
  }
`);

export const RenewLoan = graphql(`
  mutation RenewLoan($loanId: ID!) {
    renewLoan(loanId: $loanId) {
      id
      dueAt
      renewals
    }
  }
`);

export const PlaceHold = graphql(`
  mutation PlaceHold($bookId: ID!) {
    placeHold(bookId: $bookId) {
      id
      status
      position
      placedAt
      readyUntil
      pointsSpent
      book {
        id
        title
      }
      member {
        id
        points
      }
    }
  }
`);

export const CancelHold = graphql(`
  mutation CancelHold($holdId: ID!) {
    cancelHold(holdId: $holdId) {
      id
      status
      position
    }
  }
`);

export const MyCirculation = graphql(`
  query MyCirculation {
    me {
      id
      status
      points
      loans {
        id
        status
        dueAt
        renewals
        book {
          title
        }
        copy {
          barcode
          status
        }
      }
      holds {
        id
        status
        position
        readyUntil
        pointsSpent
        book {
          title
        }
      }
      loanHistory(first: 10) {
        totalCount
        edges {
          node {
            id
            status
          }
        }
      }
    }
  }
`);

export const BookCirculation = graphql(`
  query BookCirculation($id: ID!) {
    book(id: $id) {
      id
      title
      availability {
        total
        available
        onLoan
        onHoldShelf
      }
      holdQueue {
        id
        position
        member {
          id
        }
      }
      borrowCount
    }
  }
`);

export const GrantPoints = graphql(`
  mutation GrantPoints($memberId: ID!, $points: Int!, $reason: String!) {
    grantPoints(memberId: $memberId, points: $points, reason: $reason) {
      id
      points
    }
  }
`);

export const BlockMember = graphql(`
  mutation BlockMember($memberId: ID!, $reason: String!) {
    blockMember(memberId: $memberId, reason: $reason) {
      id
      status
    }
  }
`);

export const UnblockMember = graphql(`
  mutation UnblockMember($memberId: ID!) {
    unblockMember(memberId: $memberId) {
      id
      status
    }
  }
`);

export const Ranking = graphql(`
  query Ranking($window: RankingWindow!, $first: Int) {
    ranking(window: $window, first: $first) {
      rank
      borrowCount
      book {
        id
        title
      }
    }
  }
`);

export const WithdrawCopy = graphql(`
  mutation WithdrawCopy($copyId: ID!) {
    withdrawCopy(copyId: $copyId) {
      id
      status
    }
  }
`);

/** The librarian desk: lend the copies scanned to the member whose card is scanned. */
export const CheckOut = graphql(`
  mutation CheckOut($cardNumber: String!, $barcodes: [String!]!) {
    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {
      ...LentLoan
      member {
        name
      }
    }
  }
`);

/** The librarian desk: a copy came back; where does it go? */
export const CheckIn = graphql(`
  mutation CheckIn($barcode: String!) {
    checkIn(barcode: $barcode) {
      loan {
        id
        status
        returnedAt
        copy {
          barcode
          status
        }
      }
      routedTo {
        destination
        hold {
          id
          status
          member {
            id
            name
            card {
              number
            }
          }
        }
      }
    }
  }
`);

/** The librarian desk: look a member up, and see before the first scan whether they can borrow. */
export const FindMembers = graphql(`
  query FindMembers($search: String!, $first: Int, $after: String) {
    members(search: $search, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          email
          status
          blockedReason
          card {
            number
          }
          activeLoanCount
          loanLimit
          canBorrow
          cannotBorrowReason
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
