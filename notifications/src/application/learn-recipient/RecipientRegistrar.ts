import { Recipient, type Directory } from '../../domain';

/** Keeps a new member's address and name, the only personal data the worker holds. */
export class RecipientRegistrar {
  constructor(private readonly directory: Directory) {}

  async register(memberId: string, email: string, name: string): Promise<void> {
    await this.directory.learnRecipient(new Recipient(memberId, email, name));
  }
}
