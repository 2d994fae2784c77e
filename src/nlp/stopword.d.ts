// stopword 3.1.5 ships no types: the per-language lists it exports are arrays of words.
declare module 'stopword' {
  export const eng: string[];
  export const nld: string[];
  export const swe: string[];
  export const pol: string[];
  export const deu: string[];
  export const fra: string[];
  export const spa: string[];
}
