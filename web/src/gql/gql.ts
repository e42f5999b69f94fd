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
    "\n  query ClientTestMe {\n    me {\n      id\n    }\n  }\n": typeof types.ClientTestMeDocument,
    "\n  query MyAccount($historyFirst: Int!) {\n    me {\n      id\n      name\n      email\n      role\n      status\n      blockedReason\n      points\n      registeredAt\n      card {\n        number\n        issuedAt\n        expiresAt\n      }\n      active: loans(status: ACTIVE) {\n        id\n        status\n        borrowedAt\n        dueAt\n        renewals\n        book {\n          id\n          title\n          authors\n        }\n        copy {\n          id\n          barcode\n        }\n      }\n      overdue: loans(status: OVERDUE) {\n        id\n        status\n        borrowedAt\n        dueAt\n        renewals\n        book {\n          id\n          title\n          authors\n        }\n        copy {\n          id\n          barcode\n        }\n      }\n      waiting: holds(status: WAITING) {\n        id\n        status\n        position\n        placedAt\n        readyUntil\n        pointsSpent\n        book {\n          id\n          title\n        }\n      }\n      ready: holds(status: READY) {\n        id\n        status\n        position\n        placedAt\n        readyUntil\n        pointsSpent\n        book {\n          id\n          title\n        }\n      }\n      pointsLedger {\n        at\n        delta\n        reason\n        balance\n      }\n      loanHistory(first: $historyFirst) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            borrowedAt\n            dueAt\n            returnedAt\n            book {\n              id\n              title\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.MyAccountDocument,
    "\n  mutation Renew($loanId: ID!) {\n    renewLoan(loanId: $loanId) {\n      id\n      dueAt\n      renewals\n    }\n  }\n": typeof types.RenewDocument,
    "\n  mutation CancelMyHold($holdId: ID!) {\n    cancelHold(holdId: $holdId) {\n      id\n      status\n      pointsSpent\n    }\n  }\n": typeof types.CancelMyHoldDocument,
    "\n  fragment BookCirculation on Book {\n    id\n    availability {\n      total\n      available\n      onLoan\n      onHoldShelf\n    }\n    copies {\n      id\n      barcode\n      location\n      status\n    }\n    holdQueue {\n      id\n    }\n  }\n": typeof types.BookCirculationFragmentDoc,
    "\n  query BookDetails($id: ID!) {\n    book(id: $id) {\n      id\n      isbn\n      title\n      subtitle\n      authors\n      subjects\n      language\n      publishedYear\n      coverUrl\n      description\n      borrowCount\n      rating {\n        average\n        count\n      }\n      ...BookCirculation\n    }\n  }\n": typeof types.BookDetailsDocument,
    "\n  subscription BookStatus($bookId: ID!) {\n    bookStatusChanged(bookId: $bookId) {\n      ...BookCirculation\n    }\n  }\n": typeof types.BookStatusDocument,
    "\n  query MyBookState {\n    me {\n      id\n      points\n      active: loans(status: ACTIVE) {\n        id\n        dueAt\n        book {\n          id\n        }\n      }\n      overdue: loans(status: OVERDUE) {\n        id\n        dueAt\n        book {\n          id\n        }\n      }\n      waiting: holds(status: WAITING) {\n        id\n        position\n        book {\n          id\n        }\n      }\n      ready: holds(status: READY) {\n        id\n        readyUntil\n        book {\n          id\n        }\n      }\n    }\n  }\n": typeof types.MyBookStateDocument,
    "\n  query BookComments($id: ID!, $first: Int!) {\n    book(id: $id) {\n      id\n      comments(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            body\n            rating\n            createdAt\n            author {\n              id\n              name\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.BookCommentsDocument,
    "\n  mutation Borrow($bookIds: [ID!]!) {\n    borrowBooks(bookIds: $bookIds) {\n      id\n      dueAt\n      book {\n        id\n        title\n      }\n    }\n  }\n": typeof types.BorrowDocument,
    "\n  mutation PlaceHoldOnBook($bookId: ID!) {\n    placeHold(bookId: $bookId) {\n      id\n      position\n      pointsSpent\n    }\n  }\n": typeof types.PlaceHoldOnBookDocument,
    "\n  mutation PostComment($bookId: ID!, $body: String!, $rating: Int) {\n    postComment(bookId: $bookId, body: $body, rating: $rating) {\n      id\n    }\n  }\n": typeof types.PostCommentDocument,
    "\n  query Catalogue($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          subtitle\n          authors\n          publishedYear\n          coverUrl\n          availability {\n            total\n            available\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CatalogueDocument,
    "\n  query CatalogueSubjects($search: String) {\n    books(search: $search, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          subjects\n        }\n      }\n    }\n  }\n": typeof types.CatalogueSubjectsDocument,
    "\n  fragment RankingRow on RankingEntry {\n    rank\n    borrowCount\n    book {\n      id\n      title\n      authors\n    }\n  }\n": typeof types.RankingRowFragmentDoc,
    "\n  query Ranking($window: RankingWindow!, $subject: String, $first: Int) {\n    ranking(window: $window, subject: $subject, first: $first) {\n      ...RankingRow\n    }\n  }\n": typeof types.RankingDocument,
    "\n  subscription RankingLive($window: RankingWindow!, $subject: String, $first: Int) {\n    rankingChanged(window: $window, subject: $subject, first: $first) {\n      ...RankingRow\n    }\n  }\n": typeof types.RankingLiveDocument,
    "\n  mutation Join($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      ...SignedIn\n    }\n  }\n": typeof types.JoinDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SignedIn\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation DeskAddBook($input: AddBookInput!) {\n    addBook(input: $input) {\n      id\n      title\n      isbn\n    }\n  }\n": typeof types.DeskAddBookDocument,
    "\n  query DeskCopiesOf($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      authors\n      isbn\n      availability {\n        total\n        available\n      }\n    }\n  }\n": typeof types.DeskCopiesOfDocument,
    "\n  query DeskFindBooks($search: String) {\n    books(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          authors\n          publishedYear\n          availability {\n            total\n            available\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskFindBooksDocument,
    "\n  mutation DeskAddCopies($bookId: ID!, $count: Int!, $location: String) {\n    addCopies(bookId: $bookId, count: $count, location: $location) {\n      id\n      barcode\n      location\n    }\n  }\n": typeof types.DeskAddCopiesDocument,
    "\n  mutation DeskCheckIn($barcode: String!) {\n    checkIn(barcode: $barcode) {\n      loan {\n        id\n        returnedAt\n        dueAt\n        book {\n          id\n          title\n        }\n        copy {\n          id\n          barcode\n        }\n        member {\n          id\n          name\n        }\n      }\n      routedTo {\n        destination\n        hold {\n          id\n          member {\n            id\n            name\n            card {\n              number\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskCheckInDocument,
    "\n  mutation DeskCheckOut($cardNumber: String!, $barcodes: [String!]!) {\n    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {\n      id\n      dueAt\n      book {\n        id\n        title\n      }\n      copy {\n        id\n        barcode\n      }\n    }\n  }\n": typeof types.DeskCheckOutDocument,
    "\n  query DeskMemberDetail($search: String!) {\n    members(search: $search, first: 20) {\n      edges {\n        node {\n          ...DeskMember\n          role\n          registeredAt\n          pointsLedger {\n            at\n            delta\n            reason\n            balance\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskMemberDetailDocument,
    "\n  query DeskMemberLoans($search: String!) {\n    members(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          loans {\n            id\n            status\n            dueAt\n            returnedAt\n            book {\n              id\n              title\n            }\n            copy {\n              id\n              barcode\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskMemberLoansDocument,
    "\n  mutation DeskBlockMember($memberId: ID!, $reason: String!) {\n    blockMember(memberId: $memberId, reason: $reason) {\n      ...DeskMember\n    }\n  }\n": typeof types.DeskBlockMemberDocument,
    "\n  mutation DeskUnblockMember($memberId: ID!) {\n    unblockMember(memberId: $memberId) {\n      ...DeskMember\n    }\n  }\n": typeof types.DeskUnblockMemberDocument,
    "\n  mutation DeskGrantPoints($memberId: ID!, $points: Int!, $reason: String!) {\n    grantPoints(memberId: $memberId, points: $points, reason: $reason) {\n      ...DeskMember\n    }\n  }\n": typeof types.DeskGrantPointsDocument,
    "\n  query DeskCopy($barcode: String!) {\n    copyByBarcode(barcode: $barcode) {\n      id\n      barcode\n      status\n      location\n      addedAt\n      book {\n        id\n        title\n        authors\n      }\n    }\n  }\n": typeof types.DeskCopyDocument,
    "\n  mutation DeskWithdrawCopy($copyId: ID!) {\n    withdrawCopy(copyId: $copyId) {\n      id\n      barcode\n      status\n    }\n  }\n": typeof types.DeskWithdrawCopyDocument,
    "\n  fragment DeskMember on Member {\n    id\n    name\n    email\n    status\n    blockedReason\n    points\n    card {\n      number\n    }\n    activeLoanCount\n    loanLimit\n    canBorrow\n    cannotBorrowReason\n  }\n": typeof types.DeskMemberFragmentDoc,
    "\n  query DeskFindMembers($search: String!, $first: Int, $after: String) {\n    members(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...DeskMember\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DeskFindMembersDocument,
    "\n  fragment SignedIn on AuthPayload {\n    token\n    member {\n      id\n      name\n    }\n  }\n": typeof types.SignedInFragmentDoc,
};
const documents: Documents = {
    "\n  query ClientTestMe {\n    me {\n      id\n    }\n  }\n": types.ClientTestMeDocument,
    "\n  query MyAccount($historyFirst: Int!) {\n    me {\n      id\n      name\n      email\n      role\n      status\n      blockedReason\n      points\n      registeredAt\n      card {\n        number\n        issuedAt\n        expiresAt\n      }\n      active: loans(status: ACTIVE) {\n        id\n        status\n        borrowedAt\n        dueAt\n        renewals\n        book {\n          id\n          title\n          authors\n        }\n        copy {\n          id\n          barcode\n        }\n      }\n      overdue: loans(status: OVERDUE) {\n        id\n        status\n        borrowedAt\n        dueAt\n        renewals\n        book {\n          id\n          title\n          authors\n        }\n        copy {\n          id\n          barcode\n        }\n      }\n      waiting: holds(status: WAITING) {\n        id\n        status\n        position\n        placedAt\n        readyUntil\n        pointsSpent\n        book {\n          id\n          title\n        }\n      }\n      ready: holds(status: READY) {\n        id\n        status\n        position\n        placedAt\n        readyUntil\n        pointsSpent\n        book {\n          id\n          title\n        }\n      }\n      pointsLedger {\n        at\n        delta\n        reason\n        balance\n      }\n      loanHistory(first: $historyFirst) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            borrowedAt\n            dueAt\n            returnedAt\n            book {\n              id\n              title\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.MyAccountDocument,
    "\n  mutation Renew($loanId: ID!) {\n    renewLoan(loanId: $loanId) {\n      id\n      dueAt\n      renewals\n    }\n  }\n": types.RenewDocument,
    "\n  mutation CancelMyHold($holdId: ID!) {\n    cancelHold(holdId: $holdId) {\n      id\n      status\n      pointsSpent\n    }\n  }\n": types.CancelMyHoldDocument,
    "\n  fragment BookCirculation on Book {\n    id\n    availability {\n      total\n      available\n      onLoan\n      onHoldShelf\n    }\n    copies {\n      id\n      barcode\n      location\n      status\n    }\n    holdQueue {\n      id\n    }\n  }\n": types.BookCirculationFragmentDoc,
    "\n  query BookDetails($id: ID!) {\n    book(id: $id) {\n      id\n      isbn\n      title\n      subtitle\n      authors\n      subjects\n      language\n      publishedYear\n      coverUrl\n      description\n      borrowCount\n      rating {\n        average\n        count\n      }\n      ...BookCirculation\n    }\n  }\n": types.BookDetailsDocument,
    "\n  subscription BookStatus($bookId: ID!) {\n    bookStatusChanged(bookId: $bookId) {\n      ...BookCirculation\n    }\n  }\n": types.BookStatusDocument,
    "\n  query MyBookState {\n    me {\n      id\n      points\n      active: loans(status: ACTIVE) {\n        id\n        dueAt\n        book {\n          id\n        }\n      }\n      overdue: loans(status: OVERDUE) {\n        id\n        dueAt\n        book {\n          id\n        }\n      }\n      waiting: holds(status: WAITING) {\n        id\n        position\n        book {\n          id\n        }\n      }\n      ready: holds(status: READY) {\n        id\n        readyUntil\n        book {\n          id\n        }\n      }\n    }\n  }\n": types.MyBookStateDocument,
    "\n  query BookComments($id: ID!, $first: Int!) {\n    book(id: $id) {\n      id\n      comments(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            body\n            rating\n            createdAt\n            author {\n              id\n              name\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.BookCommentsDocument,
    "\n  mutation Borrow($bookIds: [ID!]!) {\n    borrowBooks(bookIds: $bookIds) {\n      id\n      dueAt\n      book {\n        id\n        title\n      }\n    }\n  }\n": types.BorrowDocument,
    "\n  mutation PlaceHoldOnBook($bookId: ID!) {\n    placeHold(bookId: $bookId) {\n      id\n      position\n      pointsSpent\n    }\n  }\n": types.PlaceHoldOnBookDocument,
    "\n  mutation PostComment($bookId: ID!, $body: String!, $rating: Int) {\n    postComment(bookId: $bookId, body: $body, rating: $rating) {\n      id\n    }\n  }\n": types.PostCommentDocument,
    "\n  query Catalogue($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          subtitle\n          authors\n          publishedYear\n          coverUrl\n          availability {\n            total\n            available\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CatalogueDocument,
    "\n  query CatalogueSubjects($search: String) {\n    books(search: $search, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          subjects\n        }\n      }\n    }\n  }\n": types.CatalogueSubjectsDocument,
    "\n  fragment RankingRow on RankingEntry {\n    rank\n    borrowCount\n    book {\n      id\n      title\n      authors\n    }\n  }\n": types.RankingRowFragmentDoc,
    "\n  query Ranking($window: RankingWindow!, $subject: String, $first: Int) {\n    ranking(window: $window, subject: $subject, first: $first) {\n      ...RankingRow\n    }\n  }\n": types.RankingDocument,
    "\n  subscription RankingLive($window: RankingWindow!, $subject: String, $first: Int) {\n    rankingChanged(window: $window, subject: $subject, first: $first) {\n      ...RankingRow\n    }\n  }\n": types.RankingLiveDocument,
    "\n  mutation Join($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      ...SignedIn\n    }\n  }\n": types.JoinDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SignedIn\n    }\n  }\n": types.SignInDocument,
    "\n  mutation DeskAddBook($input: AddBookInput!) {\n    addBook(input: $input) {\n      id\n      title\n      isbn\n    }\n  }\n": types.DeskAddBookDocument,
    "\n  query DeskCopiesOf($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      authors\n      isbn\n      availability {\n        total\n        available\n      }\n    }\n  }\n": types.DeskCopiesOfDocument,
    "\n  query DeskFindBooks($search: String) {\n    books(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          authors\n          publishedYear\n          availability {\n            total\n            available\n          }\n        }\n      }\n    }\n  }\n": types.DeskFindBooksDocument,
    "\n  mutation DeskAddCopies($bookId: ID!, $count: Int!, $location: String) {\n    addCopies(bookId: $bookId, count: $count, location: $location) {\n      id\n      barcode\n      location\n    }\n  }\n": types.DeskAddCopiesDocument,
    "\n  mutation DeskCheckIn($barcode: String!) {\n    checkIn(barcode: $barcode) {\n      loan {\n        id\n        returnedAt\n        dueAt\n        book {\n          id\n          title\n        }\n        copy {\n          id\n          barcode\n        }\n        member {\n          id\n          name\n        }\n      }\n      routedTo {\n        destination\n        hold {\n          id\n          member {\n            id\n            name\n            card {\n              number\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DeskCheckInDocument,
    "\n  mutation DeskCheckOut($cardNumber: String!, $barcodes: [String!]!) {\n    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {\n      id\n      dueAt\n      book {\n        id\n        title\n      }\n      copy {\n        id\n        barcode\n      }\n    }\n  }\n": types.DeskCheckOutDocument,
    "\n  query DeskMemberDetail($search: String!) {\n    members(search: $search, first: 20) {\n      edges {\n        node {\n          ...DeskMember\n          role\n          registeredAt\n          pointsLedger {\n            at\n            delta\n            reason\n            balance\n          }\n        }\n      }\n    }\n  }\n": types.DeskMemberDetailDocument,
    "\n  query DeskMemberLoans($search: String!) {\n    members(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          loans {\n            id\n            status\n            dueAt\n            returnedAt\n            book {\n              id\n              title\n            }\n            copy {\n              id\n              barcode\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DeskMemberLoansDocument,
    "\n  mutation DeskBlockMember($memberId: ID!, $reason: String!) {\n    blockMember(memberId: $memberId, reason: $reason) {\n      ...DeskMember\n    }\n  }\n": types.DeskBlockMemberDocument,
    "\n  mutation DeskUnblockMember($memberId: ID!) {\n    unblockMember(memberId: $memberId) {\n      ...DeskMember\n    }\n  }\n": types.DeskUnblockMemberDocument,
    "\n  mutation DeskGrantPoints($memberId: ID!, $points: Int!, $reason: String!) {\n    grantPoints(memberId: $memberId, points: $points, reason: $reason) {\n      ...DeskMember\n    }\n  }\n": types.DeskGrantPointsDocument,
    "\n  query DeskCopy($barcode: String!) {\n    copyByBarcode(barcode: $barcode) {\n      id\n      barcode\n      status\n      location\n      addedAt\n      book {\n        id\n        title\n        authors\n      }\n    }\n  }\n": types.DeskCopyDocument,
    "\n  mutation DeskWithdrawCopy($copyId: ID!) {\n    withdrawCopy(copyId: $copyId) {\n      id\n      barcode\n      status\n    }\n  }\n": types.DeskWithdrawCopyDocument,
    "\n  fragment DeskMember on Member {\n    id\n    name\n    email\n    status\n    blockedReason\n    points\n    card {\n      number\n    }\n    activeLoanCount\n    loanLimit\n    canBorrow\n    cannotBorrowReason\n  }\n": types.DeskMemberFragmentDoc,
    "\n  query DeskFindMembers($search: String!, $first: Int, $after: String) {\n    members(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...DeskMember\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DeskFindMembersDocument,
    "\n  fragment SignedIn on AuthPayload {\n    token\n    member {\n      id\n      name\n    }\n  }\n": types.SignedInFragmentDoc,
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
export function graphql(source: "\n  query ClientTestMe {\n    me {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ClientTestMe {\n    me {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccount($historyFirst: Int!) {\n    me {\n      id\n      name\n      email\n      role\n      status\n      blockedReason\n      points\n      registeredAt\n      card {\n        number\n        issuedAt\n        expiresAt\n      }\n      active: loans(status: ACTIVE) {\n        id\n        status\n        borrowedAt\n        dueAt\n        renewals\n        book {\n          id\n          title\n          authors\n        }\n        copy {\n          id\n          barcode\n        }\n      }\n      overdue: loans(status: OVERDUE) {\n        id\n        status\n        borrowedAt\n        dueAt\n        renewals\n        book {\n          id\n          title\n          authors\n        }\n        copy {\n          id\n          barcode\n        }\n      }\n      waiting: holds(status: WAITING) {\n        id\n        status\n        position\n        placedAt\n        readyUntil\n        pointsSpent\n        book {\n          id\n          title\n        }\n      }\n      ready: holds(status: READY) {\n        id\n        status\n        position\n        placedAt\n        readyUntil\n        pointsSpent\n        book {\n          id\n          title\n        }\n      }\n      pointsLedger {\n        at\n        delta\n        reason\n        balance\n      }\n      loanHistory(first: $historyFirst) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            borrowedAt\n            dueAt\n            returnedAt\n            book {\n              id\n              title\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAccount($historyFirst: Int!) {\n    me {\n      id\n      name\n      email\n      role\n      status\n      blockedReason\n      points\n      registeredAt\n      card {\n        number\n        issuedAt\n        expiresAt\n      }\n      active: loans(status: ACTIVE) {\n        id\n        status\n        borrowedAt\n        dueAt\n        renewals\n        book {\n          id\n          title\n          authors\n        }\n        copy {\n          id\n          barcode\n        }\n      }\n      overdue: loans(status: OVERDUE) {\n        id\n        status\n        borrowedAt\n        dueAt\n        renewals\n        book {\n          id\n          title\n          authors\n        }\n        copy {\n          id\n          barcode\n        }\n      }\n      waiting: holds(status: WAITING) {\n        id\n        status\n        position\n        placedAt\n        readyUntil\n        pointsSpent\n        book {\n          id\n          title\n        }\n      }\n      ready: holds(status: READY) {\n        id\n        status\n        position\n        placedAt\n        readyUntil\n        pointsSpent\n        book {\n          id\n          title\n        }\n      }\n      pointsLedger {\n        at\n        delta\n        reason\n        balance\n      }\n      loanHistory(first: $historyFirst) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            borrowedAt\n            dueAt\n            returnedAt\n            book {\n              id\n              title\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Renew($loanId: ID!) {\n    renewLoan(loanId: $loanId) {\n      id\n      dueAt\n      renewals\n    }\n  }\n"): (typeof documents)["\n  mutation Renew($loanId: ID!) {\n    renewLoan(loanId: $loanId) {\n      id\n      dueAt\n      renewals\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelMyHold($holdId: ID!) {\n    cancelHold(holdId: $holdId) {\n      id\n      status\n      pointsSpent\n    }\n  }\n"): (typeof documents)["\n  mutation CancelMyHold($holdId: ID!) {\n    cancelHold(holdId: $holdId) {\n      id\n      status\n      pointsSpent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookCirculation on Book {\n    id\n    availability {\n      total\n      available\n      onLoan\n      onHoldShelf\n    }\n    copies {\n      id\n      barcode\n      location\n      status\n    }\n    holdQueue {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment BookCirculation on Book {\n    id\n    availability {\n      total\n      available\n      onLoan\n      onHoldShelf\n    }\n    copies {\n      id\n      barcode\n      location\n      status\n    }\n    holdQueue {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookDetails($id: ID!) {\n    book(id: $id) {\n      id\n      isbn\n      title\n      subtitle\n      authors\n      subjects\n      language\n      publishedYear\n      coverUrl\n      description\n      borrowCount\n      rating {\n        average\n        count\n      }\n      ...BookCirculation\n    }\n  }\n"): (typeof documents)["\n  query BookDetails($id: ID!) {\n    book(id: $id) {\n      id\n      isbn\n      title\n      subtitle\n      authors\n      subjects\n      language\n      publishedYear\n      coverUrl\n      description\n      borrowCount\n      rating {\n        average\n        count\n      }\n      ...BookCirculation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BookStatus($bookId: ID!) {\n    bookStatusChanged(bookId: $bookId) {\n      ...BookCirculation\n    }\n  }\n"): (typeof documents)["\n  subscription BookStatus($bookId: ID!) {\n    bookStatusChanged(bookId: $bookId) {\n      ...BookCirculation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBookState {\n    me {\n      id\n      points\n      active: loans(status: ACTIVE) {\n        id\n        dueAt\n        book {\n          id\n        }\n      }\n      overdue: loans(status: OVERDUE) {\n        id\n        dueAt\n        book {\n          id\n        }\n      }\n      waiting: holds(status: WAITING) {\n        id\n        position\n        book {\n          id\n        }\n      }\n      ready: holds(status: READY) {\n        id\n        readyUntil\n        book {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyBookState {\n    me {\n      id\n      points\n      active: loans(status: ACTIVE) {\n        id\n        dueAt\n        book {\n          id\n        }\n      }\n      overdue: loans(status: OVERDUE) {\n        id\n        dueAt\n        book {\n          id\n        }\n      }\n      waiting: holds(status: WAITING) {\n        id\n        position\n        book {\n          id\n        }\n      }\n      ready: holds(status: READY) {\n        id\n        readyUntil\n        book {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookComments($id: ID!, $first: Int!) {\n    book(id: $id) {\n      id\n      comments(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            body\n            rating\n            createdAt\n            author {\n              id\n              name\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BookComments($id: ID!, $first: Int!) {\n    book(id: $id) {\n      id\n      comments(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            body\n            rating\n            createdAt\n            author {\n              id\n              name\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Borrow($bookIds: [ID!]!) {\n    borrowBooks(bookIds: $bookIds) {\n      id\n      dueAt\n      book {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Borrow($bookIds: [ID!]!) {\n    borrowBooks(bookIds: $bookIds) {\n      id\n      dueAt\n      book {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceHoldOnBook($bookId: ID!) {\n    placeHold(bookId: $bookId) {\n      id\n      position\n      pointsSpent\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceHoldOnBook($bookId: ID!) {\n    placeHold(bookId: $bookId) {\n      id\n      position\n      pointsSpent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostComment($bookId: ID!, $body: String!, $rating: Int) {\n    postComment(bookId: $bookId, body: $body, rating: $rating) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PostComment($bookId: ID!, $body: String!, $rating: Int) {\n    postComment(bookId: $bookId, body: $body, rating: $rating) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalogue($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          subtitle\n          authors\n          publishedYear\n          coverUrl\n          availability {\n            total\n            available\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Catalogue($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          subtitle\n          authors\n          publishedYear\n          coverUrl\n          availability {\n            total\n            available\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueSubjects($search: String) {\n    books(search: $search, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          subjects\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogueSubjects($search: String) {\n    books(search: $search, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          subjects\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RankingRow on RankingEntry {\n    rank\n    borrowCount\n    book {\n      id\n      title\n      authors\n    }\n  }\n"): (typeof documents)["\n  fragment RankingRow on RankingEntry {\n    rank\n    borrowCount\n    book {\n      id\n      title\n      authors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ranking($window: RankingWindow!, $subject: String, $first: Int) {\n    ranking(window: $window, subject: $subject, first: $first) {\n      ...RankingRow\n    }\n  }\n"): (typeof documents)["\n  query Ranking($window: RankingWindow!, $subject: String, $first: Int) {\n    ranking(window: $window, subject: $subject, first: $first) {\n      ...RankingRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RankingLive($window: RankingWindow!, $subject: String, $first: Int) {\n    rankingChanged(window: $window, subject: $subject, first: $first) {\n      ...RankingRow\n    }\n  }\n"): (typeof documents)["\n  subscription RankingLive($window: RankingWindow!, $subject: String, $first: Int) {\n    rankingChanged(window: $window, subject: $subject, first: $first) {\n      ...RankingRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Join($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      ...SignedIn\n    }\n  }\n"): (typeof documents)["\n  mutation Join($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      ...SignedIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SignedIn\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SignedIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskAddBook($input: AddBookInput!) {\n    addBook(input: $input) {\n      id\n      title\n      isbn\n    }\n  }\n"): (typeof documents)["\n  mutation DeskAddBook($input: AddBookInput!) {\n    addBook(input: $input) {\n      id\n      title\n      isbn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskCopiesOf($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      authors\n      isbn\n      availability {\n        total\n        available\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskCopiesOf($id: ID!) {\n    book(id: $id) {\n      id\n      title\n      authors\n      isbn\n      availability {\n        total\n        available\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskFindBooks($search: String) {\n    books(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          authors\n          publishedYear\n          availability {\n            total\n            available\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskFindBooks($search: String) {\n    books(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          authors\n          publishedYear\n          availability {\n            total\n            available\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskAddCopies($bookId: ID!, $count: Int!, $location: String) {\n    addCopies(bookId: $bookId, count: $count, location: $location) {\n      id\n      barcode\n      location\n    }\n  }\n"): (typeof documents)["\n  mutation DeskAddCopies($bookId: ID!, $count: Int!, $location: String) {\n    addCopies(bookId: $bookId, count: $count, location: $location) {\n      id\n      barcode\n      location\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskCheckIn($barcode: String!) {\n    checkIn(barcode: $barcode) {\n      loan {\n        id\n        returnedAt\n        dueAt\n        book {\n          id\n          title\n        }\n        copy {\n          id\n          barcode\n        }\n        member {\n          id\n          name\n        }\n      }\n      routedTo {\n        destination\n        hold {\n          id\n          member {\n            id\n            name\n            card {\n              number\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskCheckIn($barcode: String!) {\n    checkIn(barcode: $barcode) {\n      loan {\n        id\n        returnedAt\n        dueAt\n        book {\n          id\n          title\n        }\n        copy {\n          id\n          barcode\n        }\n        member {\n          id\n          name\n        }\n      }\n      routedTo {\n        destination\n        hold {\n          id\n          member {\n            id\n            name\n            card {\n              number\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskCheckOut($cardNumber: String!, $barcodes: [String!]!) {\n    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {\n      id\n      dueAt\n      book {\n        id\n        title\n      }\n      copy {\n        id\n        barcode\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskCheckOut($cardNumber: String!, $barcodes: [String!]!) {\n    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {\n      id\n      dueAt\n      book {\n        id\n        title\n      }\n      copy {\n        id\n        barcode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskMemberDetail($search: String!) {\n    members(search: $search, first: 20) {\n      edges {\n        node {\n          ...DeskMember\n          role\n          registeredAt\n          pointsLedger {\n            at\n            delta\n            reason\n            balance\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskMemberDetail($search: String!) {\n    members(search: $search, first: 20) {\n      edges {\n        node {\n          ...DeskMember\n          role\n          registeredAt\n          pointsLedger {\n            at\n            delta\n            reason\n            balance\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskMemberLoans($search: String!) {\n    members(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          loans {\n            id\n            status\n            dueAt\n            returnedAt\n            book {\n              id\n              title\n            }\n            copy {\n              id\n              barcode\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskMemberLoans($search: String!) {\n    members(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          loans {\n            id\n            status\n            dueAt\n            returnedAt\n            book {\n              id\n              title\n            }\n            copy {\n              id\n              barcode\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskBlockMember($memberId: ID!, $reason: String!) {\n    blockMember(memberId: $memberId, reason: $reason) {\n      ...DeskMember\n    }\n  }\n"): (typeof documents)["\n  mutation DeskBlockMember($memberId: ID!, $reason: String!) {\n    blockMember(memberId: $memberId, reason: $reason) {\n      ...DeskMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskUnblockMember($memberId: ID!) {\n    unblockMember(memberId: $memberId) {\n      ...DeskMember\n    }\n  }\n"): (typeof documents)["\n  mutation DeskUnblockMember($memberId: ID!) {\n    unblockMember(memberId: $memberId) {\n      ...DeskMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskGrantPoints($memberId: ID!, $points: Int!, $reason: String!) {\n    grantPoints(memberId: $memberId, points: $points, reason: $reason) {\n      ...DeskMember\n    }\n  }\n"): (typeof documents)["\n  mutation DeskGrantPoints($memberId: ID!, $points: Int!, $reason: String!) {\n    grantPoints(memberId: $memberId, points: $points, reason: $reason) {\n      ...DeskMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskCopy($barcode: String!) {\n    copyByBarcode(barcode: $barcode) {\n      id\n      barcode\n      status\n      location\n      addedAt\n      book {\n        id\n        title\n        authors\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskCopy($barcode: String!) {\n    copyByBarcode(barcode: $barcode) {\n      id\n      barcode\n      status\n      location\n      addedAt\n      book {\n        id\n        title\n        authors\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskWithdrawCopy($copyId: ID!) {\n    withdrawCopy(copyId: $copyId) {\n      id\n      barcode\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeskWithdrawCopy($copyId: ID!) {\n    withdrawCopy(copyId: $copyId) {\n      id\n      barcode\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeskMember on Member {\n    id\n    name\n    email\n    status\n    blockedReason\n    points\n    card {\n      number\n    }\n    activeLoanCount\n    loanLimit\n    canBorrow\n    cannotBorrowReason\n  }\n"): (typeof documents)["\n  fragment DeskMember on Member {\n    id\n    name\n    email\n    status\n    blockedReason\n    points\n    card {\n      number\n    }\n    activeLoanCount\n    loanLimit\n    canBorrow\n    cannotBorrowReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskFindMembers($search: String!, $first: Int, $after: String) {\n    members(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...DeskMember\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskFindMembers($search: String!, $first: Int, $after: String) {\n    members(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...DeskMember\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignedIn on AuthPayload {\n    token\n    member {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SignedIn on AuthPayload {\n    token\n    member {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;