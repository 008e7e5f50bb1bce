import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { PostalAddressInput } from '../gql/graphql';
import { TextField, useFieldProblemText } from './FormParts';
import type { ProfileForm } from './useProfileForm';

export const AddressFields = graphql(`
  fragment AddressFields on PostalAddress {
    street
    city
    postcode
    countryCode
  }
`);

export interface AddressValues {
  street: string;
  city: string;
  postcode: string;
  countryCode: string;
}

export const EMPTY_ADDRESS: AddressValues = { street: '', city: '', postcode: '', countryCode: 'LV' };

/** Where invoices to people and their employers usually go: Latvia first, then the EU/EEA and neighbours. */
const COUNTRIES = [
  'LV',
  'LT',
  'EE',
  'FI',
  'SE',
  'DK',
  'NO',
  'IS',
  'DE',
  'PL',
  'CZ',
  'SK',
  'AT',
  'HU',
  'SI',
  'HR',
  'RO',
  'BG',
  'GR',
  'CY',
  'MT',
  'IT',
  'FR',
  'BE',
  'NL',
  'LU',
  'IE',
  'ES',
  'PT',
  'CH',
  'GB',
  'UA',
  'US',
];

export const addressValuesOf = (
  address: { street?: string | null; city?: string | null; postcode?: string | null; countryCode?: string | null } | null | undefined,
): AddressValues => ({
  street: address?.street ?? '',
  city: address?.city ?? '',
  postcode: address?.postcode ?? '',
  countryCode: address?.countryCode ?? 'LV',
});

export const isAddressEmpty = (values: AddressValues) => !values.street.trim() && !values.city.trim() && !values.postcode.trim();

/** What to send: null when every part is empty (clears the address). */
export const addressInputOf = (values: AddressValues): PostalAddressInput | null =>
  isAddressEmpty(values) ? null : { street: values.street, city: values.city, postcode: values.postcode, countryCode: values.countryCode };

/** An address an invoice can use: every part given (one split from old free text may lack some). */
export const isCompleteAddress = (address: { street?: string | null; city?: string | null; postcode?: string | null } | null | undefined) =>
  !!(address?.street && address.city && address.postcode);

/** One line: "Brīvības iela 1, Rīga, LV-1010" (the country named when it is not Latvia). */
export function formatAddress(address: { street?: string | null; city?: string | null; postcode?: string | null; countryCode?: string | null }): string {
  return [address.street, address.city, address.postcode, address.countryCode && address.countryCode !== 'LV' ? address.countryCode : null]
    .filter(Boolean)
    .join(', ');
}

/** The labels of an address's fields for the form's problem list, under the api's names (`<prefix>.street`...). */
export function useAddressLabels(prefix: string): Record<string, string> {
  const { t } = useTranslation();
  return {
    [`${prefix}.street`]: t('address.street'),
    [`${prefix}.city`]: t('address.city'),
    [`${prefix}.postcode`]: t('address.postcode'),
    [`${prefix}.countryCode`]: t('address.country'),
  };
}

/** Street, city, postcode and country, each a field of its own with the browser's address autofill. */
export function AddressInputs({
  form,
  prefix,
  legend,
  values,
  onChange,
}: {
  form: ProfileForm;
  prefix: string;
  legend: string;
  values: AddressValues;
  onChange(values: AddressValues): void;
}) {
  const { t, i18n } = useTranslation();
  const problemText = useFieldProblemText();
  const names = new Intl.DisplayNames([i18n.language === 'en' ? 'en' : 'lv'], { type: 'region' });
  const set = (key: keyof AddressValues) => (value: string) => onChange({ ...values, [key]: value });
  const countryId = form.idFor(`${prefix}.countryCode`);
  const countryProblem = form.problemOf(`${prefix}.countryCode`);
  // A problem with the address as a whole (required with the other requisites) shows under the legend.
  const ownProblem = form.problemOf(prefix);
  const ownId = form.idFor(prefix);
  return (
    <fieldset
      className={`address-fields${ownProblem ? ' field-has-problem' : ''}`}
      id={ownId}
      tabIndex={-1}
      aria-describedby={ownProblem ? `${ownId}-problem` : undefined}
    >
      <legend>{legend}</legend>
      {ownProblem && (
        <p className="field-problem" id={`${ownId}-problem`}>
          <span className="visually-hidden">{t('form.problemPrefix')} </span>
          {problemText(ownProblem)}
        </p>
      )}
      <TextField
        form={form}
        field={`${prefix}.street`}
        hint={t('address.streetHint')}
        autoComplete="street-address"
        maxLength={200}
        value={values.street}
        onChange={set('street')}
      />
      <div className="field-row">
        <TextField
          form={form}
          field={`${prefix}.city`}
          hint={t('address.cityHint')}
          autoComplete="address-level2"
          maxLength={100}
          value={values.city}
          onChange={set('city')}
        />
        <TextField
          form={form}
          field={`${prefix}.postcode`}
          hint={values.countryCode === 'LV' ? t('address.postcodeHint') : undefined}
          autoComplete="postal-code"
          maxLength={20}
          value={values.postcode}
          onChange={set('postcode')}
        />
      </div>
      <div className={`field${countryProblem ? ' field-has-problem' : ''}`}>
        <label htmlFor={countryId}>{t('address.country')}</label>
        <select
          id={countryId}
          name={`${prefix}.countryCode`}
          autoComplete="country"
          value={values.countryCode}
          aria-invalid={countryProblem ? true : undefined}
          aria-describedby={countryProblem ? `${countryId}-problem` : undefined}
          onChange={(event) => set('countryCode')(event.target.value)}
        >
          {COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {names.of(code) ?? code}
            </option>
          ))}
        </select>
        {countryProblem && (
          <p className="field-problem" id={`${countryId}-problem`}>
            <span className="visually-hidden">{t('form.problemPrefix')} </span>
            {problemText(countryProblem)}
          </p>
        )}
      </div>
    </fieldset>
  );
}
