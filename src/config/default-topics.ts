import type { TopicConfig } from './schema.js';

const topic = (id: string, name: string, terms: string[], phrases: string[] = [], parent?: string, exclude: string[] = []): TopicConfig => ({
  id,
  name,
  terms,
  phrases,
  exclude,
  lang: {},
  match: 'lemma',
  ...(parent ? { parent } : {}),
});

/**
 * The customer-feedback taxonomy a new user gets without writing one (a config with no `topics`
 * key). Terms are folded like text (case, simple plurals), so one form of each word is enough.
 * A config that lists its own topics replaces this whole list; `topics: []` means none.
 */
export const DEFAULT_TOPICS: TopicConfig[] = [
  topic('delivery', 'Delivery and shipping', ['delivery', 'deliver', 'delivered', 'shipping', 'shipped', 'shipment', 'courier', 'parcel', 'package', 'tracking', 'dispatch', 'dispatched'], ['arrived late', 'never arrived', 'still not arrived', 'out for delivery', 'tracking number', 'delivery date']),
  topic('delivery-delay', 'Late or missing deliveries', [], ['arrived late', 'never arrived', 'still not arrived', 'still waiting for my order', 'where is my order', 'late delivery', 'delivery delayed', 'delayed delivery', 'lost package', 'lost parcel', 'missing package', 'missing parcel', 'package lost', 'parcel lost'], 'delivery'),
  topic('price', 'Price and billing', ['price', 'pricing', 'expensive', 'cheap', 'overpriced', 'cost', 'fee', 'charge', 'charged', 'invoice', 'bill', 'billing', 'subscription', 'discount', 'coupon'], ['too expensive', 'hidden fee', 'charged twice', 'double charged', 'value for money']),
  topic('customer-service', 'Customer service', ['support', 'service', 'agent', 'representative', 'staff', 'helpdesk', 'rude', 'helpful', 'unhelpful', 'callback', 'complaint'], ['customer service', 'customer support', 'on hold', 'no answer', 'no response', 'never called back', 'call center'], undefined, ['room service', 'service pack']),
  topic('ordering', 'Ordering and checkout', ['order', 'ordered', 'checkout', 'cart', 'basket', 'payment', 'paypal', 'booking', 'reservation'], ['place an order', 'payment failed', 'order confirmation', 'promo code', 'credit card']),
  topic('product-quality', 'Product quality', ['quality', 'broken', 'defective', 'faulty', 'damaged', 'durable', 'flimsy', 'sturdy', 'malfunction'], ['stopped working', 'poor quality', 'great quality', 'cheaply made', 'fell apart', 'does not work', "doesn't work"]),
  topic('app-website', 'App and website', ['app', 'website', 'crash', 'crashed', 'crashing', 'bug', 'buggy', 'glitch', 'ui', 'interface'], ['keeps crashing', 'error message', 'latest update', 'app update', 'web site', 'page not loading']),
  topic('account', 'Account and login', ['account', 'login', 'log-in', 'password', 'sign-in', 'signin', 'username', 'verification', 'locked', '2fa'], ['log in', 'sign in', 'reset password', 'locked out', 'verification code']),
  topic('refunds', 'Refunds and returns', ['refund', 'refunded', 'return', 'returned', 'exchange', 'chargeback', 'reimbursement', 'compensation', 'voucher'], ['money back', 'still no refund', 'return label', 'store credit']),
  topic('privacy-security', 'Privacy and security', ['privacy', 'security', 'hacked', 'scam', 'fraud', 'phishing', 'breach', 'spam'], ['data breach', 'personal data', 'unauthorized charge']),
  topic('availability', 'Stock and availability', ['stock', 'sold-out', 'unavailable', 'availability', 'backorder', 'restock'], ['out of stock', 'sold out', 'back in stock']),
];
