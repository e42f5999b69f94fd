import DataLoader from 'dataloader';

/** A request-scoped batching loader, as the factories below make them. */
export type Loader<K, V, C = K> = DataLoader<K, V, C>;

/** One query for many keys: answers the items it found, in any order, none for a key it does not know. */
export type BatchLoad<K, T> = (keys: readonly K[]) => Promise<readonly T[]>;

/**
 * Loads items by their id: every `load(id)` of a request joins one `load(ids)` call, and each
 * answers with its item, or null for an id the query did not return. With `answer`, each id's
 * answer is made from its item (or null), e.g. a count that is 0 for a book never counted.
 */
export function byId<T, K = string>(load: BatchLoad<K, T>, idOf: (item: T) => K): DataLoader<K, T | null>;
export function byId<T, R, K = string>(
  load: BatchLoad<K, T>,
  idOf: (item: T) => K,
  answer: (item: T | null, id: K) => R,
): DataLoader<K, R>;
export function byId<T, R, K>(
  load: BatchLoad<K, T>,
  idOf: (item: T) => K,
  answer?: (item: T | null, id: K) => R,
): DataLoader<K, R | T | null> {
  return new DataLoader<K, R | T | null>(async (ids) => {
    const found = new Map((await load(ids)).map((item) => [idOf(item), item]));
    return ids.map((id) => {
      const item = found.get(id) ?? null;
      return answer ? answer(item, id) : item;
    });
  });
}

/**
 * Loads the items of many keys at once (a book's copies, a member's loans): every `load(key)` of a
 * request joins one `load(keys)` call, and each answers with its items in the order the query
 * returned them, an empty list for a key without any. With `answer`, each key's answer is made
 * from its list (e.g. counts per status summed up into an availability). Keys are compared as
 * Map keys: strings or numbers, not objects.
 */
export function groupedBy<T, K = string>(load: BatchLoad<K, T>, keyOf: (item: T) => K): DataLoader<K, T[]>;
export function groupedBy<T, R, K = string>(
  load: BatchLoad<K, T>,
  keyOf: (item: T) => K,
  answer: (items: T[], key: K) => R,
): DataLoader<K, R>;
export function groupedBy<T, R, K>(
  load: BatchLoad<K, T>,
  keyOf: (item: T) => K,
  answer?: (items: T[], key: K) => R,
): DataLoader<K, R | T[]> {
  return new DataLoader<K, R | T[]>(async (keys) => {
    const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
    for (const item of await load(keys)) groups.get(keyOf(item))?.push(item);
    return keys.map((key) => {
      const items = groups.get(key) ?? [];
      return answer ? answer(items, key) : items;
    });
  });
}

/**
 * For what no single query answers for many keys at once (a page of one book's comments): each
 * distinct key is loaded by its own call, and the same key asked for twice in a request is loaded
 * once. `cacheKeyOf` says when two keys are the same.
 */
export function oncePerKey<K, T>(
  load: (key: K) => Promise<T>,
  cacheKeyOf: (key: K) => string,
): DataLoader<K, T, string> {
  return new DataLoader<K, T, string>((keys) => Promise.all(keys.map(load)), { cacheKeyFn: cacheKeyOf });
}
