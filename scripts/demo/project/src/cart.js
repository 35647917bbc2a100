// A tiny shopping cart with two bugs for the greenloop demo.

export function subtotal(items) {
  let total = 0;
  for (let i = 1; i < items.length; i++) {
    total += items[i].price * items[i].quantity;
  }
  return total;
}

export function applyDiscount(amount, percent) {
  if (percent < 0 || percent > 100) {
    throw new RangeError('percent must be between 0 and 100');
  }
  return amount - amount * percent;
}
