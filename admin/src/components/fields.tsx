import { SCHOOL_TIME_ZONE, formatRigaTime } from './rigaTime';
import { DateField, NumberField, useLocaleState, type DateFieldProps, type NumberFieldProps } from 'react-admin';

/** BCP 47 tags for formatting numbers and dates in the UI language. */
export const useFormatLocale = (): string => {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'en-GB' : 'lv-LV';
};

/** A euro amount (the records carry euro; the API carries cents). */
export const EuroField = (props: NumberFieldProps) => <NumberField locales={useFormatLocale()} options={{ style: 'currency', currency: 'EUR' }} {...props} />;

/** Date and time in Riga (whatever the browser's zone), written the way the UI language writes them. */
export const DateTimeField = (props: DateFieldProps) => (
  <DateField
    showTime
    locales={useFormatLocale()}
    options={{ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: SCHOOL_TIME_ZONE }}
    {...props}
  />
);

/** Formats instants on the school's clock in the UI language (lists, exports). */
export const useRigaTime = () => {
  const locale = useFormatLocale();
  return (value: unknown) => formatRigaTime(value, locale);
};
