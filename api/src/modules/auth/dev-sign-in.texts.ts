import { Language } from '../people/person.entity.js';

/** Texts of the development sign-in page, the only HTML the api renders itself. */
export const devSignInTexts = {
  [Language.LV]: {
    title: 'Izstrādes pieslēgšanās',
    intro:
      'Šī lapa aizstāj Latvija.lv izstrādes vidē: izvēlieties personu, kuras vārdā pieslēgties. Produkcijas vidē tā nav pieejama.',
    signInAs: 'Pieslēgties',
    roles: 'Lomas',
    noPersons: 'Demonstrācijas personu nav. Palaidiet sistēmu ar MPS_DEMO_DATA=true.',
    other: 'English',
    role: { PARTICIPANT: 'dalībnieks', COORDINATOR: 'koordinators', LECTURER: 'pasniedzējs', STAFF: 'VAS darbinieks', ADMIN: 'administrators' },
  },
  [Language.EN]: {
    title: 'Development sign-in',
    intro:
      'This page stands in for Latvija.lv in development: choose the person to sign in as. It is not available in production.',
    signInAs: 'Sign in',
    roles: 'Roles',
    noPersons: 'There are no demo persons. Start the system with MPS_DEMO_DATA=true.',
    other: 'Latviski',
    role: { PARTICIPANT: 'participant', COORDINATOR: 'coordinator', LECTURER: 'lecturer', STAFF: 'school staff', ADMIN: 'administrator' },
  },
} as const;
