import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth } from '../../auth';
import { description, fakeApi, fakeToken, mountPage } from '../../test/support';
import AddBookPage from './AddBookPage.vue';
import CheckInPage from './CheckInPage.vue';
import CheckOutPage from './CheckOutPage.vue';

beforeEach(() => {
  localStorage.clear();
  auth.signIn(fakeToken({ sub: 'librarian-1', role: 'LIBRARIAN' }), { name: 'Lena' });
});
afterEach(() => {
  auth.signOut();
  document.body.innerHTML = '';
});

/** A member as the desk's DeskMember fragment answers. */
const aMember = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Member',
  id: 'member-1',
  name: 'Ada Lovelace',
  email: 'ada@library.test',
  status: 'ACTIVE',
  blockedReason: null,
  points: 10,
  card: { __typename: 'MemberCard', number: 'SM-00000001' },
  activeLoanCount: 1,
  loanLimit: 5,
  canBorrow: true,
  cannotBorrowReason: null,
  ...overrides,
});
const found = (...members: unknown[]) => ({
  data: {
    members: {
      __typename: 'MemberConnection',
      totalCount: members.length,
      edges: members.map((node) => ({ __typename: 'MemberEdge', node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    },
  },
});

describe('add a book', () => {
  it('checks the ISBN as it is typed, before anything is sent', async () => {
    const api = fakeApi(() => ({}));
    const { wrapper } = await mountPage('/desk/books/new', api.client, AddBookPage);
    const isbn = wrapper.find('input[inputmode=numeric]');

    await isbn.setValue('978-0-14');
    expect(isbn.attributes('aria-invalid')).toBeUndefined();
    await isbn.setValue('978-0-14-143951-9');
    expect(isbn.attributes('aria-invalid')).toBe('true');
    expect(description(isbn.element)).toMatch(/This ISBN-13 does not add up/);
    await isbn.setValue('978-0-14-143951-8');
    expect(isbn.attributes('aria-invalid')).toBeUndefined();
    expect(description(isbn.element)).toBe('A valid ISBN-13.');
    await isbn.setValue('0-14-143951-3');
    expect(description(isbn.element)).toBe('A valid ISBN-10.');
    expect(api.sent).toEqual([]);
  });

  it('puts the API’s refusal next to the field it names', async () => {
    const api = fakeApi(() => ({
      errors: [
        {
          message: 'A book with the ISBN 9780141439518 is already in the catalogue.',
          extensions: { code: 'ALREADY_EXISTS', field: 'input.isbn' },
        },
      ],
    }));
    const { wrapper } = await mountPage('/desk/books/new', api.client, AddBookPage);
    const isbn = wrapper.find('input[inputmode=numeric]');
    await isbn.setValue('978-0-14-143951-8');
    const [title] = wrapper.findAll('input[type=text]').filter((input) => input.element !== isbn.element);
    await title!.setValue('Pride and Prejudice');
    await wrapper.find('textarea').setValue('Jane Austen');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(api.sent.map((request) => request.variables)).toEqual([
      {
        input: expect.objectContaining({
          isbn: '978-0-14-143951-8',
          title: 'Pride and Prejudice',
          authors: ['Jane Austen'],
        }),
      },
    ]);
    expect(description(isbn.element)).toMatch(
      / A book with the ISBN 9780141439518 is already in the catalogue\.$/,
    );
    expect(document.activeElement).toBe(isbn.element);
  });
});

describe('check out', () => {
  it('shows a blocked member as blocked, with the reason, before any scan, and offers no scan', async () => {
    const api = fakeApi(({ operationName }) =>
      operationName === 'DeskFindMembers'
        ? found(
            aMember({
              status: 'BLOCKED',
              blockedReason: 'Three books lost',
              canBorrow: false,
              cannotBorrowReason: 'BLOCKED',
            }),
          )
        : { errors: [{ message: 'not expected', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
    );
    const { wrapper } = await mountPage('/desk/check-out', api.client, CheckOutPage);
    await wrapper.find('input').setValue('sm-00000001');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(wrapper.find('[role=alert]').text()).toBe(
      'Ada Lovelace is blocked and cannot borrow: Three books lost',
    );
    expect(wrapper.find('.badge-bad').text()).toBe('Blocked');
    expect(wrapper.findAll('label').map((label) => label.text())).not.toContain('Copy barcode');
    expect(api.sent.map((request) => request.operationName)).toEqual(['DeskFindMembers']);
  });

  it('lends each copy as it is scanned, lists it with its due date, and says why one is refused', async () => {
    let loans = 1;
    const api = fakeApi(({ operationName, variables }) => {
      if (operationName === 'DeskFindMembers') return found(aMember({ activeLoanCount: loans }));
      if (variables['barcodes']?.toString() === 'SM0000000BAD') {
        return {
          errors: [
            {
              message: 'Copy SM0000000BAD is out on loan (check it in first), so it cannot be lent now.',
              extensions: { code: 'NO_COPY_AVAILABLE', field: 'barcodes' },
            },
          ],
        };
      }
      loans += 1;
      return {
        data: {
          checkOut: [
            {
              __typename: 'Loan',
              id: 'loan-1',
              dueAt: '2026-12-20T12:00:00.000Z',
              book: { __typename: 'Book', id: 'b1', title: 'Middlemarch' },
              copy: { __typename: 'Copy', id: 'c1', barcode: 'SM00000000AB' },
            },
          ],
        },
      };
    });
    const { wrapper } = await mountPage('/desk/check-out', api.client, CheckOutPage);
    await wrapper.find('input').setValue('SM-00000001');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('1 of 5');

    const barcode = () => wrapper.find('input');
    await barcode().setValue('SM00000000AB');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(api.sent.find((request) => request.operationName === 'DeskCheckOut')?.variables).toEqual({
      cardNumber: 'SM-00000001',
      barcodes: ['SM00000000AB'],
    });
    expect(wrapper.find('.lent').text()).toMatch(/Middlemarch\s*SM00000000AB\s*Due 20 Dec 2026/);
    expect(wrapper.find('[aria-live=polite]').text()).toBe('Lent Middlemarch, due 20 Dec 2026.');
    expect(wrapper.text()).toContain('2 of 5');
    expect(barcode().element.value).toBe('');
    expect(document.activeElement).toBe(barcode().element);

    await barcode().setValue('SM0000000BAD');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(barcode().attributes('aria-invalid')).toBe('true');
    expect(description(barcode().element)).toMatch(/Copy SM0000000BAD is out on loan \(check it in first\)/);
    expect(wrapper.findAll('.lent li')).toHaveLength(1);
  });
});

describe('check in', () => {
  const returned = (routedTo: unknown) => ({
    data: {
      checkIn: {
        __typename: 'CheckInResult',
        loan: {
          __typename: 'Loan',
          id: `loan-${Math.random()}`,
          returnedAt: '2026-12-01T10:00:00.000Z',
          dueAt: '2026-12-10T10:00:00.000Z',
          book: { __typename: 'Book', id: 'b1', title: 'Frankenstein' },
          copy: { __typename: 'Copy', id: 'c1', barcode: 'SM00000000CD' },
          member: { __typename: 'Member', id: 'member-2', name: 'Mary' },
        },
        routedTo,
      },
    },
  });

  it('says where each copy goes: the hold shelf for whom, or back to the shelf; and keeps a list', async () => {
    let next: unknown = {
      __typename: 'CopyRouting',
      destination: 'HOLD_SHELF',
      hold: {
        __typename: 'Hold',
        id: 'h1',
        member: {
          __typename: 'Member',
          id: 'member-3',
          name: 'Percy',
          card: { __typename: 'MemberCard', number: 'SM-00000003' },
        },
      },
    };
    const api = fakeApi(() => returned(next));
    const { wrapper } = await mountPage('/desk/check-in', api.client, CheckInPage);
    const input = wrapper.find('input');
    expect(document.activeElement).toBe(input.element);
    await input.setValue('SM00000000CD');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[aria-live=polite]').text()).toBe(
      'Frankenstein checked in. Put it on the hold shelf for Percy (card SM-00000003).',
    );

    next = { __typename: 'CopyRouting', destination: 'SHELF', hold: null };
    await input.setValue('SM00000000CD');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[aria-live=polite]').text()).toBe(
      'Frankenstein checked in. Back to the shelf: nobody is waiting for it.',
    );
    expect(wrapper.findAll('.returned li').map((item) => item.find('.badge').text())).toEqual([
      'Shelf',
      'Hold shelf',
    ]);
    expect(document.activeElement).toBe(input.element);
  });
});
