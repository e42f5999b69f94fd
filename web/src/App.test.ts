import { install } from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from './App.vue';
import { auth } from './auth';
import { createAppRouter } from './router';
import { fakeApi, fakeToken } from './test/support';

afterEach(() => {
  auth.signOut();
  document.body.innerHTML = '';
});

describe('the layout', () => {
  it('leaves the focus alone on the first page, then moves it to the content and names each new page', async () => {
    const api = fakeApi(() => ({ data: { ranking: [] } }));
    const router = createAppRouter(createMemoryHistory());
    // As in a browser: the app mounts, then its first navigation resolves (the page's chunk loads).
    const wrapper = mount(App, {
      global: { plugins: [router, [install, api.client]] },
      attachTo: document.body,
    });
    await router.push('/ranking');
    await flushPromises();
    expect(wrapper.find('h1').text()).toContain('Most borrowed');
    const main = wrapper.find('main').element;
    expect(document.activeElement).not.toBe(main);

    await router.push('/sign-in');
    // The page's chunk is transformed on first use, slowly on a loaded machine.
    await vi.waitFor(() => expect(document.activeElement).toBe(main), { timeout: 30_000 });
    expect(wrapper.find('p[aria-live="polite"]').text()).toBe('Sign in');
    expect(document.title).toBe('Sign in · Shelfmark');
  });

  it('leaves the focus where a page put it: the desk’s scan field, ready for the scanner', async () => {
    auth.signIn(fakeToken({ role: 'LIBRARIAN' }), { name: 'Lena' });
    const router = createAppRouter(createMemoryHistory());
    const wrapper = mount(App, {
      global: { plugins: [router, [install, fakeApi(() => ({ data: { ranking: [] } })).client]] },
      attachTo: document.body,
    });
    await router.push('/ranking');
    await flushPromises();

    await router.push('/desk/check-in');
    await vi.waitFor(() => expect(wrapper.find('p[aria-live="polite"]').text()).toBe('Check in'), {
      timeout: 30_000,
    });
    const field = wrapper.find('main input').element;
    expect(document.activeElement).toBe(field);
    expect(document.getElementById(field.id)?.closest('main')).toBe(wrapper.find('main').element);
  });
});
