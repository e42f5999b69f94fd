import { loadClusterConfig, startCluster, type RunningCluster } from '@shelfmark/launcher/cluster';
import { eventually, graphqlClient, tempDir, type GraphQLRequest } from '@shelfmark/testing';

/** `npm run start:cluster` for one suite, and what the suite needs of it. */
export interface SuiteCluster {
  readonly cluster: RunningCluster;
  readonly request: GraphQLRequest;
  /** SHELFMARK_DATA_DIR: keys, and the mail folder (`<dataDir>/mail`). */
  readonly dataDir: string;
  /** Every line the processes printed (at `LOG_LEVEL=warn`: warnings and errors), `[name] {json}`. */
  readonly log: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts the cluster shape (six subgraph processes, the router, notifications) for one suite,
 * over the Kafka broker and MongoDB server the jest project started (KAFKA_BROKERS, MONGODB_URL):
 * its own databases (`<name>-e2e-…`), ports from `port` and data folder, the admin bootstrapped.
 * A failed start says why, with the processes' last lines.
 */
export async function startSuiteCluster(options: {
  readonly name: string;
  readonly port: number;
  readonly admin: { readonly email: string; readonly password: string };
}): Promise<SuiteCluster> {
  const dir = tempDir(`shelfmark-${options.name}-`);
  const log: string[] = [];
  let cluster: RunningCluster;
  try {
    cluster = await startCluster(
      loadClusterConfig({
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
        ...(process.env['MONGODB_URL'] ? { MONGODB_URL: process.env['MONGODB_URL'] } : {}),
        // Its own databases on the MongoDB server the other suites share.
        SHELFMARK_DATABASE_PREFIX: `${options.name}-e2e`,
        PORT: String(options.port),
        SHELFMARK_SUBGRAPH_PORTS_FROM: String(options.port + 1),
        SHELFMARK_DATA_DIR: dir.path,
        SHELFMARK_ADMIN_EMAIL: options.admin.email,
        SHELFMARK_ADMIN_PASSWORD: options.admin.password,
        LOG_LEVEL: 'warn',
      }),
      (line) => log.push(line),
    );
  } catch (error) {
    dir.cleanup();
    throw new Error(`The cluster did not start: ${String(error)}\n${log.slice(-40).join('\n')}`);
  }
  return {
    cluster,
    request: graphqlClient(cluster.url),
    dataDir: dir.path,
    log,
    close: async () => {
      await cluster.close();
      dir.cleanup();
    },
  };
}

/**
 * Resolves once loans knows the member behind `token`. registerMember answers once Kafka has
 * member-registered; loans consumes it moments later, and a borrow in between is refused
 * MEMBER_UNKNOWN (docs/adr/0010-who-may-act.md). Loans knows the member once it can say whether
 * they may borrow (`canBorrow` is null until then).
 */
export async function untilLoansKnows(request: GraphQLRequest, token: string): Promise<void> {
  await eventually(
    () => request<{ me: { canBorrow: boolean | null } | null }>('{ me { canBorrow } }', {}, { token }),
    (answer) => typeof answer.data?.me?.canBorrow === 'boolean',
  );
}
