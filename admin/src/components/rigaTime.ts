import { useFormatLocale } from './fields';

/** Times as the school's clock shows them, whatever the browser's zone. */
const RIGA = { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/** An instant on the school's clock in the given locale; empty for none. */
export function formatRigaTime(value: unknown, locale: string): string {
  return value ? new Date(String(value)).toLocaleString(locale, RIGA) : '';
}

/** Formats instants on the school's clock in the UI language. */
export const useRigaTime = () => {
  const locale = useFormatLocale();
  return (value: unknown) => formatRigaTime(value, locale);
};
