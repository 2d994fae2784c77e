import type { LanguageTerms, TopicConfig } from './schema.js';

type Lang = Record<string, string[] | Partial<LanguageTerms>>;

const topic = (id: string, name: string, terms: string[], phrases: string[] = [], options: { parent?: string; exclude?: string[]; lang?: Lang } = {}): TopicConfig => ({
  id,
  name,
  terms,
  phrases,
  exclude: options.exclude ?? [],
  match: 'lemma',
  lang: Object.fromEntries(
    Object.entries(options.lang ?? {}).map(([code, value]) => [
      code,
      Array.isArray(value) ? { terms: value, phrases: [], exclude: [] } : { terms: value.terms ?? [], phrases: value.phrases ?? [], exclude: value.exclude ?? [], ...(value.rule ? { rule: value.rule } : {}) },
    ]),
  ),
  ...(options.parent ? { parent: options.parent } : {}),
});

/**
 * The customer-feedback taxonomy a new user gets without writing one (a config with no `topics`
 * key). English terms apply to every mention (shop words like "app", "login" or "PayPal" travel);
 * `lang` adds Dutch, Swedish, Polish, German, French and Spanish terms for mentions in those
 * languages, with `*` wildcards standing in for their inflections and compounds. English words
 * match their inflections by themselves, and everything is case- and accent-insensitive.
 * A config that lists its own topics replaces this whole list; `topics: []` means none.
 */
export const DEFAULT_TOPICS: TopicConfig[] = [
  topic('delivery', 'Delivery and shipping', ['delivery', 'deliver', 'shipping', 'ship', 'shipment', 'courier', 'parcel', 'package', 'tracking', 'dispatch'], ['arrived late', 'never arrived', 'still not arrived', 'out for delivery', 'tracking number', 'delivery date'], {
    lang: {
      nl: ['levering', 'bezorg*', 'geleverd', 'leveren', 'verzend*', 'verzonden', 'pakket*', 'pakje', 'koerier', 'postnl', 'zending', 'track and trace'],
      sv: ['leverans*', 'leverera*', 'frakt*', 'skickad*', 'skickat', 'paket*', 'försändelse*', 'budfirma', 'postnord', 'spårning*'],
      pl: ['dostaw*', 'przesyłk*', 'paczk*', 'paczkomat*', 'kurier*', 'wysyłk*', 'wysłan*', 'doręcz*', 'inpost', 'numer przesyłki'],
      de: ['liefer*', 'geliefert', 'versand*', 'verschickt', 'paket*', 'päckchen', 'zustell*', 'zugestellt', 'kurier', 'sendung*', 'dhl', 'hermes'],
      fr: ['livraison*', 'livré*', 'livrer', 'livreur*', 'colis', 'expédition', 'expédié*', 'envoi', 'coursier', 'numéro de suivi', 'colissimo', 'chronopost'],
      es: ['entrega*', 'envío*', 'enviado*', 'paquete*', 'mensajer*', 'repartidor*', 'paquetería', 'transportista', 'número de seguimiento', 'correos', 'seur'],
    },
  }),
  topic('delivery-delay', 'Late or missing deliveries', [], ['arrived late', 'never arrived', 'still not arrived', 'still waiting for my order', 'where is my order', 'late delivery', 'delivery delayed', 'delayed delivery', 'lost package', 'lost parcel', 'missing package', 'missing parcel', 'package lost', 'parcel lost'], {
    parent: 'delivery',
    lang: {
      nl: { terms: ['niet aangekomen', 'nooit aangekomen', 'nog steeds niet ontvangen', 'niet ontvangen', 'te laat', 'vertraging', 'vertraagd'], rule: '(pakket* OR pakje OR zending OR bestelling) NEAR/4 (kwijt OR zoek OR vermist)' },
      sv: { terms: ['inte kommit', 'aldrig kommit', 'kom aldrig', 'inte fått', 'försenad*', 'försening*', 'för sent'], rule: '(paket* OR försändelse* OR beställning*) NEAR/4 (borttappad* OR försvunnen OR försvunnit)' },
      pl: { terms: ['nie dotarła', 'nie doszła', 'nie przyszła', 'nadal czekam', 'wciąż czekam', 'opóźnion*', 'opóźnieni*', 'spóźnion*'], rule: '(paczk* OR przesyłk* OR zamówien*) NEAR/4 (zaginęła OR zgubion* OR zgubil*)' },
      de: { terms: ['nicht angekommen', 'nie angekommen', 'kam nicht an', 'nicht erhalten', 'noch nicht da', 'zu spät', 'verspätet', 'verspätung*', 'lieferverzögerung*', 'warte immer noch'], rule: '(paket* OR sendung* OR lieferung* OR bestellung*) NEAR/4 (verloren OR fehlt OR verschwunden)' },
      fr: { terms: ['jamais reçu', 'pas reçu', 'toujours pas reçu', 'pas arrivé', 'jamais arrivé', 'en retard', 'retard*'], rule: '(colis OR commande* OR livraison*) NEAR/4 (perdu* OR égaré* OR disparu*)' },
      es: { terms: ['no ha llegado', 'nunca llegó', 'no llegó', 'sigo esperando', 'llegó tarde', 'retras*'], rule: '(paquete* OR pedido* OR envío*) NEAR/4 (perdido* OR extraviado*)' },
    },
  }),
  topic('price', 'Price and billing', ['price', 'pricing', 'expensive', 'cheap', 'overpriced', 'cost', 'fee', 'charge', 'invoice', 'bill', 'billing', 'subscription', 'discount', 'coupon'], ['too expensive', 'hidden fee', 'charged twice', 'double charged', 'value for money'], {
    lang: {
      nl: ['prijs*', 'duur', 'te duur', 'goedkoop', 'kosten', 'rekening', 'factuur', 'afgeschreven', 'abonnement*', 'korting*', 'dubbel betaald'],
      sv: ['pris*', 'dyr*', 'billig*', 'kostnad*', 'kostar', 'avgift*', 'faktur*', 'räkning*', 'prenumeration*', 'rabatt*', 'dragit två gånger'],
      pl: ['cena', 'ceny', 'cenie', 'cenę', 'drogo', 'drogie', 'za drogi', 'tani*', 'tanio', 'koszt*', 'opłat*', 'faktur*', 'rachun*', 'abonament*', 'rabat*', 'zniżk*'],
      de: ['preis*', 'teuer*', 'überteuert', 'billig*', 'günstig*', 'kosten', 'kostet', 'gebühr*', 'rechnung*', 'abgebucht', 'abbuchung*', 'abo', 'abonnement*', 'rabatt*', 'doppelt abgebucht'],
      fr: ['prix', 'cher', 'chère', 'chers', 'trop cher', 'coût*', 'frais', 'facture*', 'facturé*', 'prélevé*', 'prélèvement*', 'abonnement*', 'réduction*', 'remise', 'payé deux fois'],
      es: ['precio*', 'caro', 'cara', 'caros', 'barato*', 'coste*', 'costo*', 'tarifa*', 'factura*', 'cobro*', 'cobrad*', 'cobraron', 'suscripción', 'descuento*', 'cobro doble'],
    },
  }),
  topic('customer-service', 'Customer service', ['support', 'service', 'agent', 'representative', 'staff', 'helpdesk', 'rude', 'helpful', 'unhelpful', 'callback', 'complaint'], ['customer service', 'customer support', 'on hold', 'no answer', 'no response', 'never called back', 'call center'], {
    exclude: ['room service', 'service pack'],
    lang: {
      nl: ['klantenservice', 'klantendienst', 'medewerker*', 'onvriendelijk', 'vriendelijk', 'behulpzaam', 'in de wacht', 'wachttijd', 'geen antwoord', 'geen reactie', 'klacht*', 'teruggebeld'],
      sv: ['kundtjänst*', 'kundservice', 'personal*', 'otrevlig*', 'trevlig*', 'hjälpsam*', 'inget svar', 'väntetid*', 'klagomål', 'ringde tillbaka'],
      pl: ['obsług*', 'obsługa klienta', 'infolini*', 'konsultant*', 'pracowni*', 'niemił*', 'pomocn*', 'brak odpowiedzi', 'bez odpowiedzi', 'reklamacj*', 'skarg*'],
      de: ['kundenservice', 'kundendienst', 'kundensupport', 'hotline', 'mitarbeiter*', 'unfreundlich*', 'freundlich*', 'hilfsbereit*', 'warteschleife', 'keine antwort', 'keine rückmeldung', 'zurückgerufen', 'beschwerde*'],
      fr: ['service client', 'service clientèle', 'sav', 'conseiller*', 'conseillère*', 'hotline', 'personnel', 'aimable*', 'désagréable*', 'impoli*', 'aucune réponse', 'pas de réponse', 'réclamation*', 'plainte*'],
      es: ['atención al cliente', 'servicio al cliente', 'servicio técnico', 'soporte', 'agente*', 'emplead*', 'operador*', 'amable*', 'groser*', 'maleducad*', 'sin respuesta', 'no contestan', 'no responden', 'tiempo de espera', 'reclamación*', 'queja*'],
    },
  }),
  topic('ordering', 'Ordering and checkout', ['order', 'checkout', 'cart', 'basket', 'payment', 'paypal', 'booking', 'reservation'], ['place an order', 'payment failed', 'order confirmation', 'promo code', 'credit card'], {
    lang: {
      nl: ['bestelling*', 'besteld', 'bestellen', 'winkelwagen', 'afrekenen', 'betaling*', 'betaald', 'ideal', 'boeking*', 'geboekt', 'reservering*'],
      sv: ['beställ*', 'varukorg*', 'kassan', 'betalning*', 'betala*', 'bokning*', 'bokade', 'klarna', 'swish'],
      pl: ['zamówien*', 'zamówi*', 'zamawia*', 'koszyk*', 'płatnoś*', 'zapłac*', 'rezerwacj*', 'blik'],
      de: ['bestellung*', 'bestellt', 'bestellen', 'warenkorb', 'bezahlung', 'bezahlt', 'zahlung*', 'buchung*', 'gebucht', 'reservierung*'],
      fr: ['commande*', 'commandé*', 'commander', 'panier', 'paiement*', 'réservation*'],
      es: ['pedido*', 'carrito', 'pago*', 'pagad*', 'reserva*'],
    },
  }),
  topic('product-quality', 'Product quality', ['quality', 'broken', 'defective', 'faulty', 'damaged', 'durable', 'flimsy', 'sturdy', 'malfunction'], ['stopped working', 'poor quality', 'great quality', 'cheaply made', 'fell apart', 'does not work', "doesn't work"], {
    lang: {
      nl: ['kwaliteit', 'kapot', 'defect', 'beschadigd', 'werkt niet', 'doet het niet', 'gebrekkig', 'ging stuk'],
      sv: ['kvalitet*', 'trasig*', 'defekt*', 'skadad*', 'fungerar inte', 'funkar inte', 'gick sönder', 'sönder'],
      pl: ['jakość', 'jakości', 'jakością', 'zepsut*', 'uszkodz*', 'wadliw*', 'nie działa', 'popsuł*', 'rozpadł*'],
      de: ['qualität', 'kaputt', 'defekt*', 'beschädigt*', 'mangelhaft*', 'minderwertig*', 'funktioniert nicht', 'geht nicht mehr', 'hochwertig*'],
      fr: ['qualité', 'cassé*', 'défectueu*', 'abîmé*', 'endommagé*', 'ne fonctionne pas', 'ne marche pas', 'ne marche plus', 'en panne'],
      es: ['calidad', 'roto', 'rota', 'rotos', 'defectuos*', 'dañad*', 'averiad*', 'no funciona', 'dejó de funcionar'],
    },
  }),
  topic('app-website', 'App and website', ['app', 'website', 'crash', 'crashed', 'crashing', 'bug', 'buggy', 'glitch', 'interface'], ['keeps crashing', 'error message', 'latest update', 'app update', 'web site', 'page not loading'], {
    lang: {
      en: ['ui'],
      nl: ['app', 'website', 'webwinkel', 'crasht', 'gecrasht', 'storing', 'foutmelding', 'laadt niet'],
      sv: ['appen', 'hemsida*', 'webbplats*', 'sajt*', 'kraschar', 'krasch*', 'felmeddelande*', 'uppdatering*'],
      pl: ['aplikacj*', 'strona internetowa', 'stronie internetowej', 'zawiesza się', 'błąd', 'błędy', 'aktualizacj*'],
      de: ['webseite*', 'internetseite*', 'abgestürzt', 'absturz', 'stürzt ab', 'fehlermeldung*', 'lädt nicht'],
      fr: ['appli', 'application', 'site web', 'site internet', 'bug*', 'beug*', 'planté', 'message d\'erreur', 'mise à jour'],
      es: ['aplicación', 'página web', 'sitio web', 'se cuelga', 'actualización'],
    },
  }),
  topic('account', 'Account and login', ['account', 'login', 'log-in', 'password', 'sign-in', 'signin', 'username', 'verification', 'locked', '2fa'], ['log in', 'sign in', 'reset password', 'locked out', 'verification code'], {
    lang: {
      nl: ['inloggen', 'wachtwoord', 'geblokkeerd', 'verificatie', 'mijn account'],
      sv: ['konto*', 'inloggning*', 'logga in', 'lösenord*', 'låst', 'bankid', 'verifiering'],
      pl: ['konto', 'konta', 'koncie', 'logowan*', 'zaloguj*', 'zalogować', 'hasło', 'hasła', 'zablokowan*', 'weryfikacj*'],
      de: ['konto', 'kundenkonto', 'anmeldung', 'anmelden', 'einloggen', 'passwort', 'kennwort', 'gesperrt', 'verifizierung'],
      fr: ['compte', 'connexion', 'me connecter', 'mot de passe', 'identifiant*', 'bloqué*', 'vérification'],
      es: { terms: ['cuenta', 'iniciar sesión', 'contraseña*', 'bloquead*', 'verificación'], exclude: ['di cuenta', 'dar cuenta', 'darse cuenta', 'doy cuenta', 'en cuenta', 'dio cuenta'] },
    },
  }),
  topic('refunds', 'Refunds and returns', ['refund', 'return', 'exchange', 'chargeback', 'reimbursement', 'compensation', 'voucher'], ['money back', 'still no refund', 'return label', 'store credit'], {
    lang: {
      nl: ['terugbetaling*', 'terugbetaald', 'geld terug', 'retour*', 'retourneren', 'omruilen', 'creditering', 'tegoedbon', 'compensatie', 'vergoeding'],
      sv: ['återbetalning*', 'återbetala*', 'pengarna tillbaka', 'retur*', 'returnera*', 'ersättning*', 'kompensation'],
      pl: ['zwrot*', 'zwróc*', 'zwrot pieniędzy', 'wymian*', 'rekompensat*', 'odszkodowan*'],
      de: ['rückerstattung*', 'erstattet', 'erstattung*', 'rückgabe', 'zurückgeschickt', 'rücksendung*', 'umtausch*', 'geld zurück', 'gutschrift', 'gutschein*', 'entschädigung*'],
      fr: ['remboursement*', 'rembours*', 'retour*', 'renvoyer', 'échange*', 'bon d\'achat', 'dédommagement*', 'indemnisation'],
      es: ['reembolso*', 'devolución*', 'devolver', 'devuelto', 'dinero de vuelta', 'compensación', 'indemnización'],
    },
  }),
  topic('privacy-security', 'Privacy and security', ['privacy', 'security', 'hacked', 'scam', 'fraud', 'phishing', 'breach', 'spam'], ['data breach', 'personal data', 'unauthorized charge'], {
    lang: {
      nl: ['beveiliging', 'gehackt', 'oplichting', 'oplichter*', 'fraude', 'datalek'],
      sv: ['integritet', 'säkerhet*', 'hackad*', 'hackat', 'bedrägeri*', 'bluff*', 'nätfiske', 'dataintrång'],
      pl: ['prywatnoś*', 'bezpieczeństw*', 'zhakowan*', 'oszust*', 'wyłudzen*', 'wyciek*'],
      de: ['datenschutz', 'sicherheit', 'gehackt', 'betrug*', 'betrüger*', 'datenleck*'],
      fr: ['données personnelles', 'sécurité', 'piraté*', 'arnaque*', 'escroquerie*', 'fraude*', 'hameçonnage', 'fuite de données'],
      es: ['privacidad', 'seguridad', 'hackead*', 'estafa*', 'fraude*', 'datos personales'],
    },
  }),
  topic('availability', 'Stock and availability', ['stock', 'sold-out', 'unavailable', 'availability', 'backorder', 'restock'], ['out of stock', 'sold out', 'back in stock'], {
    lang: {
      nl: ['uitverkocht', 'niet leverbaar', 'niet op voorraad', 'voorraad'],
      sv: ['slutsåld*', 'slut i lager', 'inte i lager', 'tillgänglig*'],
      pl: ['niedostępn*', 'wyprzedan*', 'brak w magazynie', 'brak na stanie', 'dostępnoś*'],
      de: ['ausverkauft', 'nicht verfügbar', 'nicht lieferbar', 'lagerbestand', 'auf lager', 'vorrätig'],
      fr: ['rupture de stock', 'épuisé*', 'indisponible*', 'en stock', 'disponibilité'],
      es: ['agotad*', 'sin stock', 'no disponible', 'disponibilidad', 'existencias'],
    },
  }),
];
