import type { LanguageRules } from './types.js';

/**
 * Polish. Seven cases and gender make one adjective a dozen forms (dobry, dobra, dobre, dobrego,
 * dobrym…): endings are stripped to a stem on both sides. "nie" is written apart before verbs and
 * glued to adjectives and participles (niedobry, niezadowolony).
 */
export const pl: LanguageRules = {
  core: {
    dobry: 3, dobrze: 3, świetny: 4, świetnie: 4, super: 3, doskonały: 4, doskonale: 4, znakomity: 4,
    znakomicie: 4, wspaniały: 4, wspaniale: 4, rewelacyjny: 4, rewelacja: 4, rewelacyjnie: 4, fantastyczny: 4,
    idealny: 4, idealnie: 4, bardzo: 0, polecam: 3, polecić: 3, polecenia: 2, godny: 2, warto: 2, wart: 1,
    zadowolony: 3, zadowolona: 3, zadowolenie: 3, ładny: 2, ładnie: 2, piękny: 3, pięknie: 3, miły: 2, miło: 2,
    sympatyczny: 2, pomocny: 2, profesjonalny: 2, profesjonalnie: 2, solidny: 2, wygodny: 2, smaczny: 3,
    pyszny: 3, czysty: 2, szybki: 1, szybko: 1, tani: 1, przystępny: 1, najlepszy: 4, lepszy: 1, fajny: 3,
    fajnie: 3, ciekawy: 2, ciekawie: 2, interesujący: 2, przyjemny: 2, przyjemnie: 2, dziękuję: 2, dzięki: 1,
    kocham: 3, lubię: 2, uwielbiam: 4, zachwycony: 4, bezproblemowy: 2, sprawny: 2, sprawnie: 2, rzetelny: 2,
    wyrozumiały: 2, kompetentny: 2, ok: 1, okej: 1, pozytywny: 2, pozytywnie: 2, plus: 1, plusy: 1, zaleta: 2,
    zalety: 2, komfortowy: 2, komfort: 2, trwały: 2, mocny: 1, cudowny: 4, przystępnie: 1, jasno: 1,
    zły: -3, zła: -3, złe: -3, źle: -3, słaby: -3, słabo: -3, kiepski: -3, kiepsko: -3, fatalny: -4, fatalnie: -4, beznadziejny: -4,
    beznadziejnie: -4, okropny: -4, okropnie: -4, straszny: -3, strasznie: -2, tragiczny: -4, tragicznie: -4,
    tragedia: -4, porażka: -4, masakra: -4, koszmar: -4, dramat: -3, rozczarowany: -3, rozczarowanie: -3,
    zawiedziony: -3, zawód: -3, niezadowolony: -3, nieprzyjemny: -3, niemiły: -3, niekompetentny: -3,
    niestety: -2, problem: -2, problemy: -2, wada: -2, wady: -2, minus: -1, minusy: -1, awaria: -3, zepsuty: -3,
    zepsuł: -3, psuje: -3, uszkodzony: -3, brudny: -3, drogi: 0, drogo: -1, przepłacać: -3, wolny: 0, wolno: -1,
    nudny: -3, nudno: -3, nuda: -3, bałagan: -3, chamski: -4, opryskliwy: -3, arogancki: -3, niski: 0,
    odradzam: -4, unikać: -3, unikajcie: -4, szkoda: -2, strata: -3, żałuję: -3, oszustwo: -4, reklamacja: -2,
    reklamację: -2, zwrot: -1, gorszy: -3, gorzej: -3, najgorszy: -4, nieprzydatny: -3, bezużyteczny: -4,
    denerwujący: -3, irytujący: -3, męczący: -2, uciążliwy: -3, niewygodny: -3, marny: -3, marnie: -3,
    niesamowity: 4, niesamowicie: 3, niezły: 2, nieźle: 2, niezawodny: 3, niezastąpiony: 3, niedrogi: 2,
  },
  negators: ['nie', 'nigdy', 'ani', 'bez', 'brak', 'braku', 'zero', 'żaden', 'żadna', 'żadne', 'żadnego', 'żadnej', 'nic', 'niczego'],
  intensifiers: ['bardzo', 'naprawdę', 'niesamowicie', 'mega', 'totalnie', 'zupełnie', 'całkowicie', 'wyjątkowo', 'niezwykle', 'niezmiernie', 'szczególnie', 'zbyt', 'za', 'tak', 'taki', 'takie', 'taka', 'ogromnie', 'absolutnie', 'wręcz', 'wielki', 'wielka', 'wielkie', 'wielkiego', 'wielką', 'wielkim', 'ogromny', 'ogromna', 'ogromne', 'duży', 'duża', 'duże'],
  diminishers: ['trochę', 'nieco', 'dość', 'dosyć', 'raczej', 'względnie', 'lekko', 'mało'],
  contrast: ['ale', 'lecz', 'jednak', 'jednakże', 'natomiast', 'niemniej', 'tylko'],
  concessive: ['chociaż', 'choć', 'mimo', 'pomimo', 'wprawdzie'],
  suffixes: [
    'owania', 'owanie', 'ościami', 'ością', 'ości', 'ość', 'iejsze', 'iejszy', 'iejsza', 'ejszy', 'ejsza', 'ejsze',
    'ymi', 'imi', 'ami', 'ach', 'ego', 'emu', 'owi', 'ów', 'ych', 'ich', 'iej', 'ej', 'ym', 'im', 'om', 'ie',
    'ałem', 'iłem', 'ałam', 'iłam', 'ała', 'iła', 'ało', 'ał', 'ił', 'ać', 'ić', 'eć', 'uje', 'ują', 'am', 'em',
    'ą', 'ę', 'y', 'i', 'a', 'o', 'u', 'e',
  ],
  minStem: 3,
  compounds: false,
  negPrefix: 'nie',
  postVerbalNegation: false,
  stars: 'gwiazdk[aięio]|gwiazdek|gwiazd[ya]?|gwiazdkami',
  numbers: { zero: 0, jedna: 1, jedną: 1, jedynka: 1, dwie: 2, dwóch: 2, trzy: 3, cztery: 4, pięć: 5 },
  outOf: ['na', 'z'],
  foldDiacritics: true,
};
