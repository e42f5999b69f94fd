import {
  defineConsumer,
  deliver,
  EventContext,
  InProcessEventBus,
  MemoryDeadLetterSink,
  OutboxRelay,
  silentLogger,
  type DeliveryOptions,
  type ShelfmarkEvent,
} from '../src';
import { contractRetryPolicy } from './busContract';
import { aMemberRegistered } from './support/builders';
import { Member } from './support/Member';
import { MemoryOutboxStore } from './support/MemoryOutboxStore';

/**
 * Members as documents: each save is one single-document write of the whole aggregate (state,
 * outbox and handled ids together), the only atomicity docs/design.md §3 allows itself.
 */
class MemberDocuments {
  private readonly documents = new Map<string, string>();
  private failures = 0;

  /** The next `times` saves fail, as if the process crashed before the write. */
  failSaves(times: number): void {
    this.failures = times;
  }

  load(id: string): Member {
    const document = this.documents.get(id);
    if (!document) throw new Error(`No member ${id}`);
    return Object.assign(new Member(), JSON.parse(document) as Partial<Member>);
  }

  save(member: Member): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new Error('write failed'));
    }
    this.documents.set(member.id, JSON.stringify(member));
    return Promise.resolve();
  }
}

/** The idempotent consumer: it applies the effect and remembers the event in the same write. */
function issueCardOnMemberRegistered(members: MemberDocuments) {
  return defineConsumer({
    name: 'IssueCardOnMemberRegistered',
    types: ['shelfmark.members.member-registered.v1'],
    async handle(event: ShelfmarkEvent<'shelfmark.members.member-registered.v1'>) {
      const member = members.load(event.data.memberId);
      if (member.hasHandled(event.id)) return;
      member.issueCard(`C-${member.cards.length + 1}`);
      member.markHandled(event.id);
      await members.save(member);
    },
  });
}

const options = (): DeliveryOptions => ({
  retry: contractRetryPolicy,
  deadLetters: new MemoryDeadLetterSink(),
  logger: silentLogger,
});

describe('exactly-once effects over at-least-once delivery', () => {
  let members: MemberDocuments;

  beforeEach(async () => {
    members = new MemberDocuments();
    const ada = Member.register('ada');
    ada.markPublished(ada.outbox.map((event) => event.id));
    await members.save(ada);
  });

  it('applies a redelivered event once', async () => {
    const consumer = issueCardOnMemberRegistered(members);
    const registered: unknown = JSON.parse(JSON.stringify(aMemberRegistered('ada')));

    await expect(deliver(consumer, registered, options())).resolves.toBe('handled');
    await expect(deliver(consumer, registered, options())).resolves.toBe('handled');

    const ada = members.load('ada');
    expect(ada.cards).toEqual(['C-1']);
    expect(ada.outbox.map((event) => event.type)).toEqual(['shelfmark.members.member-card-issued.v1']);
  });

  it('records the caused event in the same write, caused by the handled event', async () => {
    const registered = EventContext.run({ correlationId: 'request-1', causationId: 'command-1' }, () =>
      aMemberRegistered('ada'),
    );

    await deliver(issueCardOnMemberRegistered(members), registered, options());
    await deliver(issueCardOnMemberRegistered(members), registered, options());

    const ada = members.load('ada');
    expect(ada.handledEvents).toEqual([registered.id]);
    expect(ada.outbox).toEqual([
      expect.objectContaining({ causationid: registered.id, correlationid: 'request-1' }),
    ]);
  });

  it('applies two distinct events each once, since it dedupes on the event id', async () => {
    const consumer = issueCardOnMemberRegistered(members);

    await deliver(consumer, aMemberRegistered('ada'), options());
    await deliver(consumer, aMemberRegistered('ada'), options());

    expect(members.load('ada').cards).toEqual(['C-1', 'C-2']);
  });

  it('applies the effect once when the first write failed and the retry succeeds', async () => {
    const consumer = issueCardOnMemberRegistered(members);
    members.failSaves(1);

    await expect(deliver(consumer, aMemberRegistered('ada'), options())).resolves.toBe('handled');

    expect(members.load('ada').cards).toEqual(['C-1']);
  });

  it('applies the effect once when the relay publishes the event twice through the bus', async () => {
    const bus = new InProcessEventBus({ retry: contractRetryPolicy });
    await bus.subscribe(issueCardOnMemberRegistered(members));
    bus.open();
    const outbox = new MemoryOutboxStore<Member>('Member');
    const registration = Member.register('ada');
    const [registered] = registration.outbox.map((event) => event.id);
    outbox.save(registration);
    outbox.failMarkPublished();
    const relay = new OutboxRelay([outbox], bus);

    await expect(relay.drain()).rejects.toThrow('could not write Member ada');
    await relay.drain();
    await bus.close();

    expect(outbox.unpublished()).toEqual([]);
    const ada = members.load('ada');
    expect(ada.cards).toEqual(['C-1']);
    expect(ada.handledEvents).toEqual([registered]);
  });
});
