import { buildFederatedSchema, type SubgraphDefinition, type SubgraphRuntime } from '@shelfmark/subgraph-kit';
import { defineConsumer } from '@shelfmark/events';
import { AdminBootstrapper } from './application/bootstrap-admin/AdminBootstrapper';
import { MemberAuthenticator } from './application/login/MemberAuthenticator';
import { MemberRegistrar } from './application/register/MemberRegistrar';
import { IssueMemberCardOnMemberRegistered } from './adapters/events/IssueMemberCardOnMemberRegistered';
import { memberLoader, RequestViewer, type MembersContext } from './adapters/graphql/context';
import { MemberResolver } from './adapters/graphql/member.resolver';
import { MemberCardSchema, MemberSchema } from './adapters/persistence/member.schema';
import { MikroOrmMemberRepository } from './adapters/persistence/MikroOrmMemberRepository';
import { Argon2PasswordHasher } from './adapters/security/Argon2PasswordHasher';
import { JwtTokenIssuer } from './adapters/security/JwtTokenIssuer';
import { resolveMembersSettings, type MembersSettings } from './settings';

/**
 * The members context: who belongs to the library, their role, card and points; and the issuer of
 * the tokens every other subgraph trusts. Throws at once on settings it cannot run with.
 */
export function membersSubgraph(settings: MembersSettings): SubgraphDefinition<MembersContext> {
  const config = resolveMembersSettings(settings);
  const hasher = new Argon2PasswordHasher();

  return {
    name: 'members',
    entities: [MemberSchema, MemberCardSchema],
    aggregates: [MemberSchema],
    schema: () =>
      buildFederatedSchema({
        resolvers: [MemberResolver],
        referenceResolvers: {
          Member: {
            // Batched: the router asking for many members costs one query.
            __resolveReference: (ref: { id: string }, ctx: MembersContext) => ctx.memberById.load(ref.id),
          },
        },
      }),
    context(base, runtime) {
      const members = new MikroOrmMemberRepository(base.em);
      const tokens = new JwtTokenIssuer(runtime.keys, config.tokenTtlSeconds);
      return {
        ...base,
        registerMember: new MemberRegistrar(members, hasher, tokens, { initialPoints: config.initialPoints }),
        authenticator: new MemberAuthenticator(members, hasher, tokens),
        viewer: new RequestViewer(base.identity),
        memberById: memberLoader((ids) => members.byIds(ids)),
      };
    },
    consumers: (runtime: SubgraphRuntime) => [
      defineConsumer(
        new IssueMemberCardOnMemberRegistered(runtime.orm, { validityYears: config.cardValidityYears }),
      ),
    ],
    async onStart(runtime) {
      if (!runtime.keys.privateKey) {
        throw new Error('members issues the sign-in tokens, so it needs the token signing (private) key.');
      }
      if (!config.admin) return;
      const members = new MikroOrmMemberRepository(runtime.orm.em.fork());
      const outcome = await new AdminBootstrapper(members, hasher, {
        initialPoints: config.initialPoints,
      }).ensure(config.admin);
      runtime.logger.info({ email: config.admin.email, outcome }, 'admin account bootstrap');
    },
  };
}
