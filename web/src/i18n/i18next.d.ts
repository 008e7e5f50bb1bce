import 'i18next';
import type lv from './lv.json';

// Every key used with t() must exist in the Latvian resources (en.json has the same keys; a test checks it).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof lv };
  }
}
