import type { CombinedError } from '@urql/vue';

/** One error, as a person should read it, and where to show it. */
export interface Problem {
  /** The API's `extensions.code`, or NETWORK when the router could not be reached. */
  readonly code: string;
  /** A sentence a person understands. */
  readonly message: string;
  /** The input it is about (`extensions.field`, last segment: `input.isbn` → `isbn`). */
  readonly field?: string;
}

/** What `describe` needs of a GraphQL error: graphql-js's, urql's, or a plain JSON one. */
export interface ApiError {
  readonly message: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

interface Sentence {
  /** The sentence, from the error's extensions when it has useful ones. */
  readonly say: (extensions: Readonly<Record<string, unknown>>) => string;
  /**
   * The server's own message is written for people (domain errors: docs/errors.md) and more
   * precise than ours; shown instead when present. Technical codes never show it.
   */
  readonly preferServer?: boolean;
}

const TECHNICAL =
  "This page sent a request the library does not understand. Reload the page to get the app's latest version.";

/**
 * Every code of docs/errors.md, as a sentence (a test checks that none is missing). The codes are
 * the API's contract; the server's message, where it is meant for people, is preferred.
 */
export const SENTENCES = {
  UNAUTHENTICATED: { say: () => 'Please sign in to do this.', preferServer: true },
  FORBIDDEN: { say: () => 'Your account is not allowed to do this.', preferServer: true },
  BAD_USER_INPUT: { say: () => 'Please check what you entered.', preferServer: true },
  NOT_FOUND: {
    say: (x) =>
      typeof x['entity'] === 'string'
        ? `This ${x['entity'].toLowerCase()} could not be found; it may have been removed.`
        : 'What you asked for could not be found; it may have been removed.',
  },
  ALREADY_EXISTS: { say: () => 'That already exists.', preferServer: true },
  NO_COPY_AVAILABLE: {
    say: () => 'No copy of this book is free to borrow right now. You can place a hold to join the queue.',
    preferServer: true,
  },
  LOAN_LIMIT_REACHED: {
    say: (x) =>
      typeof x['limit'] === 'number'
        ? `You may have at most ${x['limit']} books on loan at once. Return one to borrow more.`
        : 'You have as many books on loan as you may. Return one to borrow more.',
  },
  RENEWAL_LIMIT_REACHED: {
    say: () => 'This loan was renewed as often as allowed. Please return the book by its due date.',
  },
  HOLD_QUEUE_NOT_EMPTY: {
    say: () => 'Someone is waiting for this book, so it cannot be renewed. Please return it by its due date.',
  },
  INSUFFICIENT_POINTS: { say: () => 'You do not have enough points to place a hold.', preferServer: true },
  MEMBER_BLOCKED: {
    say: () => 'Your account cannot borrow or place holds right now. Please ask at the library desk.',
    preferServer: true,
  },
  SERVICE_UNAVAILABLE: {
    say: () =>
      'Part of the library is not answering right now. Nothing was changed; please try again shortly.',
  },
  TOO_MANY_REQUESTS: {
    say: (x) =>
      typeof x['retryAfterSeconds'] === 'number'
        ? `Too many attempts. Please wait ${waitFor(x['retryAfterSeconds'])} and try again.`
        : 'Too many attempts. Please wait a little and try again.',
  },
  CONFLICT: {
    say: () => 'Someone else changed this at the same moment, so nothing was changed. Please try again.',
  },
  INTERNAL_SERVER_ERROR: {
    say: () => 'Something went wrong on our side. Please try again; if it keeps happening, tell the library.',
  },
  GRAPHQL_PARSE_FAILED: { say: () => TECHNICAL },
  GRAPHQL_VALIDATION_FAILED: { say: () => TECHNICAL },
  BAD_REQUEST: { say: () => TECHNICAL },
  OPERATION_RESOLUTION_FAILURE: { say: () => TECHNICAL },
  OPERATION_LIMIT_EXCEEDED: {
    say: () => 'This page asked for too much at once. Reload it; if it keeps happening, tell the library.',
  },
  SUBSCRIPTION_LIMIT_EXCEEDED: {
    say: () => 'Too many live updates are open on this page. Reload it to start again.',
  },
} satisfies Record<string, Sentence>;

export type ErrorCode = keyof typeof SENTENCES;

export const NETWORK_MESSAGE =
  'The library cannot be reached right now. Check your connection and try again.';
const UNKNOWN_MESSAGE = 'Something went wrong. Please try again.';

/**
 * Who reads the sentence: a reader about their own account (the default), or staff at the desk
 * about a member or a copy. Our sentences for the rules of lending speak to the reader ("You may
 * have at most…"); the server's messages for them name the member, card or copy at fault and
 * speak to staff when staff asked (ADR 16), so staff see the server's message for these codes.
 */
export type Audience = 'reader' | 'staff';

/** The domain codes whose server message staff see instead of our reader-facing sentence. */
const STAFF_HEAR_SERVER = new Set<string>([
  'NOT_FOUND',
  'LOAN_LIMIT_REACHED',
  'RENEWAL_LIMIT_REACHED',
  'HOLD_QUEUE_NOT_EMPTY',
]);

/** One GraphQL error as a {@link Problem}. */
export function describe(error: ApiError, audience: Audience = 'reader'): Problem {
  const extensions = error.extensions ?? {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : 'UNKNOWN';
  const sentence: Sentence | undefined = isKnown(code) ? SENTENCES[code] : undefined;
  const server = error.message.trim();
  const preferServer = sentence?.preferServer || (audience === 'staff' && STAFF_HEAR_SERVER.has(code));
  const message = !sentence
    ? server || UNKNOWN_MESSAGE
    : preferServer && server
      ? server
      : sentence.say(extensions);
  const field = typeof extensions['field'] === 'string' ? extensions['field'].split('.').at(-1) : undefined;
  return field ? { code, message, field } : { code, message };
}

/** Every problem of a urql error: its GraphQL errors, or the network failure. Empty for none. */
export function problems(error: CombinedError | null | undefined, audience: Audience = 'reader'): Problem[] {
  if (!error) return [];
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map((one) => describe(one, audience));
  return [{ code: 'NETWORK', message: NETWORK_MESSAGE }];
}

/** The first problem's sentence, for a page that shows one line. */
export function sentence(
  error: CombinedError | null | undefined,
  audience: Audience = 'reader',
): string | null {
  return problems(error, audience)[0]?.message ?? null;
}

/**
 * Splits problems for a form: those about a field (shown next to it) and the rest (shown above
 * the submit button). A field the form does not have counts as the rest.
 */
export function forForm(
  error: CombinedError | null | undefined,
  fields: readonly string[],
  audience: Audience = 'reader',
): { fields: Partial<Record<string, string>>; general: string[] } {
  const byField: Partial<Record<string, string>> = {};
  const general: string[] = [];
  for (const problem of problems(error, audience)) {
    if (problem.field && fields.includes(problem.field) && !byField[problem.field]) {
      byField[problem.field] = problem.message;
    } else {
      general.push(problem.message);
    }
  }
  return { fields: byField, general };
}

function isKnown(code: string): code is ErrorCode {
  return Object.hasOwn(SENTENCES, code);
}

function waitFor(seconds: number): string {
  if (seconds <= 1) return 'a second';
  if (seconds < 60) return `${Math.ceil(seconds)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
