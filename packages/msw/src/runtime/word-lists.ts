/**
 * Small word lists for realistic German B2B data (Complero's customers and the spec's own examples
 * are German). Kept short on purpose: variety comes from combining them.
 */

/** Common German first names. */
export const FIRST_NAMES = [
  'Anna',
  'Lena',
  'Sophie',
  'Marie',
  'Laura',
  'Julia',
  'Max',
  'Paul',
  'Felix',
  'Jonas',
  'Lukas',
  'Leon',
  'Emma',
  'Mia',
  'Noah',
  'Elias',
] as const;

/** Common German last names. */
export const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
] as const;

/** The salutation the API stores, by gender. */
export const SALUTATIONS = { female: 'Frau', male: 'Herr' } as const;

/** Which of `FIRST_NAMES` take the salutation `Frau`. */
export const FEMALE_FIRST_NAMES: ReadonlySet<string> = new Set(['Anna', 'Lena', 'Sophie', 'Marie', 'Laura', 'Julia', 'Emma', 'Mia']);

/** City, its zip code and its phone area code, so addresses and numbers agree with each other. */
export const CITIES = [
  { city: 'Berlin', zip: '10115', area: '30' },
  { city: 'Hamburg', zip: '20457', area: '40' },
  { city: 'München', zip: '80331', area: '89' },
  { city: 'Köln', zip: '50667', area: '221' },
  { city: 'Frankfurt am Main', zip: '60311', area: '69' },
  { city: 'Stuttgart', zip: '70173', area: '711' },
  { city: 'Düsseldorf', zip: '40213', area: '211' },
  { city: 'Leipzig', zip: '04109', area: '341' },
] as const;

/** Common German street names. */
export const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Gartenweg',
  'Schillerstraße',
  'Goethestraße',
  'Industriepark',
  'Lindenallee',
  'Marktplatz',
] as const;

/** Made-up company names (no real firms). */
export const COMPANY_STEMS = ['Nordlicht', 'Rheinwerk', 'Alpenblick', 'Hansewerk', 'Bergmann', 'Sonnenfeld', 'Elbtal', 'Isarbau'] as const;

/** German legal forms of companies. */
export const COMPANY_FORMS = ['GmbH', 'AG', 'KG', 'GmbH & Co. KG', 'UG'] as const;

/** Job titles of contacts and employees. */
export const POSITIONS = [
  'Geschäftsführerin',
  'Vertriebsleiter',
  'Projektmanagerin',
  'Einkäufer',
  'Key Account Manager',
  'Buchhaltung',
  'Marketingleitung',
] as const;

/** Departments and branches employees work in. */
export const DEPARTMENTS = ['Vertrieb', 'Kundenservice', 'Marketing', 'Filiale Nord', 'Filiale Süd', 'Innendienst'] as const;

/** Tags a CRM might put on contacts. */
export const TAGS = ['premiumkunde', 'newsletter', 'neukunde', 'webinar-teilnehmer', 'messe-2025', 'bestandskunde'] as const;

/** German mobile network prefixes. */
export const MOBILE_PREFIXES = ['151', '160', '170', '171', '172', '176'] as const;

/** User agents consents were granted from. */
export const BROWSERS = ['Firefox/121.0', 'Chrome/124.0', 'Edge/122.0', 'Safari/17.4'] as const;
