/** Brands and a topic tree shared by the trend tests: a competitor, and a parent with a child topic. */
export const TREND_TEST_CONFIG = `
brands:
  - { id: acme, name: Acme, include: [acme] }
  - { id: globex, name: Globex, include: [globex], competitor: true }
topics:
  - { id: delivery, name: Delivery, terms: [delivery] }
  - { id: late-delivery, name: Late delivery, parent: delivery, terms: [late] }
  - { id: price, name: Price, terms: [price] }
`;
