/** The port `earshot serve` and `npm start` listen on unless told otherwise. */
export const DEFAULT_PORT = 8787;
