import { Money } from '@bazaar/shared';

export interface PaymentGateway {
  charge(customer: string, amount: Money): Promise<string>;
}

export class CardGateway implements PaymentGateway {
  async charge(customer: string, amount: Money): Promise<string> {
    return `${customer}:${amount.amount}`;
  }
}
