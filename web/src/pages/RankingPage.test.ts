import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, mountPage } from '../test/support';
import RankingPage from './RankingPage.vue';

const entry = (rank: number, id: string, title: string, borrowCount: number) => ({
  __typename: 'RankingEntry',
  rank,
  borrowCount,
  book: { __typename: 'Book', id, title, authors: ['Someone'] },
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the ranking board page', () => {
  it('shows the ranking, then each push without reloading, marking moves and saying them politely', async () => {
    const api = fakeApi(() => ({
      data: { ranking: [entry(1, 'a', 'Emma', 4), entry(2, 'b', 'Dracula', 2)] },
    }));
    const { wrapper } = await mountPage(
      '/ranking?window=LAST_7_DAYS&subject=fiction',
      api.client,
      RankingPage,
    );
    const titles = () => wrapper.findAll('.board .title').map((title) => title.text());
    const live = () => wrapper.find('[aria-live="polite"]').text();

    expect(api.sent).toEqual([
      {
        operationName: 'Ranking',
        variables: { window: 'LAST_7_DAYS', subject: 'fiction', first: 10 },
        authorization: null,
      },
    ]);
    expect(titles()).toEqual(['Emma', 'Dracula']);
    expect(live()).toBe('');
    expect(api.pushes.open).toBe(1);

    api.pushes.push({ data: { rankingChanged: [entry(1, 'b', 'Dracula', 5), entry(2, 'a', 'Emma', 4)] } });
    await flushPromises();
    expect(titles()).toEqual(['Dracula', 'Emma']);
    expect(wrapper.findAll('.board .entry')[0]!.classes()).toContain('changed');
    expect(wrapper.findAll('.board .move').map((move) => move.text())).toEqual([
      '▲ 1up 1 place',
      '▼ 1down 1 place',
    ]);
    expect(live()).toBe('Ranking updated. “Dracula” moves up to 1st.');
    expect(api.sent).toHaveLength(1);
  });

  it('says the board is empty until someone borrows', async () => {
    const api = fakeApi(() => ({ data: { ranking: [] } }));
    const { wrapper } = await mountPage('/ranking', api.client, RankingPage);
    expect(wrapper.text()).toContain('Nothing borrowed yet.');
    api.pushes.push({ data: { rankingChanged: [entry(1, 'a', 'Emma', 1)] } });
    await flushPromises();
    expect(wrapper.findAll('.board .title').map((title) => title.text())).toEqual(['Emma']);
    expect(wrapper.find('[aria-live="polite"]').text()).toBe('Ranking updated. “Emma” enters at 1st.');
  });
});
