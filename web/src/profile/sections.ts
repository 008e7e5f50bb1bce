/** The profile page's sections: element ids, so that links can lead to them (/profils#kontakti). */
export const SECTIONS = {
  personal: 'personas-dati',
  contact: 'kontakti',
  language: 'valoda',
  calendar: 'kalendars',
  address: 'adrese',
  billing: 'rekviziti',
  employments: 'darba-vietas',
  history: 'mani-macibu-pasakumi',
  certificates: 'sertifikati',
  invoices: 'rekini',
  roles: 'lomas',
  coordinator: 'koordinators',
  mydata: 'mani-dati',
} as const;

export type SectionName = keyof typeof SECTIONS;

export const headingIdOf = (section: SectionName) => `${SECTIONS[section]}-virsraksts`;
