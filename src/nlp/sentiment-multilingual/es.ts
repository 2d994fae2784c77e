import { senticonEs } from './senticon-es.js';
import type { LanguageRules } from './types.js';

const DIMINUTIVE = /^(.{3,}?)(c?)(it[oa]s?)$/;

/**
 * Reviews speak in diminutives ("suavecita", "fresquito", "rapidito", "limpito"): the base word of
 * -ito/-ita/-cito/-cita, with the spelling the ending changed undone (qu → c, gu → g).
 */
function spanishDiminutives(word: string): string[] {
  const m = DIMINUTIVE.exec(word);
  if (!m) return [];
  let base = m[1]!;
  const out: string[] = [];
  if (m[2]) out.push(base); // suave-c-ita
  else base = base.endsWith('qu') ? `${base.slice(0, -2)}c` : base.endsWith('gu') ? `${base.slice(0, -2)}g` : base;
  const gender = m[3]!.startsWith('ita') ? 'a' : 'o';
  out.push(`${base}${gender}`, `${base}${gender === 'a' ? 'o' : 'a'}`, `${base}e`, `${base}io`);
  return out;
}

/** Spanish. Negation precedes the verb ("no es bueno", "nunca"); -ísimo intensifies inside the word. */
export const es: LanguageRules = {
  core: {
    bueno: 3, buena: 3, buen: 3, bien: 2, genial: 4, excelente: 4, perfecto: 4, perfecta: 4, maravilloso: 4,
    maravillosa: 4, fantástico: 4, fantástica: 4, estupendo: 4, estupenda: 4, increíble: 3, espectacular: 4,
    magnífico: 4, precioso: 3, preciosa: 3, bonito: 2, bonita: 2, lindo: 2, linda: 2, hermoso: 3, hermosa: 3,
    rico: 2, rica: 2, delicioso: 4, deliciosa: 4, sabroso: 3, agradable: 2, amable: 2, simpático: 2,
    atento: 2, atenta: 2, rápido: 1, rápida: 1, limpio: 2, limpia: 2, cómodo: 2, cómoda: 2, contento: 3,
    contenta: 3, feliz: 3, felices: 3, satisfecho: 2, satisfecha: 2, encanta: 4, encantó: 4, encantado: 3,
    encantada: 3, gusta: 2, gustó: 2, recomiendo: 3, recomendable: 3, gracias: 2, enhorabuena: 3, felicidades: 3,
    mejor: 2, mejores: 2, top: 3, guay: 3, chulo: 2, crack: 2, ole: 2, bravo: 3, éxito: 3, alegría: 3, amor: 3,
    malo: -3, mala: -3, mal: -3, pésimo: -4, pésima: -4, horrible: -4, terrible: -4, fatal: -4, desastre: -4,
    desastroso: -4, lamentable: -4, vergüenza: -3, vergonzoso: -4, asco: -4, asqueroso: -4, decepción: -3,
    decepcionado: -3, decepcionada: -3, decepcionante: -3, caro: -1, cara: 0, lento: -2, lenta: -2, sucio: -3,
    sucia: -3, roto: -3, rota: -3, problema: -2, problemas: -2, retraso: -2, cancelado: -2, estafa: -4,
    timo: -4, evitar: -2, peor: -4, triste: -2, tristeza: -3, enfadado: -3, cabreado: -3, harto: -3, harta: -3,
    odio: -4, mierda: -4, desgracia: -3, desgraciadamente: -2, lástima: -2, pena: -2, penoso: -3, ridículo: -3,
    inútil: -3, maleducado: -3, grosero: -3, insoportable: -4, miedo: -2, muerte: -3, muerto: -3, dolor: -2,
    llorar: -2, crisis: -2, corrupción: -3, corrupto: -3, robo: -3, mentira: -3, mentiroso: -3, culpa: -2,
    aburrido: -2, aburrida: -2, preocupado: -2, preocupante: -2, tonto: -3, idiota: -4, injusto: -3, injusticia: -3,
  },
  // "cero" as in "cero atención", "cero problemas".
  negators: ['no', 'nunca', 'jamás', 'ni', 'tampoco', 'sin', 'nada', 'nadie', 'ningún', 'ninguno', 'ninguna', 'cero'],
  intensifiers: ['muy', 'súper', 'super', 'realmente', 'demasiado', 'tan', 'totalmente', 'sumamente', 'extremadamente', 'increíblemente', 'mega', 're', 'bastante', 'tremendamente', 'absolutamente', 'verdaderamente', 'enorme', 'enormes', 'auténtica', 'auténtico', 'verdadera', 'verdadero'],
  diminishers: ['poco', 'algo', 'medio', 'casi', 'relativamente', 'ligeramente'],
  contrast: ['pero', 'sino', 'embargo', 'obstante'],
  // "aunque" concedes: "aunque tardó un poco, es de muy buena calidad", "no funciona aunque dice que
  // es compatible" — its clause is the lesser one, wherever it stands.
  concessive: ['pese', 'pesar', 'aun', 'aunque'],
  // Superlatives also without their accent ("buenisima", "rapidisimo"), as reviews are typed.
  suffixes: ['ísimas', 'ísimos', 'ísima', 'ísimo', 'isimas', 'isimos', 'isima', 'isimo', 'mente', 'as', 'os', 'es', 'a', 'o', 's'],
  minStem: 3,
  fallback: senticonEs,
  compounds: false,
  postVerbalNegation: false,
  stars: 'estrellas?|estrellitas?',
  numbers: { cero: 0, una: 1, un: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5 },
  outOf: ['de', 'sobre'],
  foldDiacritics: true,
  lemmas: spanishDiminutives,
};
