import { computed, reactive, readonly } from 'vue';

/** What a member may do; each role includes the ones before it (schema: MemberRole). */
export type Role = 'MEMBER' | 'LIBRARIAN' | 'ADMIN';

/** The signed-in member, as the browser remembers them between visits. */
export interface Session {
  readonly token: string;
  readonly memberId: string;
  readonly name: string;
  readonly role: Role;
  /** When the token stops being accepted, in ms since the epoch. */
  readonly expiresAt: number;
}

/** The one key the app keeps in localStorage: the session survives reloads and new tabs. */
export const SESSION_KEY = 'shelfmark.session';

export const EXPIRED_MESSAGE = 'Your session has expired. Please sign in again.';

interface AuthState {
  session: Session | null;
  /** A sentence for the sign-in page: why the member was signed out. */
  notice: string | null;
}

const state = reactive<AuthState>({ session: null, notice: null });
const expiredListeners = new Set<() => void>();
const changeListeners = new Set<() => void>();
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The session store: the token (sent as `Authorization: Bearer …` and as the WebSocket's
 * `connectionParams.authorization`), who it belongs to and when it expires. The claims are read
 * from the token for display only; the router verifies every request.
 */
export const auth = {
  state: readonly(state),
  signedIn: computed(() => state.session !== null),
  isStaff: computed(() => state.session?.role === 'LIBRARIAN' || state.session?.role === 'ADMIN'),

  /** The token to send, or null; an expired one is dropped (and the member told) first. */
  token(now = Date.now()): string | null {
    if (state.session && state.session.expiresAt <= now) auth.expire();
    return state.session?.token ?? null;
  },

  /** Keeps a token the API issued (login, registerMember). */
  signIn(token: string, member: { readonly name: string }): void {
    const claims = readClaims(token);
    if (!claims) throw new Error('The server sent a token this app cannot read.');
    setSession({ token, name: member.name, ...claims }, null);
  },

  signOut(): void {
    setSession(null, null);
  },

  /** The token was refused or ran out: forget it and say so on the sign-in page. */
  expire(message = EXPIRED_MESSAGE): void {
    if (!state.session) return;
    setSession(null, message);
    for (const listener of expiredListeners) listener();
  },

  /** The sign-in page shows the notice once. */
  takeNotice(): string | null {
    const notice = state.notice;
    state.notice = null;
    return notice;
  },

  /** Called when a session expires (the router sends the member to the sign-in page). */
  onExpired(listener: () => void): () => void {
    expiredListeners.add(listener);
    return () => expiredListeners.delete(listener);
  },

  /** Called whenever the token changes (the WebSocket reconnects as the new member). */
  onChange(listener: () => void): () => void {
    changeListeners.add(listener);
    return () => changeListeners.delete(listener);
  },

  /** Reads the remembered session (at start-up, and when another tab signs in or out). */
  restore(storage: Storage = localStorage, now = Date.now()): void {
    const before = state.session?.token;
    const session = parseSession(storage.getItem(SESSION_KEY));
    if (session && session.expiresAt <= now) {
      storage.removeItem(SESSION_KEY);
      state.session = null;
      state.notice = EXPIRED_MESSAGE;
    } else {
      state.session = session;
    }
    scheduleExpiry();
    if (before !== state.session?.token) for (const listener of changeListeners) listener();
  },
};

function setSession(session: Session | null, notice: string | null): void {
  const changed = state.session?.token !== session?.token;
  state.session = session;
  state.notice = notice;
  try {
    if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else localStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage refused (private mode, quota): the session lasts as long as the page.
  }
  scheduleExpiry();
  if (changed) for (const listener of changeListeners) listener();
}

/** Signs the member out when the token runs out, even on a page that sends nothing. */
function scheduleExpiry(): void {
  clearTimeout(expiryTimer);
  const session = state.session;
  if (!session) return;
  const delay = session.expiresAt - Date.now();
  // setTimeout's longest delay is about 24.8 days; a longer-lived token is checked on use.
  if (delay < 2 ** 31 - 1) expiryTimer = setTimeout(() => auth.expire(), Math.max(0, delay));
}

/** The claims this app reads from a JWT: subject, role and expiry. Null when it is not one. */
export function readClaims(token: string): Pick<Session, 'memberId' | 'role' | 'expiresAt'> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: unknown; role?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || !isRole(claims.role)) return null;
    return { memberId: claims.sub, role: claims.role, expiresAt: claims.exp * 1000 };
  } catch {
    return null;
  }
}

function parseSession(text: string | null): Session | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Session>;
    if (typeof value.token !== 'string' || typeof value.name !== 'string') return null;
    const claims = readClaims(value.token);
    return claims ? { token: value.token, name: value.name, ...claims } : null;
  } catch {
    return null;
  }
}

function isRole(value: unknown): value is Role {
  return value === 'MEMBER' || value === 'LIBRARIAN' || value === 'ADMIN';
}
