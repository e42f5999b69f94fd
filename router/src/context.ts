import type { Identity } from '@shelfmark/subgraph-kit';

export interface RouterContext {
  readonly requestId: string;
  /** The bearer token, verified at the edge; forwarded to subgraphs. */
  readonly token: string | null;
  readonly identity: Identity | null;
  readonly traceparent: string | null;
}
