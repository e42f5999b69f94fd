import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';

/** A list paged by cursor with its place in the URL (`after`, `page`), so Back and links keep it. */
export interface UrlPaging {
  /** A query parameter's text, trimmed; null when absent or blank. */
  text(name: string): string | null;
  /** The cursor of this page: the previous page's endCursor. */
  readonly after: ComputedRef<string | null>;
  /** 1 for the first page. */
  readonly page: ComputedRef<number>;
  /** The number of the first item shown, for "showing 21–40". */
  firstShown(pageSize: number): number;
  /** The next page starts after `endCursor`. */
  next(endCursor: string | null | undefined): void;
  /** Back where the reader came from when that was this list; else the first page. */
  previous(): void;
}

/**
 * Paging in the URL for a page's list (the catalogue, the desk's members). Cursors only go
 * forward, so "Previous page" is the browser's Back when the reader came from the previous page,
 * and the first page when they opened a later one directly.
 */
export function useUrlPaging(): UrlPaging {
  const route = useRoute();
  const router = useRouter();
  const text = (name: string) => {
    const value = route.query[name];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const page = computed(() => Math.max(1, Number(text('page') ?? '1') || 1));
  return {
    text,
    after: computed(() => text('after')),
    page,
    firstShown: (pageSize) => (page.value - 1) * pageSize + 1,
    next(endCursor) {
      if (endCursor)
        void router.push({ query: { ...route.query, after: endCursor, page: String(page.value + 1) } });
    },
    previous() {
      const state = window.history.state as { back?: unknown } | null;
      if (page.value > 1 && typeof state?.back === 'string' && state.back.startsWith(route.path)) {
        router.back();
        return;
      }
      const { after: _after, page: _page, ...rest } = route.query;
      void router.push({ query: rest });
    },
  };
}
