import * as internals from '@apollo/federation-internals';
import type {
  CompositeType,
  Directive,
  Field,
  FieldSelection,
  FragmentElement,
  Operation,
  OutputType,
  Schema,
  Selection,
  SelectionSet,
} from '@apollo/federation-internals';
import { Kind, type DefinitionNode, type DocumentNode, type GraphQLError } from 'graphql';

/*
 * The last step of @apollo/gateway's executor (computeResponse in its resultShaping.js) walks the
 * operation over the merged subgraph answers: it keeps what the client asked for, under its
 * aliases, applies @skip/@include and fragments' type conditions, checks leaf values and turns a
 * null in a non-null field into an error that nulls its parent. Under load it was the router's
 * largest single cost after garbage collection (docs/benchmarks.md, "Gateway"), because each
 * field re-read its directives, response name and type through the federation library's getters
 * and each value allocated a result record.
 *
 * This is the same walk, the same answers and the same errors, with what depends only on the
 * operation worked out once per selection set and kept; and the executor's Operation, which it
 * rebuilt from the cached document on every request, is kept per document too, so that work is
 * reused from one request to the next. Installed over the gateway's own functions by
 * installResponseShaping(), only for the exact gateway version it was written against.
 */

const assert: (condition: unknown, message: string | (() => string)) => asserts condition = internals.assert;
const {
  ERRORS,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  typenameFieldName,
  Variable,
} = internals;

/** The @apollo/gateway version whose computeResponse this mirrors; any other keeps its own. */
export const SHAPED_GATEWAY_VERSION = '2.14.4';

type Condition = boolean | string | undefined;

interface ShapedField {
  readonly kind: 'field';
  readonly selection: FieldSelection;
  readonly responseName: string;
  /** A name Object.prototype also has (`constructor`, `toString`, `__proto__`…): read and written as own. */
  readonly inherited: boolean;
  readonly isTypename: boolean;
  readonly isIntrospection: boolean;
  readonly type: OutputType;
  readonly selectionSet: SelectionSet | undefined;
  readonly skip: Condition;
  readonly include: Condition;
}

interface ShapedFragment {
  readonly kind: 'fragment';
  readonly typeCondition: CompositeType | undefined;
  readonly selectionSet: SelectionSet;
  readonly skip: Condition;
  readonly include: Condition;
}

type Shaped = ShapedField | ShapedFragment;

interface Parameters {
  readonly schema: Schema;
  readonly variables: Record<string, unknown>;
  readonly errors: GraphQLError[];
  readonly introspectionHandling: (selection: FieldSelection) => unknown;
  /** Set by `update` just before it returns (no record allocated per value). */
  isInvalid: boolean;
  hasErrors: boolean;
}

export interface ComputeResponseArgs {
  readonly operation: Operation;
  readonly variables?: Record<string, unknown> | undefined;
  readonly input: Record<string, unknown> | null | undefined;
  readonly introspectionHandling: (selection: FieldSelection) => unknown;
}

const shapedSets = new WeakMap<SelectionSet, readonly Shaped[]>();
const defaultedVariables = new WeakMap<Operation, Record<string, unknown>>();

/** What the gateway's computeResponse answers, for the same arguments. */
export function computeResponse({
  operation,
  variables,
  input,
  introspectionHandling,
}: ComputeResponseArgs): {
  data: Record<string, unknown> | null | undefined;
  errors: GraphQLError[];
} {
  if (!input) return { data: input, errors: [] };
  let defaulted = defaultedVariables.get(operation);
  if (!defaulted) {
    defaulted = operation.collectDefaultedVariableValues();
    defaultedVariables.set(operation, defaulted);
  }
  const schema = operation.schema();
  const parameters: Parameters = {
    schema,
    variables: { __proto__: null, ...defaulted, ...variables },
    errors: [],
    introspectionHandling,
    isInvalid: false,
    hasErrors: false,
  };
  const data: Record<string, unknown> = {};
  const bubbled = applySelectionSet(
    input,
    operation.selectionSet,
    data,
    parameters,
    [],
    schema.schemaDefinition.rootType(operation.rootKind)!,
  );
  return { data: bubbled ? null : data, errors: parameters.errors };
}

function shape(selectionSet: SelectionSet, schema: Schema): readonly Shaped[] {
  let shaped = shapedSets.get(selectionSet);
  if (shaped) return shaped;
  const skipDirective = schema.skipDirective();
  const includeDirective = schema.includeDirective();
  const condition = (directive: Directive<never> | undefined): Condition => {
    if (!directive) return undefined;
    const value = (directive.arguments() as { if?: unknown }).if;
    return value instanceof Variable ? value.name : (value as boolean);
  };
  shaped = selectionSet.selections().map((selection: Selection): Shaped => {
    const skip = condition(
      selection.element.appliedDirectivesOf(skipDirective)[0] as Directive<never> | undefined,
    );
    const include = condition(
      selection.element.appliedDirectivesOf(includeDirective)[0] as Directive<never> | undefined,
    );
    if (selection.kind === 'FieldSelection') {
      const field = selection.element as Field;
      return {
        kind: 'field',
        selection,
        responseName: field.responseName(),
        inherited: field.responseName() in Object.prototype,
        isTypename: field.name === typenameFieldName,
        isIntrospection: field.definition.isSchemaIntrospectionField(),
        type: field.definition.type!,
        selectionSet: selection.selectionSet,
        skip,
        include,
      };
    }
    const fragment: FragmentElement = selection.element;
    return {
      kind: 'fragment',
      typeCondition: fragment.typeCondition,
      selectionSet: selection.selectionSet,
      skip,
      include,
    };
  });
  shapedSets.set(selectionSet, shaped);
  return shaped;
}

function holds(condition: Condition, variables: Record<string, unknown>): boolean {
  if (typeof condition !== 'string') return condition === true;
  const value = variables[condition];
  assert(
    value !== undefined && typeof value === 'boolean',
    () => `Unexpected value ${String(value)} for variable $${condition}`,
  );
  return value;
}

function skipped(shaped: Shaped, variables: Record<string, unknown>): boolean {
  return (
    (shaped.skip !== undefined && holds(shaped.skip, variables)) ||
    (shaped.include !== undefined && !holds(shaped.include, variables))
  );
}

function typeConditionApplies(
  schema: Schema,
  typeCondition: CompositeType | undefined,
  typename: string | undefined,
  parentType: CompositeType,
): boolean {
  if (!typeCondition) return true;
  if (typename) {
    const type = schema.type(typename);
    return !!type && isSubtype(typeCondition, type as CompositeType);
  }
  return isSubtype(typeCondition, parentType);
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/*
 * The answer's objects are plain ones (JSON.stringify writes those faster than the gateway's
 * prototype-less ones); a response name that Object.prototype also has is read as own only, and
 * `__proto__` is defined, never assigned, so an alias can never reach a prototype.
 */
function ownValue(object: Record<string, unknown>, key: string): unknown {
  return hasOwn(object, key) ? object[key] : undefined;
}

function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** True when a null must bubble up to the parent (the gateway's NULL_BUBBLE_UP). */
function applySelectionSet(
  input: Record<string, unknown>,
  selectionSet: SelectionSet,
  output: Record<string, unknown>,
  parameters: Parameters,
  path: (string | number)[],
  parentType: CompositeType,
): boolean {
  for (const shaped of shape(selectionSet, parameters.schema)) {
    if ((shaped.skip !== undefined || shaped.include !== undefined) && skipped(shaped, parameters.variables))
      continue;
    if (shaped.kind === 'field') {
      const { responseName } = shaped;
      const outputValue = shaped.inherited ? ownValue(output, responseName) : output[responseName];
      if (shaped.isIntrospection) {
        if (outputValue === undefined)
          setOwn(output, responseName, parameters.introspectionHandling(shaped.selection));
        continue;
      }
      let inputValue = (hasOwn(input, responseName) ? input[responseName] : undefined) ?? null;
      if (shaped.isTypename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName)
            inputValue = input[typenameFieldName] ?? null;
          const type =
            inputValue !== null && typeof inputValue === 'string'
              ? (parameters.schema.type(inputValue) ?? parentType)
              : parentType;
          if (!isObjectType(type)) return true;
          setOwn(output, responseName, type.name);
        }
        continue;
      }
      path.push(responseName);
      setOwn(
        output,
        responseName,
        update(outputValue, shaped.type, inputValue, shaped.selectionSet, path, parameters, parentType),
      );
      path.pop();
      if (parameters.isInvalid) return true;
    } else {
      const typename = input[typenameFieldName];
      assert(
        !typename || typeof typename === 'string',
        () => `Got unexpected value for __typename: ${String(typename)}`,
      );
      if (
        typeConditionApplies(
          parameters.schema,
          shaped.typeCondition,
          typename as string | undefined,
          parentType,
        )
      ) {
        const bubbled = applySelectionSet(
          input,
          shaped.selectionSet,
          output,
          parameters,
          path,
          shaped.typeCondition ?? parentType,
        );
        if (bubbled) return true;
      }
    }
  }
  return false;
}

/** A value in an assertion's message. */
function show(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function describe(
  path: readonly (string | number)[],
  currentType: OutputType,
  parentType: CompositeType,
): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string'
    ? `field ${String(parentType)}.${element}`
    : `array element of type ${String(currentType)} at index ${element}`;
}

/** The gateway's updateOutputValue; its `isInvalid` and `hasErrors` are left in `parameters`. */
function update(
  outputValue: unknown,
  type: OutputType,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: CompositeType,
): unknown {
  assert(inputValue !== undefined, 'Should not pass undefined for `inputValue` to this method');
  parameters.isInvalid = false;
  parameters.hasErrors = false;
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return outputValue;
  if (isNonNullType(type)) {
    const updated = update(
      outputValue,
      type.ofType as OutputType,
      inputValue,
      selectionSet,
      path,
      parameters,
      parentType,
    );
    if (updated === null) {
      if (!parameters.hasErrors) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(
            `Cannot return null for non-nullable ${describe(path, type.ofType as OutputType, parentType)}.`,
            { path: Array.from(path) },
          ),
        );
      }
      parameters.isInvalid = true;
      parameters.hasErrors = true;
      return updated;
    }
    parameters.isInvalid = false;
    parameters.hasErrors = false;
    return updated;
  }
  if (inputValue === null) return null;
  if (isListType(type)) {
    assert(
      Array.isArray(inputValue),
      () => `Invalid non-list value ${show(inputValue)} returned by subgraph for list type ${String(type)}`,
    );
    assert(
      outputValue === undefined || Array.isArray(outputValue),
      () => `Invalid non-list value ${show(outputValue)} returned by subgraph for list type ${String(type)}`,
    );
    const inputs = inputValue as unknown[];
    const outputs = outputValue as unknown[] | undefined;
    assert(
      outputs === undefined || inputs.length === outputs.length,
      () =>
        `[${String(inputs)}].length (${inputs.length}) !== [${String(outputs)}].length (${outputs?.length})`,
    );
    let shouldNullify = false;
    let hasErrors = false;
    const updated = new Array<unknown>(inputs.length);
    for (let index = 0; index < inputs.length; index += 1) {
      path.push(index);
      updated[index] = update(
        outputs === undefined ? undefined : outputs[index],
        type.ofType as OutputType,
        inputs[index],
        selectionSet,
        path,
        parameters,
        parentType,
      );
      path.pop();
      shouldNullify ||= parameters.isInvalid;
      hasErrors ||= parameters.hasErrors;
    }
    parameters.isInvalid = false;
    parameters.hasErrors = hasErrors;
    return shouldNullify ? null : updated;
  }
  if (isCompositeType(type)) {
    assert(selectionSet, () => `Invalid empty selection set for composite type ${String(type)}`);
    assert(
      typeof inputValue === 'object',
      () =>
        `Invalid non-object value ${show(inputValue)} returned by subgraph for composite type ${String(type)}`,
    );
    assert(
      outputValue === undefined || typeof outputValue === 'object',
      () =>
        `Invalid non-object value ${show(inputValue)} returned by subgraph for composite type ${String(type)}`,
    );
    const object = inputValue as Record<string, unknown>;
    const inputTypename = object[typenameFieldName];
    assert(
      inputTypename === undefined || typeof inputTypename === 'string',
      () => `Invalid non-string value ${String(inputTypename)} for __typename at ${String(path)}`,
    );
    let objectType: CompositeType = type;
    if (inputTypename) {
      const typenameType = parameters.schema.type(inputTypename);
      if (!typenameType || !isCompositeType(typenameType)) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(
            `Invalid __typename found for object at ${describe(path, type, parentType)}.`,
            {
              path: Array.from(path),
            },
          ),
        );
        parameters.isInvalid = false;
        parameters.hasErrors = true;
        return null;
      }
      objectType = typenameType;
    }
    const outputObject = (outputValue ?? {}) as Record<string, unknown>;
    const bubbled = applySelectionSet(object, selectionSet, outputObject, parameters, path, objectType);
    parameters.isInvalid = false;
    parameters.hasErrors = bubbled;
    return bubbled ? null : outputObject;
  }
  assert(
    outputValue === undefined,
    () => `Excepted output to be undefined but got ${String(type)} for type ${String(type)}`,
  );
  const valid = isValidLeafValue(parameters.schema, inputValue, type);
  if (!valid) {
    parameters.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describe(path, type, parentType)}.`, {
        path: Array.from(path),
      }),
    );
  }
  parameters.isInvalid = false;
  parameters.hasErrors = !valid;
  return valid ? inputValue : null;
}

type OperationFromDocument = typeof internals.operationFromDocument;

/**
 * The executor's Operation for a document, kept per (schema, operation definition): the executor
 * rebuilds it on each request from the document Apollo Server keeps parsed, always from the same
 * definitions, so the same Operation (and the shaping worked out for it) serves the next request.
 * Other calls go to the original.
 */
function keepOperations(original: OperationFromDocument): OperationFromDocument {
  const kept = new WeakMap<
    Schema,
    WeakMap<DefinitionNode, { definitions: readonly DefinitionNode[]; operation: Operation }>
  >();
  return (schema, document: DocumentNode, options) => {
    const [first] = document.definitions;
    const keepable =
      options?.validate === false &&
      options.operationName === undefined &&
      Object.keys(options).length === 1 &&
      first?.kind === Kind.OPERATION_DEFINITION;
    if (!keepable) return original(schema, document, options);
    let bySchema = kept.get(schema);
    if (!bySchema) kept.set(schema, (bySchema = new WeakMap()));
    const entry = bySchema.get(first);
    if (
      entry &&
      entry.definitions.length === document.definitions.length &&
      entry.definitions.every((definition, index) => definition === document.definitions[index])
    ) {
      return entry.operation;
    }
    const operation = original(schema, document, options);
    bySchema.set(first, { definitions: [...document.definitions], operation });
    return operation;
  };
}

let installed: boolean | undefined;

/**
 * Puts this computeResponse and the kept Operations in place of the gateway's, when the installed
 * @apollo/gateway is the version they mirror; answers whether they are in place.
 */
export function installResponseShaping(): boolean {
  if (installed !== undefined) return installed;
  /* eslint-disable @typescript-eslint/no-require-imports -- the gateway's own modules, replaced in place */
  const { version } = require('@apollo/gateway/package.json') as { version: string };
  if (version !== SHAPED_GATEWAY_VERSION) return (installed = false);
  const shaping = require('@apollo/gateway/dist/resultShaping') as { computeResponse: unknown };
  const operations = require('@apollo/federation-internals/dist/operations') as {
    operationFromDocument: OperationFromDocument;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  shaping.computeResponse = computeResponse;
  operations.operationFromDocument = keepOperations(operations.operationFromDocument);
  return (installed = true);
}
