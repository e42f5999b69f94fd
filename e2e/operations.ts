import { graphql } from './gql';

/** The operations a client of the public API (design.md §6) runs; codegen types them. */
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
