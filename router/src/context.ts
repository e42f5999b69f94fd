import type { Identity } from '@shelfmark/subgraph-kit';

export interface RouterContext {
  readonly requestId: string;
  /** The bearer token, verified at the edge; forwarded to subgraphs. */
  readonly token: string | null;
  readonly identity: Identity | null;
  readonly traceparent: string | null;
  /** The caller's address as the router's socket saw it; members throttles sign-ins by it. */
  readonly clientAddress?: string | undefined;
}
