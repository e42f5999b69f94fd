import { retryOnConflict } from './conflicts';

/** An aggregate's inbox: the ids of the events whose effect it already carries (AggregateRoot). */
export interface Inbox {
  hasHandled(eventId: string): boolean;
  markHandled(eventId: string): void;
}

/** Where {@link changeOnce} reads an aggregate and writes it back, one unit of work per attempt. */
export interface ChangeTarget<U, A> {
  /** Opens a new unit of work: a write that lost its race leaves the old one unusable. */
  readonly open: () => U;
  /** The aggregate as that unit of work reads it; null when there is none. */
  readonly load: (unit: U) => Promise<A | null>;
  /** Writes it back; fails with a conflict when another writer got there first (its version moved). */
  readonly save: (unit: U, aggregate: A) => Promise<void>;
}

/** A repository of one aggregate: what most targets are made of. */
export interface AggregateRepository<A> {
  byId(id: string): Promise<A | null>;
  save(aggregate: A): Promise<void>;
}

/**
 * What became of a change: written, refused by the aggregate itself (nothing to do, nothing
 * written), or skipped because the aggregate already carries the event that causes it.
 */
export type ChangeOutcome = 'changed' | 'unchanged' | 'already-handled';

/** The outcome, with the aggregate as written (or as found); `not-found` when there was none. */
export type Changed<A> =
  | { readonly outcome: ChangeOutcome; readonly aggregate: A }
  | { readonly outcome: 'not-found'; readonly aggregate: null };

/**
 * A change of the aggregate, in the unit of work that loaded it (for reads the decision needs);
 * true when it changed the aggregate, which is then written.
 */
export type AggregateChange<U, A> = (aggregate: A, unit: U) => boolean | Promise<boolean>;

/** The usual target: the aggregate with this id, in a repository opened afresh for each attempt. */
export function byIdIn<A>(
  open: () => AggregateRepository<A>,
  id: string,
): ChangeTarget<AggregateRepository<A>, A> {
  return { open, load: (repository) => repository.byId(id), save: (repository, a) => repository.save(a) };
}

/**
 * Changes one aggregate as one write, once per event: load it fresh, skip it if its inbox has the
 * event, change it, remember the event in the same write, save. A write that loses a race runs
 * the whole again on what won, under the one conflict policy ({@link retryOnConflict}), and ends
 * in ConcurrentChange (CONFLICT) when the races go on. Without `causedBy` (a request, a job) it is
 * the same load-change-save, without the inbox.
 */
export function changeOnce<U, A extends Inbox>(
  target: ChangeTarget<U, A>,
  change: AggregateChange<U, A>,
  causedBy?: string,
): Promise<Changed<A>> {
  return retryOnConflict(async (): Promise<Changed<A>> => {
    const unit = target.open();
    const aggregate = await target.load(unit);
    if (!aggregate) return { outcome: 'not-found', aggregate: null };
    if (causedBy !== undefined && aggregate.hasHandled(causedBy)) {
      return { outcome: 'already-handled', aggregate };
    }
    if (!(await change(aggregate, unit))) return { outcome: 'unchanged', aggregate };
    if (causedBy !== undefined) aggregate.markHandled(causedBy);
    await target.save(unit, aggregate);
    return { outcome: 'changed', aggregate };
  });
}
