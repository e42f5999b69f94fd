import { install } from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from './App.vue';
import { createAppRouter } from './router';
import { fakeApi } from './test/support';

afterEach(() => {
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
    await vi.waitFor(() => expect(document.activeElement).toBe(main));
    expect(wrapper.find('p[aria-live="polite"]').text()).toBe('Sign in');
    expect(document.title).toBe('Sign in · Shelfmark');
  });
});
