import { circulationRules, type CirculationRules } from './domain';
import type { BorrowStepProbe } from './application/borrow-books/BookBorrower';

/** How this library runs its loans context. Everything has a default (docs/design.md §2). */
export interface LoansSettings {
  readonly rules?: Partial<CirculationRules>;
  /** How long a synchronous call to inventory or members may take. Default 2 s. */
  readonly peerTimeoutMs?: number;
  /**
   * How long a borrow or hold placement may stay unfinished before recovery takes it for dead.
   * Must exceed any live request. Default 15 s.
   */
  readonly sagaTimeoutMs?: number;
  /** Fault injection for crash drills: called after each durable step of the borrow saga. */
  readonly borrowProbe?: BorrowStepProbe;
}

export interface ResolvedLoansSettings {
  readonly rules: CirculationRules;
  readonly peerTimeoutMs: number;
  readonly sagaTimeoutMs: number;
  readonly borrowProbe: BorrowStepProbe | undefined;
}

export function resolveLoansSettings(settings: LoansSettings = {}): ResolvedLoansSettings {
  const peerTimeoutMs = settings.peerTimeoutMs ?? 2000;
  const sagaTimeoutMs = settings.sagaTimeoutMs ?? 15_000;
  if (!Number.isInteger(peerTimeoutMs) || peerTimeoutMs < 50) {
    throw new Error(
      `loans settings: peerTimeoutMs must be a whole number of at least 50; got ${peerTimeoutMs}.`,
    );
  }
  if (!Number.isInteger(sagaTimeoutMs) || sagaTimeoutMs < 2 * peerTimeoutMs) {
    throw new Error(
      `loans settings: sagaTimeoutMs must be at least twice peerTimeoutMs (${2 * peerTimeoutMs}); got ${sagaTimeoutMs}.`,
    );
  }
  return {
    rules: circulationRules(settings.rules),
    peerTimeoutMs,
    sagaTimeoutMs,
    borrowProbe: settings.borrowProbe,
  };
}
