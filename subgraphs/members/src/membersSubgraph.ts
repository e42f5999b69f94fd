import { NotFound } from '@shelfmark/errors';
import {
  buildFederatedSchema,
  byId,
  isMongo,
  type SubgraphDefinition,
  type SubgraphRuntime,
} from '@shelfmark/subgraph-kit';
import { AdminBootstrapper } from './application/bootstrap-admin/AdminBootstrapper';
import { MemberBlocker } from './application/block-member/MemberBlocker';
import { MemberFinder } from './application/find-members/MemberFinder';
import { MemberSearchIndexer } from './application/index-members/MemberSearchIndexer';
import { PointsGranter } from './application/grant-points/PointsGranter';
import { MemberAuthenticator } from './application/login/MemberAuthenticator';
import { MemberRegistrar } from './application/register/MemberRegistrar';
import { HoldPointsSpender } from './application/spend-points/HoldPointsSpender';
import { MemberCardIssuer } from './application/issue-card/MemberCardIssuer';
import { HoldPointsRefunder } from './application/refund-points/HoldPointsRefunder';
import { OnTimeReturnRewarder } from './application/reward-return/OnTimeReturnRewarder';
import { IssueMemberCardOnMemberRegistered } from './adapters/events/IssueMemberCardOnMemberRegistered';
import { RefundHoldPointsOnHoldEnded } from './adapters/events/RefundHoldPointsOnHoldEnded';
import { RewardOnTimeReturnOnLoanReturned } from './adapters/events/RewardOnTimeReturnOnLoanReturned';
import { RequestViewer, type MembersContext } from './adapters/graphql/context';
import { MemberResolver } from './adapters/graphql/member.resolver';
import { MemberCardSchema, MemberSchema } from './adapters/persistence/member.schema';
import { MikroOrmMemberRepository } from './adapters/persistence/MikroOrmMemberRepository';
import { Argon2PasswordHasher } from './adapters/security/Argon2PasswordHasher';
import { JwtTokenIssuer } from './adapters/security/JwtTokenIssuer';
import {
  RateLimitedLoginAttempts,
  type LoginLimiterStore,
} from './adapters/security/RateLimitedLoginAttempts';
import type { LoginAttempts } from './application/login/LoginAttempts';
import { resolveMembersSettings, type MembersSettings } from './settings';

/**
 * The members context: who belongs to the library, their role, card and points; and the issuer of
 * the tokens every other subgraph trusts. Throws at once on settings it cannot run with.
 */
export function membersSubgraph(settings: MembersSettings = {}): SubgraphDefinition<MembersContext> {
  const config = resolveMembersSettings(settings);
  const hasher = new Argon2PasswordHasher();
  // One per process, opened in onStart (before any request): the counters outlive requests.
  let loginAttempts: LoginAttempts | undefined;

  return {
    name: 'members',
    entities: [MemberSchema, MemberCardSchema],
    aggregates: [MemberSchema],
    schema: () =>
      buildFederatedSchema({
        resolvers: [MemberResolver],
        referenceResolvers: {
          Member: {
            // Batched: the router asking for many members costs one query. A member members does
            // not know (e.g. a closed account another context still refers to) is a NOT_FOUND the
            // client can read, at that member's place in the answer — not a silent null that
            // would bubble up and blank whatever list holds it.
            __resolveReference: async (ref: { id: string }, ctx: MembersContext) => {
              const member = await ctx.memberById.load(ref.id);
              if (!member) throw new NotFound('Member', ref.id);
              return member;
            },
          },
        },
      }),
    context(base, runtime) {
      const members = new MikroOrmMemberRepository(base.em);
      const tokens = new JwtTokenIssuer(runtime.keys, config.tokenTtlSeconds);
      // Writes that may race (points, status) start each attempt in a fresh unit of work.
      const freshMembers = () => new MikroOrmMemberRepository(base.em.fork());
      return {
        ...base,
        registerMember: new MemberRegistrar(members, hasher, tokens, {
          initialPoints: config.initialPoints,
          clock: runtime.clock,
        }),
        authenticator: new MemberAuthenticator(members, hasher, tokens, loginAttempts),
        grantPoints: new PointsGranter(freshMembers, runtime.clock),
        blocker: new MemberBlocker(freshMembers, runtime.clock),
        findMembers: new MemberFinder(members),
        spendHoldPoints: new HoldPointsSpender(freshMembers, runtime.clock),
        viewer: new RequestViewer(base.identity),
        memberById: byId(
          (ids) => members.byIds(ids),
          (member) => member.id,
        ),
      };
    },
    consumers: (runtime: SubgraphRuntime) => {
      // Each event, and each attempt at it, gets a unit of work of its own.
      const freshMembers = () => new MikroOrmMemberRepository(runtime.orm.em.fork());
      return [
        new IssueMemberCardOnMemberRegistered(
          new MemberCardIssuer(freshMembers, {
            validityYears: config.cardValidityYears,
            clock: runtime.clock,
          }),
        ),
        new RefundHoldPointsOnHoldEnded(new HoldPointsRefunder(freshMembers, runtime.clock), runtime.logger),
        new RewardOnTimeReturnOnLoanReturned(
          new OnTimeReturnRewarder(freshMembers, { points: config.onTimeReturnPoints, clock: runtime.clock }),
        ),
      ];
    },
    async onStart(runtime) {
      if (!runtime.keys.privateKey) {
        throw new Error('members issues the sign-in tokens, so it needs the token signing (private) key.');
      }
      loginAttempts = await RateLimitedLoginAttempts.open(config.loginLimits, loginLimiterStore(runtime));
      // Members stored before the desk's search existed get their search key.
      const indexed = await new MemberSearchIndexer(
        () => new MikroOrmMemberRepository(runtime.orm.em.fork()),
      ).indexMissing();
      if (indexed > 0) runtime.logger.info({ indexed }, 'members given a search key');
      const bootstrapper = new AdminBootstrapper(
        new MikroOrmMemberRepository(runtime.orm.em.fork()),
        hasher,
        {
          initialPoints: config.initialPoints,
          clock: runtime.clock,
        },
      );
      // The outcome only: an e-mail address is personal data and never goes into a log line.
      if (config.admin) {
        runtime.logger.info({ outcome: await bootstrapper.ensure(config.admin) }, 'admin account bootstrap');
      }
      if (config.librarian) {
        const outcome = await bootstrapper.ensure(config.librarian, 'LIBRARIAN');
        runtime.logger.info({ outcome }, 'librarian account bootstrap');
      }
    },
  };
}

/**
 * Embedded (SQLite, one process): counters in memory. On MongoDB (the cluster shapes, where several
 * members processes may run): in members' own database, shared by all of them.
 */
function loginLimiterStore(runtime: SubgraphRuntime): LoginLimiterStore {
  const em = runtime.orm.em.fork();
  if (!isMongo(em)) return { kind: 'memory' };
  // MikroORM's MongoDB connection (typed only in @mikro-orm/mongodb, which the kit owns).
  const connection = em.getConnection() as unknown as {
    getClient(): unknown;
    getDb(): { databaseName: string };
  };
  return { kind: 'mongodb', client: connection.getClient(), dbName: connection.getDb().databaseName };
}
