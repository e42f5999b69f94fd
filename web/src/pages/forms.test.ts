import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../auth';
import { description, fakeApi, fakeToken, mountPage } from '../test/support';
import BookPage from './BookPage.vue';
import RegisterPage from './RegisterPage.vue';
import SignInPage from './SignInPage.vue';

beforeEach(() => {
  localStorage.clear();
  auth.signOut();
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the join form', () => {
  it('says what is missing next to each field, and sends nothing', async () => {
    const api = fakeApi(() => ({}));
    const { wrapper } = await mountPage('/register', api.client, RegisterPage);
    await wrapper.find('input[type=email]').setValue('not-an-address');
    await wrapper.find('input[type=password]').setValue('short');
    await wrapper.find('form').trigger('submit');

    const name = wrapper.find('input[autocomplete=name]').element;
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(description(name)).toBe('Enter your name.');
    expect(description(wrapper.find('input[type=email]').element)).toBe(
      'Enter an e-mail address like name@example.org.',
    );
    expect(description(wrapper.find('input[type=password]').element)).toBe(
      'At least 8 characters. Choose a password of at least 8 characters.',
    );
    expect(api.sent).toEqual([]);
  });

  it('shows the API’s refusal next to the field it names, then signs the new member in', async () => {
    const token = fakeToken({ sub: 'member-7' });
    let taken = true;
    const api = fakeApi(() =>
      taken
        ? {
            errors: [
              {
                message: 'An account with this e-mail already exists.',
                extensions: { code: 'ALREADY_EXISTS', field: 'input.email' },
              },
            ],
          }
        : {
            data: {
              registerMember: {
                __typename: 'AuthPayload',
                token,
                member: { __typename: 'Member', id: 'member-7', name: 'Ada' },
              },
            },
          },
    );
    const { wrapper, router } = await mountPage('/register?next=%2Fbooks%2F42', api.client, RegisterPage);
    await wrapper.find('input[autocomplete=name]').setValue('  Ada ');
    await wrapper.find('input[type=email]').setValue('ada@library.test');
    await wrapper.find('input[type=password]').setValue('a long enough password');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(api.sent).toEqual([
      {
        operationName: 'Join',
        variables: { input: { name: 'Ada', email: 'ada@library.test', password: 'a long enough password' } },
        authorization: null,
      },
    ]);
    expect(description(wrapper.find('input[type=email]').element)).toBe(
      'An account with this e-mail already exists.',
    );
    expect(auth.signedIn.value).toBe(false);

    taken = false;
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(auth.state.session).toMatchObject({ token, memberId: 'member-7', name: 'Ada', role: 'MEMBER' });
    expect(JSON.parse(localStorage.getItem('shelfmark.session')!)).toMatchObject({ token, name: 'Ada' });
    expect(router.currentRoute.value.fullPath).toBe('/books/42');
  });
});

describe('the sign-in form', () => {
  it('says why the member was sent here, once, and shows a refusal in the API’s words', async () => {
    auth.signIn(fakeToken(), { name: 'Ada' });
    auth.expire();
    const api = fakeApi(() => ({
      errors: [{ message: 'The e-mail or password is not right.', extensions: { code: 'UNAUTHENTICATED' } }],
    }));
    const { wrapper } = await mountPage('/sign-in', api.client, SignInPage);
    expect(wrapper.find('[role=status]').text()).toBe('Your session has expired. Please sign in again.');

    await wrapper.find('input[type=email]').setValue('ada@library.test');
    await wrapper.find('input[type=password]').setValue('wrong');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role=alert]').text()).toBe('The e-mail or password is not right.');
    expect(wrapper.find('[role=status]').exists()).toBe(false);
  });

  it('never follows a "next" that leaves the app', async () => {
    const token = fakeToken();
    const api = fakeApi(() => ({
      data: {
        login: {
          __typename: 'AuthPayload',
          token,
          member: { __typename: 'Member', id: 'member-1', name: 'Ada' },
        },
      },
    }));
    const { wrapper, router } = await mountPage(
      '/sign-in?next=%2F%2Fevil.example%2F',
      api.client,
      SignInPage,
    );
    await wrapper.find('input[type=email]').setValue('ada@library.test');
    await wrapper.find('input[type=password]').setValue('right');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    // The account page's code loads first (its own chunk).
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/account'));
  });
});

describe('the comment form on a book page', () => {
  const book = {
    __typename: 'Book',
    id: 'b1',
    isbn: '9780000000001',
    title: 'Middlemarch',
    subtitle: null,
    authors: ['George Eliot'],
    subjects: ['fiction'],
    language: 'en',
    publishedYear: 1871,
    coverUrl: null,
    description: null,
    borrowCount: 0,
    rating: { __typename: 'Rating', average: null, count: 0 },
    availability: { __typename: 'Availability', total: 1, available: 1, onLoan: 0, onHoldShelf: 0 },
    copies: [],
    holdQueue: [],
  };
  const noComments = {
    __typename: 'Book',
    id: 'b1',
    comments: {
      __typename: 'CommentConnection',
      totalCount: 0,
      edges: [],
      pageInfo: { __typename: 'PageInfo', hasNextPage: false },
    },
  };

  it('checks the text before sending, sends the rating chosen, and puts the API’s field error next to the field', async () => {
    auth.signIn(fakeToken(), { name: 'Ada' });
    const api = fakeApi(({ operationName }) => {
      switch (operationName) {
        case 'BookDetails':
          return { data: { book } };
        case 'BookComments':
          return { data: { book: noComments } };
        case 'MyBookState':
          return { data: { me: null } };
        default:
          return {
            errors: [
              {
                message: 'A rating is a whole number of stars from 1 to 5; got 9.',
                extensions: { code: 'BAD_USER_INPUT', field: 'rating' },
              },
            ],
          };
      }
    });
    const { wrapper } = await mountPage('/books/b1', api.client, BookPage);
    const body = wrapper.find('textarea');
    await wrapper.find('form').trigger('submit');
    expect(description(body.element)).toBe('Write something before posting.');
    expect(api.sent.filter((request) => request.operationName === 'PostComment')).toEqual([]);

    await body.setValue('  Worth every page.  ');
    await wrapper.find('input[type=radio][value="4"]').setValue(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const posted = api.sent.filter((request) => request.operationName === 'PostComment');
    expect(posted).toEqual([
      {
        operationName: 'PostComment',
        variables: { bookId: 'b1', body: 'Worth every page.', rating: 4 },
        authorization: `Bearer ${auth.state.session!.token}`,
      },
    ]);
    expect(wrapper.find('fieldset .field-error').text()).toBe(
      'A rating is a whole number of stars from 1 to 5; got 9.',
    );
  });
});
