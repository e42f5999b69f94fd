/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        email\n        role\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RegisterMember($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      token\n      member {\n        id\n        email\n        name\n        role\n        status\n        points\n      }\n    }\n  }\n": typeof types.RegisterMemberDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n      status\n      points\n      card {\n        number\n        issuedAt\n        expiresAt\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation AddBook($input: AddBookInput!) {\n    addBook(input: $input) {\n      id\n      isbn\n      title\n      authors\n      subjects\n    }\n  }\n": typeof types.AddBookDocument,
    "\n  mutation AddCopies($bookId: ID!, $count: Int!) {\n    addCopies(bookId: $bookId, count: $count) {\n      id\n      barcode\n      status\n    }\n  }\n": typeof types.AddCopiesDocument,
    "\n  query SearchBooks($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          authors\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchBooksDocument,
    "\n  query BookPage($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      isbn\n      availability {\n        total\n        available\n        onLoan\n        onHoldShelf\n      }\n      copies {\n        barcode\n        status\n      }\n      rating {\n        average\n        count\n      }\n      borrowCount\n    }\n  }\n": typeof types.BookPageDocument,
    "\n  fragment LentLoan on Loan {\n    id\n    status\n    dueAt\n    book {\n      id\n      title\n    }\n    copy {\n      id\n      barcode\n      status\n    }\n    member {\n      id\n    }\n  }\n": typeof types.LentLoanFragmentDoc,
    "\n  mutation BorrowBooks($bookIds: [ID!]!) {\n    borrowBooks(bookIds: $bookIds) {\n      ...LentLoan\n      borrowedAt\n      renewals\n    }\n  }\n": typeof types.BorrowBooksDocument,
    "\n  mutation ReturnLoan($loanId: ID!) {\n    returnLoan(loanId: $loanId) {\n      id\n      status\n      returnedAt\n      copy {\n        status\n      }\n    }\n  }\n": typeof types.ReturnLoanDocument,
    "\n  mutation RenewLoan($loanId: ID!) {\n    renewLoan(loanId: $loanId) {\n      id\n      dueAt\n      renewals\n    }\n  }\n": typeof types.RenewLoanDocument,
    "\n  mutation PlaceHold($bookId: ID!) {\n    placeHold(bookId: $bookId) {\n      id\n      status\n      position\n      placedAt\n      readyUntil\n      pointsSpent\n      book {\n        id\n        title\n      }\n      member {\n        id\n        points\n      }\n    }\n  }\n": typeof types.PlaceHoldDocument,
    "\n  mutation CancelHold($holdId: ID!) {\n    cancelHold(holdId: $holdId) {\n      id\n      status\n      position\n    }\n  }\n": typeof types.CancelHoldDocument,
    "\n  query MyCirculation {\n    me {\n      id\n      status\n      points\n      loans {\n        id\n        status\n        dueAt\n        renewals\n        book {\n          title\n        }\n        copy {\n          barcode\n          status\n        }\n      }\n      holds {\n        id\n        status\n        position\n        readyUntil\n        pointsSpent\n        book {\n          title\n        }\n      }\n      loanHistory(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyCirculationDocument,
    "\n  query BookCirculation($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      availability {\n        total\n        available\n        onLoan\n        onHoldShelf\n      }\n      holdQueue {\n        id\n        position\n        member {\n          id\n        }\n      }\n      borrowCount\n    }\n  }\n": typeof types.BookCirculationDocument,
    "\n  mutation GrantPoints($memberId: ID!, $points: Int!, $reason: String!) {\n    grantPoints(memberId: $memberId, points: $points, reason: $reason) {\n      id\n      points\n    }\n  }\n": typeof types.GrantPointsDocument,
    "\n  mutation BlockMember($memberId: ID!, $reason: String!) {\n    blockMember(memberId: $memberId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.BlockMemberDocument,
    "\n  mutation UnblockMember($memberId: ID!) {\n    unblockMember(memberId: $memberId) {\n      id\n      status\n    }\n  }\n": typeof types.UnblockMemberDocument,
    "\n  query Ranking($window: RankingWindow!, $first: Int) {\n    ranking(window: $window, first: $first) {\n      rank\n      borrowCount\n      book {\n        id\n        title\n      }\n    }\n  }\n": typeof types.RankingDocument,
    "\n  mutation WithdrawCopy($copyId: ID!) {\n    withdrawCopy(copyId: $copyId) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawCopyDocument,
    "\n  mutation CheckOut($cardNumber: String!, $barcodes: [String!]!) {\n    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {\n      ...LentLoan\n      member {\n        name\n      }\n    }\n  }\n": typeof types.CheckOutDocument,
    "\n  mutation CheckIn($barcode: String!) {\n    checkIn(barcode: $barcode) {\n      loan {\n        id\n        status\n        returnedAt\n        copy {\n          barcode\n          status\n        }\n      }\n      routedTo {\n        destination\n        hold {\n          id\n          status\n          member {\n            id\n            name\n            card {\n              number\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CheckInDocument,
    "\n  query FindMembers($search: String!, $first: Int, $after: String) {\n    members(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          status\n          blockedReason\n          card {\n            number\n          }\n          activeLoanCount\n          loanLimit\n          canBorrow\n          cannotBorrowReason\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FindMembersDocument,
    "\n  mutation PostComment($bookId: ID!, $body: String!) {\n    postComment(bookId: $bookId, body: $body) {\n      id\n    }\n  }\n": typeof types.PostCommentDocument,
};
const documents: Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        email\n        role\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RegisterMember($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      token\n      member {\n        id\n        email\n        name\n        role\n        status\n        points\n      }\n    }\n  }\n": types.RegisterMemberDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n      status\n      points\n      card {\n        number\n        issuedAt\n        expiresAt\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation AddBook($input: AddBookInput!) {\n    addBook(input: $input) {\n      id\n      isbn\n      title\n      authors\n      subjects\n    }\n  }\n": types.AddBookDocument,
    "\n  mutation AddCopies($bookId: ID!, $count: Int!) {\n    addCopies(bookId: $bookId, count: $count) {\n      id\n      barcode\n      status\n    }\n  }\n": types.AddCopiesDocument,
    "\n  query SearchBooks($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          authors\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchBooksDocument,
    "\n  query BookPage($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      isbn\n      availability {\n        total\n        available\n        onLoan\n        onHoldShelf\n      }\n      copies {\n        barcode\n        status\n      }\n      rating {\n        average\n        count\n      }\n      borrowCount\n    }\n  }\n": types.BookPageDocument,
    "\n  fragment LentLoan on Loan {\n    id\n    status\n    dueAt\n    book {\n      id\n      title\n    }\n    copy {\n      id\n      barcode\n      status\n    }\n    member {\n      id\n    }\n  }\n": types.LentLoanFragmentDoc,
    "\n  mutation BorrowBooks($bookIds: [ID!]!) {\n    borrowBooks(bookIds: $bookIds) {\n      ...LentLoan\n      borrowedAt\n      renewals\n    }\n  }\n": types.BorrowBooksDocument,
    "\n  mutation ReturnLoan($loanId: ID!) {\n    returnLoan(loanId: $loanId) {\n      id\n      status\n      returnedAt\n      copy {\n        status\n      }\n    }\n  }\n": types.ReturnLoanDocument,
    "\n  mutation RenewLoan($loanId: ID!) {\n    renewLoan(loanId: $loanId) {\n      id\n      dueAt\n      renewals\n    }\n  }\n": types.RenewLoanDocument,
    "\n  mutation PlaceHold($bookId: ID!) {\n    placeHold(bookId: $bookId) {\n      id\n      status\n      position\n      placedAt\n      readyUntil\n      pointsSpent\n      book {\n        id\n        title\n      }\n      member {\n        id\n        points\n      }\n    }\n  }\n": types.PlaceHoldDocument,
    "\n  mutation CancelHold($holdId: ID!) {\n    cancelHold(holdId: $holdId) {\n      id\n      status\n      position\n    }\n  }\n": types.CancelHoldDocument,
    "\n  query MyCirculation {\n    me {\n      id\n      status\n      points\n      loans {\n        id\n        status\n        dueAt\n        renewals\n        book {\n          title\n        }\n        copy {\n          barcode\n          status\n        }\n      }\n      holds {\n        id\n        status\n        position\n        readyUntil\n        pointsSpent\n        book {\n          title\n        }\n      }\n      loanHistory(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": types.MyCirculationDocument,
    "\n  query BookCirculation($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      availability {\n        total\n        available\n        onLoan\n        onHoldShelf\n      }\n      holdQueue {\n        id\n        position\n        member {\n          id\n        }\n      }\n      borrowCount\n    }\n  }\n": types.BookCirculationDocument,
    "\n  mutation GrantPoints($memberId: ID!, $points: Int!, $reason: String!) {\n    grantPoints(memberId: $memberId, points: $points, reason: $reason) {\n      id\n      points\n    }\n  }\n": types.GrantPointsDocument,
    "\n  mutation BlockMember($memberId: ID!, $reason: String!) {\n    blockMember(memberId: $memberId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.BlockMemberDocument,
    "\n  mutation UnblockMember($memberId: ID!) {\n    unblockMember(memberId: $memberId) {\n      id\n      status\n    }\n  }\n": types.UnblockMemberDocument,
    "\n  query Ranking($window: RankingWindow!, $first: Int) {\n    ranking(window: $window, first: $first) {\n      rank\n      borrowCount\n      book {\n        id\n        title\n      }\n    }\n  }\n": types.RankingDocument,
    "\n  mutation WithdrawCopy($copyId: ID!) {\n    withdrawCopy(copyId: $copyId) {\n      id\n      status\n    }\n  }\n": types.WithdrawCopyDocument,
    "\n  mutation CheckOut($cardNumber: String!, $barcodes: [String!]!) {\n    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {\n      ...LentLoan\n      member {\n        name\n      }\n    }\n  }\n": types.CheckOutDocument,
    "\n  mutation CheckIn($barcode: String!) {\n    checkIn(barcode: $barcode) {\n      loan {\n        id\n        status\n        returnedAt\n        copy {\n          barcode\n          status\n        }\n      }\n      routedTo {\n        destination\n        hold {\n          id\n          status\n          member {\n            id\n            name\n            card {\n              number\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CheckInDocument,
    "\n  query FindMembers($search: String!, $first: Int, $after: String) {\n    members(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          status\n          blockedReason\n          card {\n            number\n          }\n          activeLoanCount\n          loanLimit\n          canBorrow\n          cannotBorrowReason\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FindMembersDocument,
    "\n  mutation PostComment($bookId: ID!, $body: String!) {\n    postComment(bookId: $bookId, body: $body) {\n      id\n    }\n  }\n": types.PostCommentDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        email\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        email\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterMember($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      token\n      member {\n        id\n        email\n        name\n        role\n        status\n        points\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterMember($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      token\n      member {\n        id\n        email\n        name\n        role\n        status\n        points\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n      status\n      points\n      card {\n        number\n        issuedAt\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n      status\n      points\n      card {\n        number\n        issuedAt\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddBook($input: AddBookInput!) {\n    addBook(input: $input) {\n      id\n      isbn\n      title\n      authors\n      subjects\n    }\n  }\n"): (typeof documents)["\n  mutation AddBook($input: AddBookInput!) {\n    addBook(input: $input) {\n      id\n      isbn\n      title\n      authors\n      subjects\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCopies($bookId: ID!, $count: Int!) {\n    addCopies(bookId: $bookId, count: $count) {\n      id\n      barcode\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AddCopies($bookId: ID!, $count: Int!) {\n    addCopies(bookId: $bookId, count: $count) {\n      id\n      barcode\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchBooks($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          authors\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchBooks($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          authors\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookPage($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      isbn\n      availability {\n        total\n        available\n        onLoan\n        onHoldShelf\n      }\n      copies {\n        barcode\n        status\n      }\n      rating {\n        average\n        count\n      }\n      borrowCount\n    }\n  }\n"): (typeof documents)["\n  query BookPage($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      isbn\n      availability {\n        total\n        available\n        onLoan\n        onHoldShelf\n      }\n      copies {\n        barcode\n        status\n      }\n      rating {\n        average\n        count\n      }\n      borrowCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LentLoan on Loan {\n    id\n    status\n    dueAt\n    book {\n      id\n      title\n    }\n    copy {\n      id\n      barcode\n      status\n    }\n    member {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment LentLoan on Loan {\n    id\n    status\n    dueAt\n    book {\n      id\n      title\n    }\n    copy {\n      id\n      barcode\n      status\n    }\n    member {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BorrowBooks($bookIds: [ID!]!) {\n    borrowBooks(bookIds: $bookIds) {\n      ...LentLoan\n      borrowedAt\n      renewals\n    }\n  }\n"): (typeof documents)["\n  mutation BorrowBooks($bookIds: [ID!]!) {\n    borrowBooks(bookIds: $bookIds) {\n      ...LentLoan\n      borrowedAt\n      renewals\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnLoan($loanId: ID!) {\n    returnLoan(loanId: $loanId) {\n      id\n      status\n      returnedAt\n      copy {\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnLoan($loanId: ID!) {\n    returnLoan(loanId: $loanId) {\n      id\n      status\n      returnedAt\n      copy {\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewLoan($loanId: ID!) {\n    renewLoan(loanId: $loanId) {\n      id\n      dueAt\n      renewals\n    }\n  }\n"): (typeof documents)["\n  mutation RenewLoan($loanId: ID!) {\n    renewLoan(loanId: $loanId) {\n      id\n      dueAt\n      renewals\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceHold($bookId: ID!) {\n    placeHold(bookId: $bookId) {\n      id\n      status\n      position\n      placedAt\n      readyUntil\n      pointsSpent\n      book {\n        id\n        title\n      }\n      member {\n        id\n        points\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceHold($bookId: ID!) {\n    placeHold(bookId: $bookId) {\n      id\n      status\n      position\n      placedAt\n      readyUntil\n      pointsSpent\n      book {\n        id\n        title\n      }\n      member {\n        id\n        points\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelHold($holdId: ID!) {\n    cancelHold(holdId: $holdId) {\n      id\n      status\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation CancelHold($holdId: ID!) {\n    cancelHold(holdId: $holdId) {\n      id\n      status\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCirculation {\n    me {\n      id\n      status\n      points\n      loans {\n        id\n        status\n        dueAt\n        renewals\n        book {\n          title\n        }\n        copy {\n          barcode\n          status\n        }\n      }\n      holds {\n        id\n        status\n        position\n        readyUntil\n        pointsSpent\n        book {\n          title\n        }\n      }\n      loanHistory(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCirculation {\n    me {\n      id\n      status\n      points\n      loans {\n        id\n        status\n        dueAt\n        renewals\n        book {\n          title\n        }\n        copy {\n          barcode\n          status\n        }\n      }\n      holds {\n        id\n        status\n        position\n        readyUntil\n        pointsSpent\n        book {\n          title\n        }\n      }\n      loanHistory(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookCirculation($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      availability {\n        total\n        available\n        onLoan\n        onHoldShelf\n      }\n      holdQueue {\n        id\n        position\n        member {\n          id\n        }\n      }\n      borrowCount\n    }\n  }\n"): (typeof documents)["\n  query BookCirculation($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      availability {\n        total\n        available\n        onLoan\n        onHoldShelf\n      }\n      holdQueue {\n        id\n        position\n        member {\n          id\n        }\n      }\n      borrowCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantPoints($memberId: ID!, $points: Int!, $reason: String!) {\n    grantPoints(memberId: $memberId, points: $points, reason: $reason) {\n      id\n      points\n    }\n  }\n"): (typeof documents)["\n  mutation GrantPoints($memberId: ID!, $points: Int!, $reason: String!) {\n    grantPoints(memberId: $memberId, points: $points, reason: $reason) {\n      id\n      points\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockMember($memberId: ID!, $reason: String!) {\n    blockMember(memberId: $memberId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation BlockMember($memberId: ID!, $reason: String!) {\n    blockMember(memberId: $memberId, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnblockMember($memberId: ID!) {\n    unblockMember(memberId: $memberId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UnblockMember($memberId: ID!) {\n    unblockMember(memberId: $memberId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ranking($window: RankingWindow!, $first: Int) {\n    ranking(window: $window, first: $first) {\n      rank\n      borrowCount\n      book {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query Ranking($window: RankingWindow!, $first: Int) {\n    ranking(window: $window, first: $first) {\n      rank\n      borrowCount\n      book {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawCopy($copyId: ID!) {\n    withdrawCopy(copyId: $copyId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawCopy($copyId: ID!) {\n    withdrawCopy(copyId: $copyId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckOut($cardNumber: String!, $barcodes: [String!]!) {\n    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {\n      ...LentLoan\n      member {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CheckOut($cardNumber: String!, $barcodes: [String!]!) {\n    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {\n      ...LentLoan\n      member {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckIn($barcode: String!) {\n    checkIn(barcode: $barcode) {\n      loan {\n        id\n        status\n        returnedAt\n        copy {\n          barcode\n          status\n        }\n      }\n      routedTo {\n        destination\n        hold {\n          id\n          status\n          member {\n            id\n            name\n            card {\n              number\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CheckIn($barcode: String!) {\n    checkIn(barcode: $barcode) {\n      loan {\n        id\n        status\n        returnedAt\n        copy {\n          barcode\n          status\n        }\n      }\n      routedTo {\n        destination\n        hold {\n          id\n          status\n          member {\n            id\n            name\n            card {\n              number\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindMembers($search: String!, $first: Int, $after: String) {\n    members(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          status\n          blockedReason\n          card {\n            number\n          }\n          activeLoanCount\n          loanLimit\n          canBorrow\n          cannotBorrowReason\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query FindMembers($search: String!, $first: Int, $after: String) {\n    members(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          status\n          blockedReason\n          card {\n            number\n          }\n          activeLoanCount\n          loanLimit\n          canBorrow\n          cannotBorrowReason\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostComment($bookId: ID!, $body: String!) {\n    postComment(bookId: $bookId, body: $body) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PostComment($bookId: ID!, $body: String!) {\n    postComment(bookId: $bookId, body: $body) {\n      id\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;