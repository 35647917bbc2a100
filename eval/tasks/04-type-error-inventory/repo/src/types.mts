/** An amount of money in minor units (cents) of one currency. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export interface Item {
  readonly sku: string;
  readonly price: Money;
  readonly quantity: number;
}
