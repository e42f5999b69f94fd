import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
import { auth } from './auth';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page's name, for the tab and for screen readers when it opens. */
    title?: string;
    /** Only for a signed-in member: others are sent to sign in first. */
    signedIn?: boolean;
    /** Only for LIBRARIAN and ADMIN (the desk). */
    staff?: boolean;
  }
}

/**
 * Every page, each its own chunk (loaded when first opened), so the first page loads only what
 * it shows. To add a page: a component under pages/, a route here with a title, a link in
 * AppHeader.vue if it belongs in the navigation.
 */
export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'catalogue',
    component: () => import('./pages/CataloguePage.vue'),
    meta: { title: 'Catalogue' },
  },
  {
    path: '/books/:id',
    name: 'book',
    component: () => import('./pages/BookPage.vue'),
    props: true,
    meta: { title: 'Book' },
  },
  {
    path: '/ranking',
    name: 'ranking',
    component: () => import('./pages/RankingPage.vue'),
    meta: { title: 'Most borrowed' },
  },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('./pages/SignInPage.vue'),
    meta: { title: 'Sign in' },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('./pages/RegisterPage.vue'),
    meta: { title: 'Join the library' },
  },
  {
    path: '/account',
    name: 'account',
    component: () => import('./pages/AccountPage.vue'),
    meta: { title: 'My account', signedIn: true },
  },
  // The librarian desk (staff only): pages/desk/.
  {
    path: '/desk',
    name: 'desk',
    redirect: { name: 'desk-check-out' },
  },
  {
    path: '/desk/check-out',
    name: 'desk-check-out',
    component: () => import('./pages/desk/CheckOutPage.vue'),
    meta: { title: 'Check out', staff: true },
  },
  {
    path: '/desk/check-in',
    name: 'desk-check-in',
    component: () => import('./pages/desk/CheckInPage.vue'),
    meta: { title: 'Check in', staff: true },
  },
  {
    path: '/desk/members',
    name: 'desk-members',
    component: () => import('./pages/desk/MembersPage.vue'),
    meta: { title: 'Members', staff: true },
  },
  {
    path: '/desk/members/:id',
    name: 'desk-member',
    component: () => import('./pages/desk/MemberPage.vue'),
    props: true,
    meta: { title: 'Member', staff: true },
  },
  {
    path: '/desk/books/new',
    name: 'desk-add-book',
    component: () => import('./pages/desk/AddBookPage.vue'),
    meta: { title: 'Add a book', staff: true },
  },
  {
    path: '/desk/copies/new',
    name: 'desk-add-copies',
    component: () => import('./pages/desk/AddCopiesPage.vue'),
    meta: { title: 'Add copies', staff: true },
  },
  {
    path: '/desk/withdraw',
    name: 'desk-withdraw',
    component: () => import('./pages/desk/WithdrawPage.vue'),
    meta: { title: 'Withdraw a copy', staff: true },
  },
  {
    path: '/staff-only',
    name: 'staff-only',
    component: () => import('./pages/StaffOnlyPage.vue'),
    meta: { title: 'For library staff' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { title: 'Page not found' },
  },
];

/** The app's router: a signed-out member asking for a member's page is sent to sign in first. */
export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.beforeEach((to) => {
    if ((to.meta.signedIn || to.meta.staff) && !auth.signedIn.value) {
      return { name: 'sign-in', query: { next: to.fullPath } };
    }
    if (to.meta.staff && !auth.isStaff.value) return { name: 'staff-only' };
    return true;
  });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Shelfmark` : 'Shelfmark';
  });
  // An expired session: back to sign in, then to where the member was.
  auth.onExpired(() => {
    const here = router.currentRoute.value;
    if (here.name !== 'sign-in') void router.push({ name: 'sign-in', query: { next: here.fullPath } });
  });
  return router;
}
