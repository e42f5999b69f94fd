import {
  getArgumentValues,
  getVariableValues,
  Kind,
  OperationTypeNode,
  print,
  type DocumentNode,
  type FieldNode,
  type FormattedExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** What an update of a subscription is about, so the hub knows which events concern it. */
export type Trigger = { readonly kind: 'book'; readonly bookId: string } | { readonly kind: 'ranking' };

/** A subscription document rewritten once, for whatever variables its subscribers give. */
export interface SubscriptionTemplate extends Omit<RewrittenSubscription, 'trigger'> {
  /** What the update is about for these variables; throws a GraphQLError when they do not fit. */
  triggerFor(variables: Readonly<Record<string, unknown>>): Trigger;
}

/** A subscription rewritten as the query the router runs through the gateway on each update. */
export interface RewrittenSubscription {
  /** The query, printed: `query { book(id: $id) { ...selection } }`. */
  readonly query: string;
  readonly operationName: string | undefined;
  readonly trigger: Trigger;
  /**
   * The query's answer is under `from` (`book`); the subscriber expects it under `to`
   * (`bookStatusChanged`). Undefined when the subscriber gave the field an alias, which the query keeps.
   */
  readonly rename: { readonly from: string; readonly to: string } | undefined;
}

/** Each subscription field of the API, the query field that answers it, and its arguments' names there. */
const QUERY_FIELD_OF = {
  bookStatusChanged: { field: 'book', arguments: { bookId: 'id' } },
  rankingChanged: { field: 'ranking', arguments: { window: 'window', subject: 'subject', first: 'first' } },
} as const satisfies Record<string, { field: string; arguments: Record<string, string> }>;

type SubscriptionField = keyof typeof QUERY_FIELD_OF;

/**
 * Turns a validated subscription document into the query that answers one update of it: the root
 * field becomes the query field that returns the same type, the selection, the variables and the
 * fragments stay as they are (so the query has exactly the subscriber's aliases, depth and cost,
 * and the same limits hold for both); {@link asSubscriptionPayload} gives its answer the
 * subscription's shape and error paths. The gateway then plans and executes it like any
 * query, across every subgraph the selection touches.
 *
 * The document must have passed validation against the API schema (one operation chosen, a single
 * root field: graphql-js's SingleFieldSubscriptionsRule).
 */
export function rewriteSubscription(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): SubscriptionTemplate {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation || operation.operation !== OperationTypeNode.SUBSCRIPTION)
    throw new Error('not a subscription');
  const root = operation.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD) throw new Error('a subscription selects one field');
  const name = root.name.value;
  if (!isSubscriptionField(name)) throw new Error(`no query answers Subscription.${name}`);
  const mapping = QUERY_FIELD_OF[name];
  const renames: Readonly<Record<string, string>> = mapping.arguments;

  const rewritten: FieldNode = {
    ...root,
    name: { kind: Kind.NAME, value: mapping.field },
    arguments: (root.arguments ?? []).map((argument) => ({
      ...argument,
      name: { kind: Kind.NAME, value: renames[argument.name.value] ?? argument.name.value },
    })),
  };
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.map((definition) =>
      definition === operation
        ? {
            ...operation,
            operation: OperationTypeNode.QUERY,
            selectionSet: { ...operation.selectionSet, selections: [rewritten] },
          }
        : definition,
    ),
  };
  return {
    query: print(query),
    operationName: operation.name?.value,
    rename: root.alias ? undefined : { from: mapping.field, to: name },
    triggerFor: (variables) => triggerOf(schema, name, root, operation, variables),
  };
}

/** The template as one subscriber's variables make it. */
export function withVariables(
  template: SubscriptionTemplate,
  variables: Readonly<Record<string, unknown>>,
): RewrittenSubscription {
  return {
    query: template.query,
    operationName: template.operationName,
    rename: template.rename,
    trigger: template.triggerFor(variables),
  };
}

/** The answer to the rewritten query, under the subscription field's name (data and error paths). */
export function asSubscriptionPayload(
  subscription: Pick<RewrittenSubscription, 'rename'>,
  result: FormattedExecutionResult,
): FormattedExecutionResult {
  const { rename } = subscription;
  if (!rename) return result;
  const { data, errors, ...rest } = result;
  return {
    ...rest,
    ...(data === undefined
      ? {}
      : {
          data:
            data === null
              ? null
              : Object.fromEntries(
                  Object.entries(data).map(([key, value]) => [key === rename.from ? rename.to : key, value]),
                ),
        }),
    ...(errors
      ? {
          errors: errors.map((error) =>
            error.path?.[0] === rename.from ? { ...error, path: [rename.to, ...error.path.slice(1)] } : error,
          ),
        }
      : {}),
  };
}

function isSubscriptionField(name: string): name is SubscriptionField {
  return Object.hasOwn(QUERY_FIELD_OF, name);
}

function triggerOf(
  schema: GraphQLSchema,
  name: SubscriptionField,
  root: FieldNode,
  operation: OperationDefinitionNode,
  inputs: Readonly<Record<string, unknown>>,
): Trigger {
  if (name === 'rankingChanged') return { kind: 'ranking' };
  const field = schema.getSubscriptionType()?.getFields()[name];
  if (!field) throw new Error(`Subscription.${name} is not in the schema`);
  const { coerced, errors } = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  if (errors || !coerced) throw errors?.[0] ?? new Error('variables could not be read');
  const args = getArgumentValues(field, root, coerced);
  return { kind: 'book', bookId: String(args['bookId']) };
}
