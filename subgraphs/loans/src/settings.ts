import { circulationRules, type CirculationRules } from './domain';
import type { BorrowStepProbe } from './application/borrow-books/BookBorrower';

/** How this library runs its loans context. Everything has a default (docs/design.md §2). */
export interface LoansSettings {
  readonly rules?: Partial<CirculationRules>;
  /** How long a synchronous call to inventory or members may take. Default 2 s. */
  readonly peerTimeoutMs?: number;
  /**
   * How long a borrow or hold placement may stay unfinished before recovery takes it for dead.
   * Must exceed any live request: at least {@link minimumSagaTimeoutMs} of `peerTimeoutMs`, which
   * is also the default (5 s with the default peer timeout).
   */
  readonly sagaTimeoutMs?: number;
  /**
   * True when this process is the only one that runs borrow and hold sagas against this database
   * (the embedded topology): whatever is unfinished when it starts died with the previous process,
   * so recovery settles it at once instead of waiting for the saga timeout. Default false (the
   * cluster shapes, where another loans process may be serving those requests right now).
   */
  readonly inFlightDiesWithProcess?: boolean;
  /** Fault injection for crash drills: called after each durable step of the borrow saga. */
  readonly borrowProbe?: BorrowStepProbe;
}

export interface ResolvedLoansSettings {
  readonly rules: CirculationRules;
  readonly peerTimeoutMs: number;
  readonly sagaTimeoutMs: number;
  readonly inFlightDiesWithProcess: boolean;
  readonly borrowProbe: BorrowStepProbe | undefined;
}

/** Time a live saga needs besides its peer calls (its own writes, retried on conflicts). */
const SAGA_MARGIN_MS = 1000;

/**
 * The shortest saga timeout that no live request can outlast: a borrow makes one call to
 * inventory and a hold placement one to members, each bounded by `peerTimeoutMs` (its circuit
 * breaker allows a little more); the saga's own writes, retried on conflicts, take the rest, and on
 * a loaded machine they can take as long as the call. Hence twice the peer timeout plus a margin.
 */
export function minimumSagaTimeoutMs(peerTimeoutMs: number): number {
  return 2 * peerTimeoutMs + SAGA_MARGIN_MS;
}

export function resolveLoansSettings(settings: LoansSettings = {}): ResolvedLoansSettings {
  const peerTimeoutMs = settings.peerTimeoutMs ?? 2000;
  if (!Number.isInteger(peerTimeoutMs) || peerTimeoutMs < 50) {
    throw new Error(
      `loans settings: peerTimeoutMs must be a whole number of at least 50; got ${peerTimeoutMs}.`,
    );
  }
  const minimum = minimumSagaTimeoutMs(peerTimeoutMs);
  const sagaTimeoutMs = settings.sagaTimeoutMs ?? minimum;
  if (!Number.isInteger(sagaTimeoutMs) || sagaTimeoutMs < minimum) {
    throw new Error(
      `loans settings: sagaTimeoutMs must be at least twice peerTimeoutMs plus ${SAGA_MARGIN_MS} ms (${minimum}); got ${sagaTimeoutMs}.`,
    );
  }
  return {
    rules: circulationRules(settings.rules),
    peerTimeoutMs,
    sagaTimeoutMs,
    inFlightDiesWithProcess: settings.inFlightDiesWithProcess ?? false,
    borrowProbe: settings.borrowProbe,
  };
}
