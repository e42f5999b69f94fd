import { DomainError, ErrorCode, ServiceUnavailable } from '@shelfmark/errors';
import { EventContext } from '@shelfmark/events';
import CircuitBreaker from 'opossum';
import { fetch, type Agent, type Response } from 'undici';
import { trackBreaker } from '../observability/processMetrics';
import { keepAliveAgent } from '../server/httpClient';
import { SubgraphNotRunning, type InProcessResponse, type InProcessSubgraph } from '../server/inProcess';

/**
 * Where another subgraph answers, by name: its URL, or the subgraph itself when it runs in this
 * process (the embedded default: called without a socket); undefined when this process does not
 * know it.
 */
export type PeerDirectory = (name: string) => string | InProcessSubgraph | undefined;

export interface PeerClientOptions {
  /** The subgraph called, e.g. `members`; named in errors and logs. */
  readonly name: string;
  readonly directory: PeerDirectory;
  /** How long one call may take before it counts as failed. Default 2 s. */
  readonly timeoutMs?: number;
  /** Failure percentage over the rolling window that opens the circuit. Default 50. */
  readonly errorThresholdPercentage?: number;
  /** Calls in the window before the percentage counts. Default 5. */
  readonly volumeThreshold?: number;
  /** How long the circuit stays open before one trial call. Default 5 s. */
  readonly resetTimeoutMs?: number;
  /** The connection pool; by default one of its own from {@link keepAliveAgent}. */
  readonly agent?: Agent;
}

export interface PeerCall {
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
  /** The caller's `Authorization` header, forwarded: the peer authorises the member itself. */
  readonly authorization: string | null;
}

/**
 * A rule another context enforced, relayed as it was given: its stable code and its message.
 * These are answers, not failures: they do not count against the circuit.
 */
export class PeerRefusal extends DomainError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
  }
}

/** The peer did not answer in time, could not be reached, or failed unexpectedly. */
export class PeerUnavailable extends ServiceUnavailable {
  constructor(
    readonly peer: string,
    readonly reason: string,
  ) {
    super(
      `The ${peer} service is not answering right now (${reason}). Nothing was changed; please try again shortly.`,
    );
  }
}

const RELAYED_CODES = new Set<string>(
  Object.values(ErrorCode).filter(
    (code) => code !== ErrorCode.INTERNAL_SERVER_ERROR && code !== ErrorCode.SERVICE_UNAVAILABLE,
  ),
);

interface GraphQLBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * A synchronous GraphQL call to another subgraph, with a timeout and a circuit breaker (opossum).
 * When the peer is slow or failing, the circuit opens and calls fail at once with
 * SERVICE_UNAVAILABLE instead of piling up (docs/design.md §4, flow 5); after `resetTimeoutMs` one
 * trial call decides whether it closes again.
 */
export class PeerClient {
  private readonly breaker: CircuitBreaker<[PeerCall], Record<string, unknown>>;
  private readonly agent: Agent;
  private readonly untrack: () => void;
  readonly name: string;

  constructor(private readonly options: PeerClientOptions) {
    this.name = options.name;
    this.agent = options.agent ?? keepAliveAgent();
    const timeout = options.timeoutMs ?? 2000;
    this.breaker = new CircuitBreaker((call: PeerCall) => this.send(call, timeout), {
      name: options.name,
      // The fetch aborts itself at the deadline; opossum's own timer is the backstop.
      timeout: timeout + 250,
      errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
      volumeThreshold: options.volumeThreshold ?? 5,
      resetTimeout: options.resetTimeoutMs ?? 5000,
      errorFilter: (error: unknown) => error instanceof PeerRefusal,
    });
    this.untrack = trackBreaker(options.name, this.breaker);
  }

  /** Whether calls are currently refused without trying (the circuit is open). */
  get open(): boolean {
    return this.breaker.opened;
  }

  /** Runs `call`; resolves to its `data`. Throws PeerRefusal or PeerUnavailable. */
  async request<Data>(call: PeerCall): Promise<Data> {
    try {
      return (await this.breaker.fire(call)) as Data;
    } catch (error) {
      if (error instanceof PeerRefusal || error instanceof PeerUnavailable) throw error;
      const reason = this.breaker.opened ? 'too many recent failures' : 'timed out';
      throw new PeerUnavailable(this.name, reason);
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
    this.untrack();
    if (!this.options.agent) void this.agent.close();
  }

  private async send(call: PeerCall, timeoutMs: number): Promise<Record<string, unknown>> {
    const url = this.options.directory(this.name);
    if (!url) throw new PeerUnavailable(this.name, 'its address is not configured');
    // The request (or event) this call serves: the peer records its events under the same
    // correlation id and continues the same trace.
    const cause = EventContext.current();
    if (typeof url !== 'string') return this.answer(await this.callInProcess(url, call, cause, timeoutMs));
    let response: Response;
    try {
      // Never retried, even on a connection reset: every peer call is a mutation, and whether
      // the peer applied it is unknown. Its deadline and idempotency key let the saga recover.
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // Apollo's CSRF prevention: a JSON POST is not a simple request, this header says so too.
          'apollo-require-preflight': 'true',
          ...(call.authorization ? { authorization: call.authorization } : {}),
          ...(cause ? { 'x-request-id': cause.correlationId } : {}),
          ...(cause?.traceparent ? { traceparent: cause.traceparent } : {}),
        },
        body: JSON.stringify({ query: call.query, variables: call.variables }),
        signal: AbortSignal.timeout(timeoutMs),
        dispatcher: this.agent,
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new PeerUnavailable(this.name, timedOut ? `no answer within ${timeoutMs} ms` : 'unreachable');
    }
    const body = (await response.json().catch(() => ({}))) as GraphQLBody;
    return this.answer({ status: response.status, ...body });
  }

  /**
   * The same call to a subgraph in this process: the same headers, the same deadline (the peer's
   * work goes on past it, as an HTTP peer's does when the caller stops waiting), no socket.
   */
  private async callInProcess(
    peer: InProcessSubgraph,
    call: PeerCall,
    cause: ReturnType<typeof EventContext.current>,
    timeoutMs: number,
  ): Promise<InProcessResponse> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new PeerUnavailable(this.name, `no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([
        peer.execute({
          query: call.query,
          variables: call.variables,
          headers: {
            ...(call.authorization ? { authorization: call.authorization } : {}),
            ...(cause ? { 'x-request-id': cause.correlationId } : {}),
            ...(cause?.traceparent ? { traceparent: cause.traceparent } : {}),
          },
        }),
        deadline,
      ]);
    } catch (error) {
      if (error instanceof PeerUnavailable) throw error;
      if (error instanceof SubgraphNotRunning) throw new PeerUnavailable(this.name, 'unreachable');
      throw new PeerUnavailable(
        this.name,
        `it failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** An answer, over HTTP or in process, read the same way: its first error decides. */
  private answer(body: GraphQLBody & { readonly status: number }): Record<string, unknown> {
    const first = body.errors?.[0];
    if (first) {
      const { code, ...details } = first.extensions ?? {};
      if (typeof code === 'string' && RELAYED_CODES.has(code)) {
        throw new PeerRefusal(code as ErrorCode, first.message, details);
      }
      throw new PeerUnavailable(this.name, `it failed: ${first.message}`);
    }
    if (body.status < 200 || body.status >= 300 || !body.data) {
      throw new PeerUnavailable(this.name, `HTTP ${body.status}`);
    }
    return body.data;
  }
}
