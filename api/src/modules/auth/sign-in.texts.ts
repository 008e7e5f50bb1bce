import { Language } from '../people/person.entity.js';

/**
 * Texts of the pages the api renders itself: the sign-in choice, sign-in errors and the development
 * identity provider. Everything else people read lives in the portal's and console's translations.
 */
export const signInTexts = {
  [Language.LV]: {
    other: 'English',
    chooseTitle: 'Pieslēgšanās',
    chooseIntro: 'Izvēlieties, kā pieslēgties Mācību pārvaldības sistēmai.',
    provider: { latvija: 'Latvija.lv (eID, e-paraksts, internetbanka)', dev: 'Izstrādes pieslēgšanās (demonstrācijas personas)', oidc: '' },
    noProvider: 'Pieslēgšanās nav iestatīta. Sazinieties ar sistēmas administratoru.',
    continue: 'Turpināt',
    redirecting: 'Pārsūta…',
    errorTitle: 'Pieslēgšanās neizdevās',
    tryAgain: 'Mēģināt vēlreiz',
    home: 'Uz sākumlapu',
    error: {
      STATE: 'Pieslēgšanās sesija ir beigusies vai sākta citā pārlūkā. Lūdzu, mēģiniet vēlreiz.',
      EXPIRED: 'Pieslēgšanās apliecinājums ir novecojis. Pārbaudiet datora pulksteni un mēģiniet vēlreiz.',
      REPLAYED: 'Šis pieslēgšanās apliecinājums jau ir izmantots. Lūdzu, pieslēdzieties vēlreiz.',
      INVALID: 'Identitātes sniedzēja atbildi nevarēja pārbaudīt, tāpēc pieslēgšanās netika atļauta.',
      PERSONAL_CODE: 'Identitātes sniedzējs nenosūtīja derīgu personas kodu.',
      CANCELLED: 'Pieslēgšanās tika atcelta vai identitātes sniedzējs to atteica.',
      UNAVAILABLE: 'Identitātes sniedzējs pašlaik nav sasniedzams. Lūdzu, mēģiniet vēlāk.',
    },
    dev: {
      title: 'Izstrādes identitātes sniedzējs',
      intro:
        'Šī lapa izstrādes vidē aizstāj Latvija.lv un runā to pašu WS-Federation protokolu ar parakstītu SAML apliecinājumu. Produkcijas vidē tā nav pieejama.',
      signInAs: 'Pieslēgties',
      roles: 'Lomas',
      personalCode: 'Personas kods',
      noPersons: 'Demonstrācijas personu nav. Palaidiet sistēmu ar MPS_DEMO_DATA=true vai izveidojiet personu zemāk.',
      inventTitle: 'Cita persona',
      inventIntro: 'Izdomājiet personu. Ja personas kodu neievadīsiet, tiks izveidots nejaušs jaunā formāta kods.',
      givenName: 'Vārds',
      familyName: 'Uzvārds',
      code: 'Personas kods',
      previousCode: 'Iepriekšējais personas kods (ja mainīts)',
      invent: 'Pieslēgties kā šī persona',
      badRequest: 'Pieprasījums nav derīgs: atgriešanās adrese vai realm neatbilst šai sistēmai.',
      problems: {
        givenName: 'Ievadiet vārdu.',
        familyName: 'Ievadiet uzvārdu.',
        personalCode: 'Personas kods nav derīgs.',
        previousCode: 'Iepriekšējais personas kods nav derīgs.',
      },
    },
    role: { PARTICIPANT: 'dalībnieks', COORDINATOR: 'koordinators', LECTURER: 'pasniedzējs', STAFF: 'VAS darbinieks', ADMIN: 'administrators' },
  },
  [Language.EN]: {
    other: 'Latviski',
    chooseTitle: 'Sign in',
    chooseIntro: 'Choose how to sign in to the training management system.',
    provider: { latvija: 'Latvija.lv (eID, eSignature, internet bank)', dev: 'Development sign-in (demo persons)', oidc: '' },
    noProvider: 'Sign-in is not configured. Please contact the system administrator.',
    continue: 'Continue',
    redirecting: 'Redirecting…',
    errorTitle: 'Sign-in failed',
    tryAgain: 'Try again',
    home: 'Go to the home page',
    error: {
      STATE: 'The sign-in has timed out or was started in another browser. Please try again.',
      EXPIRED: 'The sign-in assertion has expired. Check your computer clock and try again.',
      REPLAYED: 'This sign-in assertion has already been used. Please sign in again.',
      INVALID: "The identity provider's answer could not be verified, so the sign-in was refused.",
      PERSONAL_CODE: 'The identity provider did not send a valid personal code.',
      CANCELLED: 'The sign-in was cancelled or refused by the identity provider.',
      UNAVAILABLE: 'The identity provider cannot be reached right now. Please try again later.',
    },
    dev: {
      title: 'Development identity provider',
      intro:
        'In development this page stands in for Latvija.lv and speaks the same WS-Federation protocol with a signed SAML assertion. It is not available in production.',
      signInAs: 'Sign in',
      roles: 'Roles',
      personalCode: 'Personal code',
      noPersons: 'There are no demo persons. Start the system with MPS_DEMO_DATA=true or make up a person below.',
      inventTitle: 'Someone else',
      inventIntro: 'Make up a person. Leave the personal code empty to get a random code of the new format.',
      givenName: 'Given name',
      familyName: 'Family name',
      code: 'Personal code',
      previousCode: 'Previous personal code (if it changed)',
      invent: 'Sign in as this person',
      badRequest: 'The request is not valid: the reply address or realm does not belong to this system.',
      problems: {
        givenName: 'Enter a given name.',
        familyName: 'Enter a family name.',
        personalCode: 'The personal code is not valid.',
        previousCode: 'The previous personal code is not valid.',
      },
    },
    role: { PARTICIPANT: 'participant', COORDINATOR: 'coordinator', LECTURER: 'lecturer', STAFF: 'school staff', ADMIN: 'administrator' },
  },
} as const;

export type SignInTexts = (typeof signInTexts)[Language];
export type SignInErrorKind = keyof SignInTexts['error'];
