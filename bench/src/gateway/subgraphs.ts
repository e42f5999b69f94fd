import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The four subgraphs of The Guild's public gateway benchmark
 * (github.com/graphql-hive/graphql-gateways-benchmark, subgraphs/*.rs), in Federation 2 syntax
 * with the same fields, keys, @provides/@requires and data, so the same nested query answers the
 * same ~57 kB.
 */
const LOREM = {
  a: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.',
  b: 'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi',
  c: 'sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.',
  d: 'Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem',
  e: 'At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.',
};

const USERS = [
  ['1', 'Uri Goldshtein', 'urigo'],
  ['2', 'Dotan Simha', 'dotansimha'],
  ['3', 'Kamil Kisiela', 'kamilkisiela'],
  ['4', 'Arda Tanrikulu', 'ardatan'],
  ['5', 'Gil Gardosh', 'gilgardosh'],
  ['6', 'Laurin Quast', 'laurin'],
].map(([id, name, username]) => ({ id: id!, name, username, birthday: 1234567890 }));

const PRODUCTS = [
  ['1', 'Table', 899, 100],
  ['2', 'Couch', 1299, 1000],
  ['3', 'Glass', 15, 20],
  ['4', 'Chair', 499, 100],
  ['5', 'TV', 1299, 1000],
  ['6', 'Lamp', 6999, 300],
  ['7', 'Grill', 3999, 2000],
  ['8', 'Fridge', 100000, 6000],
  ['9', 'Sofa', 9999, 800],
].map(([upc, name, price, weight]) => ({ upc: String(upc), name, price, weight }));

const IN_STOCK: Record<string, boolean> = {
  '1': true,
  '2': false,
  '3': false,
  '4': false,
  '5': true,
  '6': true,
  '7': true,
  '8': false,
  '9': true,
};

const REVIEWS = (
  [
    ['1', LOREM.a, '1'],
    ['2', LOREM.b, '1'],
    ['3', LOREM.c, '1'],
    ['4', LOREM.d, '1'],
    ['5', LOREM.a, '2'],
    ['6', LOREM.b, '2'],
    ['7', LOREM.c, '2'],
    ['8', LOREM.d, '2'],
    ['9', LOREM.d, '3'],
    ['10', LOREM.d, '4'],
    ['11', LOREM.e, '4'],
  ] as const
).map(([id, body, upc]) => ({ id, body, product: { upc } }));

const FEDERATION = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ${JSON.stringify(imports)})`;

export interface SubgraphDefinition {
  readonly name: 'accounts' | 'products' | 'inventory' | 'reviews';
  readonly typeDefs: DocumentNode;
  readonly resolvers: Parameters<typeof buildSubgraphSchema>[0] extends infer M
    ? M extends { resolvers?: infer R }
      ? R
      : never
    : never;
}

export const subgraphs: readonly SubgraphDefinition[] = [
  {
    name: 'accounts',
    typeDefs: parse(`${FEDERATION(['@key', '@shareable'])}
      type Query { me: User user(id: ID!): User users: [User] }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable birthday: Int }`),
    resolvers: {
      Query: {
        me: () => USERS[0],
        user: (_: unknown, { id }: { id: string }) => USERS.find((user) => user.id === id),
        users: () => USERS,
      },
      User: { __resolveReference: ({ id }: { id: string }) => USERS.find((user) => user.id === id) },
    },
  },
  {
    name: 'products',
    typeDefs: parse(`${FEDERATION(['@key'])}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`),
    resolvers: {
      Query: { topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first) },
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => PRODUCTS.find((product) => product.upc === upc),
      },
    },
  },
  {
    name: 'inventory',
    typeDefs: parse(`${FEDERATION(['@key', '@external', '@requires'])}
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`),
    resolvers: {
      Product: {
        __resolveReference: (product: { upc: string; price?: number; weight?: number }) => ({
          ...product,
          inStock: IN_STOCK[product.upc],
        }),
        shippingEstimate: ({ price, weight }: { price?: number | null; weight?: number | null }) => {
          if (price === undefined || price === null) return null;
          if (price > 1000) return 0;
          return weight === undefined || weight === null ? null : Math.trunc(weight / 2);
        },
      },
    },
  },
  {
    name: 'reviews',
    typeDefs: parse(`${FEDERATION(['@key', '@external', '@provides'])}
      type Review @key(fields: "id") { id: ID! body: String product: Product author: User @provides(fields: "username") }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`),
    resolvers: {
      Review: {
        __resolveReference: ({ id }: { id: string }) => REVIEWS.find((review) => review.id === id),
        author: () => ({ id: '1', username: 'urigo' }),
      },
      User: {
        __resolveReference: ({ id }: { id: string }) => ({ id, username: 'user' }),
        reviews: () => REVIEWS.slice(0, 2),
      },
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
        reviews: ({ upc }: { upc: string }) => REVIEWS.filter((review) => review.product.upc === upc),
      },
    },
  },
];

/** The supergraph of the four subgraphs, each answering at `urls[name]`. */
export function composeSupergraph(urls: Readonly<Record<string, string>>): string {
  const result = composeServices(
    subgraphs.map(({ name, typeDefs }) => ({ name, typeDefs, url: urls[name]! })),
  );
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

/**
 * Serves one subgraph on a bare node:http server: parsed and validated documents are kept per
 * query text (a gateway sends a handful), so the subgraphs cost as little as they can and the
 * gateways' differences show.
 */
export function serveSubgraph(
  definition: SubgraphDefinition,
  port = 0,
): Promise<{ url: string; server: Server }> {
  const schema: GraphQLSchema = buildSubgraphSchema([
    { typeDefs: definition.typeDefs, resolvers: definition.resolvers },
  ]);
  const documents = new Map<string, DocumentNode>();
  const documentFor = (query: string) => {
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      const errors = validate(schema, document);
      if (errors.length > 0) throw new Error(errors.map((error) => error.message).join('\n'));
      if (documents.size > 1_000) documents.clear();
      documents.set(query, document);
    }
    return document;
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        let body: string;
        try {
          const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString()) as {
            query: string;
            variables?: Record<string, unknown>;
            operationName?: string;
          };
          const result = await execute({
            schema,
            document: documentFor(query),
            variableValues: variables ?? null,
            operationName: operationName ?? null,
          });
          body = JSON.stringify(result);
        } catch (error) {
          body = JSON.stringify({
            errors: [{ message: error instanceof Error ? error.message : String(error) }],
          });
        }
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      })();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 31_000;
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${bound}/graphql`, server });
    });
  });
}

/** The Guild's nested query (k6.js in their repository), the one every gateway answers. */
export const GUILD_QUERY = `fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
      }
    }
  }
  topProducts {
    ...Product
    reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
  }
}`;
