import type { InProcessResponse, InProcessSubgraph } from '@shelfmark/subgraph-kit';
import { processMetrics } from '@shelfmark/subgraph-kit';
import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** What the cache needs of a subgraph fetch. */
export interface CacheableRequest {
  readonly query: string;
  readonly operationName?: string | undefined;
  readonly variables?: Readonly<Record<string, unknown>> | undefined;
}

/** How a fetch's query can be kept: a root query the subgraph named, an `_entities` fetch, or not. */
type Shape = 'root' | 'entities' | 'never';

interface Kept {
  /** The subgraph's database write count when the answer was read. */
  readonly generation: number;
  /** The answer's `data`, as JSON: each hit gets its own copy, which the gateway merges into. */
  readonly data: string;
}

/**
 * The embedded router's answer cache (docs/adr/0022-answer-cache.md): a subgraph's answer to a
 * fetch, kept until that subgraph's database next writes.
 *
 * Only answers a subgraph declares a function of its own data, the caller and the request are
 * kept (`CacheableAnswers`: root fields, entity types), and only when the subgraph counts its
 * database's writes (SQLite, in this process). An answer is kept only if no write ran while it
 * was read, and served only while none has run since: one write to a subgraph's database — a
 * commit of a request, a consumer applying an event, a job — makes everything kept of that
 * subgraph stale at once, before the writer answers, so a read after a change never sees the
 * answer from before it. The key is the caller's token, the query and its variables: one caller's
 * answer is never served to another. Answers with errors are never kept.
 */
export class AnswerCache {
  private readonly kept: LRUCache<string, Kept>;
  private readonly shapes = new LRUCache<string, Shape>({ max: 2_000 });

  constructor(maxBytes: number) {
    this.kept = new LRUCache<string, Kept>({
      maxSize: maxBytes,
      // UTF-16 code units, two bytes each: the key and the answer's JSON.
      sizeCalculation: (entry, key) => 2 * (key.length + entry.data.length) + 64,
    });
  }

  /**
   * `fetch`'s answer for `request` to `subgraph` by `token` (undefined: anonymous), from the cache
   * when a current one is kept; otherwise fetched, and kept when it may be.
   */
  async answer(
    subgraph: InProcessSubgraph,
    request: CacheableRequest,
    token: string | undefined,
    fetch: () => Promise<InProcessResponse>,
  ): Promise<InProcessResponse> {
    const cache = subgraph.cache;
    if (!cache || !this.mayKeep(subgraph, request)) return fetch();
    const key = `${subgraph.name}\n${token ?? ''}\n${request.operationName ?? ''}\n${request.query}\n${JSON.stringify(request.variables ?? {})}`;
    const { answerCache } = processMetrics();
    const generation = cache.writes.generation;
    const kept = this.kept.get(key);
    if (kept && kept.generation === generation) {
      answerCache.inc({ subgraph: subgraph.name, result: 'hit' });
      return { status: 200, data: JSON.parse(kept.data) as Record<string, unknown> };
    }
    const response = await fetch();
    if (response.status !== 200 || response.errors || !response.data) return response;
    if (cache.writes.generation !== generation) {
      // Something was written while this was read: the answer may be older than that write.
      answerCache.inc({ subgraph: subgraph.name, result: 'changed' });
      return response;
    }
    this.kept.set(key, { generation, data: JSON.stringify(response.data) });
    answerCache.inc({ subgraph: subgraph.name, result: 'miss' });
    return response;
  }

  /** Whether the subgraph declares this request's answer a function of its own data alone. */
  private mayKeep(subgraph: InProcessSubgraph, request: CacheableRequest): boolean {
    const shapeKey = `${subgraph.name}\n${request.operationName ?? ''}\n${request.query}`;
    let shape = this.shapes.get(shapeKey);
    if (shape === undefined) {
      shape = shapeOf(subgraph, request);
      this.shapes.set(shapeKey, shape);
    }
    if (shape === 'root') return true;
    if (shape === 'never') return false;
    const representations = request.variables?.['representations'];
    const types = subgraph.cache!.answers.entityTypes;
    return (
      Array.isArray(representations) &&
      representations.every(
        (representation: unknown) =>
          typeof representation === 'object' &&
          representation !== null &&
          types.includes((representation as { __typename?: unknown }).__typename as string),
      )
    );
  }
}

/** Reads a fetch's query once: its operation must be a query whose root fields the subgraph named. */
function shapeOf(subgraph: InProcessSubgraph, request: CacheableRequest): Shape {
  let operation: OperationDefinitionNode | undefined;
  try {
    const operations = parse(request.query).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    operation =
      request.operationName === undefined
        ? operations.length === 1
          ? operations[0]
          : undefined
        : operations.find((candidate) => candidate.name?.value === request.operationName);
  } catch {
    return 'never';
  }
  if (!operation || operation.operation !== OperationTypeNode.QUERY) return 'never';
  const fields: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return 'never';
    if (selection.name.value !== '__typename') fields.push(selection.name.value);
  }
  const { rootFields } = subgraph.cache!.answers;
  if (fields.length === 1 && fields[0] === '_entities') return 'entities';
  if (fields.length > 0 && fields.every((field) => rootFields.includes(field))) return 'root';
  return 'never';
}
