export const SHIPPING_CENTS = 499;
export const FREE_SHIPPING_FROM_CENTS = 5000;

export function subtotal(items) {
  return items.reduce((sum, item) => sum + item.priceCents * item.qty, 0);
}

export function discount(subtotalCents, coupon) {
  if (!coupon) return 0;
  if (coupon.type === 'percent') return Math.round((subtotalCents * coupon.value) / 100);
  if (coupon.type === 'fixed') return Math.min(coupon.value, subtotalCents);
  throw new Error(`unknown coupon type: ${coupon.type}`);
}

export function shipping(amountCents) {
  return amountCents >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS;
}

export function total(items, coupon) {
  const sub = subtotal(items);
  const off = discount(sub, coupon);
  return sub - off + shipping(sub);
}
