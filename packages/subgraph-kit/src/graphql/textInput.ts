import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '@shelfmark/errors';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

// C0 controls but tab, line feed and carriage return (multi-line text is legitimate: a comment,
// a description), DEL, and the C1 controls: nothing a person types, and SQLite's C strings end at
// NUL. An ID is one token: it carries no control character at all.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as above
const ID_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// UTF-16 halves without their other half: no Unicode character, and no UTF-8 to store them as.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The scalars whose strings are text someone typed; `_Any` (entity representations) is the router's. */
const isTextual = (typeName: string) => typeName !== '_Any';

/**
 * Why `text`, given for a value of the named scalar, is no text a person could have meant, or
 * null when it is fine. Exported for its unit tests.
 */
export function unacceptableText(text: string, typeName: string): string | null {
  const control = (typeName === 'ID' ? ID_CONTROL : TEXT_CONTROL).exec(text);
  if (control) return `a control character (${codePoint(control[0])})`;
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `half of a character (${codePoint(surrogate[0])}), which is not valid Unicode`;
  return null;
}

function codePoint(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One place a value sits in the operation: the argument, then input fields (list items unnamed). */
type Path = readonly string[];

function refusal(path: Path, problem: string): GraphQLError {
  const name = path.join('.');
  return new GraphQLError(
    `The argument "${name}" contains ${problem}. That cannot be part of the text; please remove it and try again.`,
    {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        field: path[path.length - 1] ?? name,
        // Refused like any other bad input (docs/errors.md): a GraphQL error in a 200, which the
        // router relays as it is; a 400 from a subgraph would reach clients as the router's own.
        http: { status: 200 },
      },
    },
  );
}

/** Walks a variable's JSON value as the argument's input type will read it. */
function checkValue(value: unknown, type: GraphQLInputType, path: Path): GraphQLError | null {
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return null;
  if (isListType(nullable)) {
    const items: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const error = checkValue(item, nullable.ofType, path);
      if (error) return error;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return null;
    for (const field of Object.values(nullable.getFields())) {
      const error = checkValue((value as Record<string, unknown>)[field.name], field.type, [
        ...path,
        field.name,
      ]);
      if (error) return error;
    }
    return null;
  }
  const typeName = getNamedType(nullable).name;
  if (typeof value !== 'string' || !isTextual(typeName)) return null;
  const problem = unacceptableText(value, typeName);
  return problem ? refusal(path, problem) : null;
}

/**
 * The first string argument of `operation` (written in the document, or passed as a variable, in
 * nested input objects and lists alike) that holds text no person could have meant, as a
 * BAD_USER_INPUT error naming the argument; null when every one is fine.
 */
export function findUnacceptableText(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): GraphQLError | null {
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  let found: GraphQLError | null = null;
  const check = (error: GraphQLError | null) => {
    found ??= error;
  };
  const visitor = visitWithTypeInfo(typeInfo, {
    VariableDefinition: {
      enter(node) {
        path.push(`$${node.variable.name.value}`);
      },
      leave() {
        path.pop();
      },
    },
    Argument: {
      enter(node) {
        path.push(node.name.value);
      },
      leave() {
        path.pop();
      },
    },
    ObjectField: {
      enter(node) {
        path.push(node.name.value);
      },
      leave() {
        path.pop();
      },
    },
    StringValue(node) {
      const type = typeInfo.getInputType();
      if (!type) return;
      const typeName = getNamedType(type).name;
      if (!isTextual(typeName)) return;
      const problem = unacceptableText(node.value, typeName);
      if (problem) check(refusal(path, problem));
    },
    Variable(node) {
      const type = typeInfo.getInputType();
      if (!type || path[0]?.startsWith('$')) return;
      check(checkValue(variables[node.name.value], type, path));
    },
  });
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses, before anything runs, an operation whose string arguments hold text a person could not
 * have meant (control characters, broken Unicode), naming the argument: one check for every
 * argument of every subgraph, so no resolver has to remember it and no database sees such text.
 */
export function textInputPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return Promise.resolve();
          const error = findUnacceptableText(schema, document, operation, request.variables);
          return error ? Promise.reject(error) : Promise.resolve();
        },
      }),
  };
}
