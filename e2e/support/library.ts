import { loadConfig, startEmbedded, type EmbeddedShelfmark } from '@shelfmark/launcher';
import { graphqlClient, isbnFor, tempDir, type GraphQLRequest } from '@shelfmark/testing';
import type { AddBookInput } from '../gql/graphql';
import { AddBook, AddCopies, Login, RegisterMember } from '../operations';

/** The bootstrap admin every library started here has. */
export const ADMIN = { email: 'admin@library.test', password: 'correct horse battery staple' } as const;

/** How to start a library: only what differs between e2e files. */
export interface LibraryOptions {
  /** Prefix of the temporary data directory, so a leftover directory names the file that made it. */
  readonly prefix: string;
  /** Environment on top of the e2e defaults (silent logs, any free port, the bootstrap admin). */
  readonly env?: NodeJS.ProcessEnv;
  /** What `startEmbedded` takes besides the config, e.g. a clock the test moves. */
  readonly options?: Parameters<typeof startEmbedded>[1];
}

/** A member registered through the router. */
export interface Reader {
  readonly id: string;
  readonly email: string;
  readonly token: string;
}

/** The whole system as `npm start` runs it, on a fresh data directory, with the chores tests repeat. */
export interface Library {
  /** The data directory (SQLite files, signing keys, mail, dead letters). */
  readonly dataDir: string;
  /** The running system; a new one after {@link Library.restart}. */
  readonly shelfmark: EmbeddedShelfmark;
  /** A client of the router; it follows the system across restarts. */
  readonly request: GraphQLRequest;
  /** The bootstrap admin's token (signs in once). */
  adminToken(): Promise<string>;
  /** Registers a member; the e-mail defaults to one made from the name. */
  registerReader(name: string, email?: string): Promise<Reader>;
  /** Adds a book (as the admin) with `copies` copies; returns its id. The ISBN is unique unless given. */
  addBook(title: string, copies?: number, details?: Partial<AddBookInput>): Promise<string>;
  /** Stops the system and starts it again on the same data directory. */
  restart(): Promise<void>;
  /** Stops the system and removes its data directory. */
  close(): Promise<void>;
}

/** Starts the embedded system for one e2e file; call `close()` in `afterAll`. */
export async function startLibrary({ prefix, env = {}, options }: LibraryOptions): Promise<Library> {
  const dir = tempDir(prefix);
  const config = loadConfig({
    SHELFMARK_DATA_DIR: dir.path,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SHELFMARK_ADMIN_EMAIL: ADMIN.email,
    SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
    // Loans waits 2 s for inventory by default: a production bound on a request, not what these
    // tests are about. On a busy machine a reservation can take longer, and the borrow would
    // (correctly) answer SERVICE_UNAVAILABLE; here the machine's speed must not decide a result.
    SHELFMARK_PEER_TIMEOUT_MS: '30000',
    ...env,
  });
  let shelfmark: EmbeddedShelfmark;
  try {
    shelfmark = await startEmbedded(config, options);
  } catch (error) {
    dir.cleanup();
    throw error;
  }
  let client = graphqlClient(shelfmark.url);
  // Bound late so a client taken before a restart talks to the system after it.
  const request: GraphQLRequest = (query, variables, requestOptions) =>
    client(query, variables, requestOptions);
  let admin: Promise<string> | undefined;
  let books = 0;

  const adminToken = () =>
    (admin ??= request(Login, ADMIN).then((login) => {
      expect(login.errors).toBeUndefined();
      return login.data!.login.token;
    }));

  return {
    dataDir: dir.path,
    get shelfmark() {
      return shelfmark;
    },
    request,
    adminToken,
    async registerReader(name, email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@library.test`) {
      const registered = await request(RegisterMember, {
        input: { email, password: 'a long enough password', name },
      });
      expect(registered.errors).toBeUndefined();
      const { token, member } = registered.data!.registerMember;
      return { id: member.id, email: member.email, token };
    },
    async addBook(title, copies = 0, details = {}) {
      const token = await adminToken();
      const added = await request(
        AddBook,
        {
          input: { isbn: isbnFor(++books), title, authors: ['An Author'], subjects: ['fiction'], ...details },
        },
        { token },
      );
      expect(added.errors).toBeUndefined();
      const bookId = added.data!.addBook.id;
      if (copies > 0)
        expect((await request(AddCopies, { bookId, count: copies }, { token })).errors).toBeUndefined();
      return bookId;
    },
    async restart() {
      await shelfmark.close();
      shelfmark = await startEmbedded(config, options);
      client = graphqlClient(shelfmark.url);
    },
    async close() {
      try {
        await shelfmark.close();
      } finally {
        dir.cleanup();
      }
    },
  };
}
