import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgeBand, EducationLevel, EmploymentStatus, Gender, IndicatorDataInput } from '../gql/graphql';

/** The answers as the form keeps them: '' is "prefers not to say". */
export interface IndicatorAnswers {
  consent: boolean;
  gender: Gender | '';
  ageBand: AgeBand | '';
  employmentStatus: EmploymentStatus | '';
  educationLevel: EducationLevel | '';
  flags: Record<Flag, 'yes' | 'no' | ''>;
}

const FLAGS = ['disability', 'thirdCountryNational', 'foreignBackground', 'minority', 'homeless', 'rural'] as const;
type Flag = (typeof FLAGS)[number];

export const NO_ANSWERS: IndicatorAnswers = {
  consent: false,
  gender: '',
  ageBand: '',
  employmentStatus: '',
  educationLevel: '',
  flags: { disability: '', thirdCountryNational: '', foreignBackground: '', minority: '', homeless: '', rural: '' },
};

export function indicatorInput(answers: IndicatorAnswers): IndicatorDataInput {
  const flag = (value: 'yes' | 'no' | '') => (value === '' ? null : value === 'yes');
  return {
    consent: answers.consent,
    gender: answers.gender || null,
    ageBand: answers.ageBand || null,
    employmentStatus: answers.employmentStatus || null,
    educationLevel: answers.educationLevel || null,
    ...Object.fromEntries(FLAGS.map((name) => [name, flag(answers.flags[name])])),
  };
}

const CHOICES = {
  gender: ['FEMALE', 'MALE', 'OTHER'],
  ageBand: ['UNDER_30', 'FROM_30_TO_54', 'FROM_55'],
  employmentStatus: ['EMPLOYED', 'SELF_EMPLOYED', 'UNEMPLOYED', 'LONG_TERM_UNEMPLOYED', 'INACTIVE'],
  educationLevel: ['ISCED_0_2', 'ISCED_3_4', 'ISCED_5_8'],
} as const;

interface RadioGroupProps {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  onChange(value: string): void;
}

/** One question: its choices and "Nevēlos norādīt" (the empty answer). */
function RadioGroup({ name, legend, options, value, onChange }: RadioGroupProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {[...options, { value: '', label: t('indicators.preferNotToSay') }].map((option) => (
        <label className="choice" key={option.value || 'none'}>
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

interface Props {
  project: { code: string; nameLv: string; nameEn: string };
  answers: IndicatorAnswers;
  onChange(answers: IndicatorAnswers): void;
  /** Ask for the age band: the personal code does not tell the age. */
  askAge: boolean;
  /** The consent was not given when it had to be (after a try, or as the api said). */
  consentMissing: boolean;
}

/**
 * The questions the ESF+ common indicators need (Regulation (EU) 2021/1057, Annex I), for a group in
 * an EU-funded project, with why they are asked and the consent that keeping them needs.
 */
export function IndicatorQuestions({ project, answers, onChange, askAge, consentMissing }: Props) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const set = <K extends keyof IndicatorAnswers>(key: K, value: IndicatorAnswers[K]) => onChange({ ...answers, [key]: value });
  const question = (key: keyof typeof CHOICES) => (
    <RadioGroup
      name={`${ids}-${key}`}
      legend={t(`indicators.${key}.legend`)}
      // Every key exists in both languages (test/i18n.test.ts); the default only satisfies the typed keys.
      options={CHOICES[key].map((value: string) => ({ value, label: t(`indicators.${key}.${value}`, { defaultValue: value }) }))}
      value={answers[key]}
      onChange={(value) => set(key, value as never)}
    />
  );
  const projectName = i18n.language === 'en' && project.nameEn ? project.nameEn : project.nameLv;
  return (
    <fieldset className="indicator-questions" aria-describedby={`${ids}-why`}>
      <legend>{t('indicators.legend')}</legend>
      <div id={`${ids}-why`}>
        <p>{t('indicators.project', { code: project.code, name: projectName })}</p>
        <p>{t('indicators.why')}</p>
      </div>
      {question('gender')}
      {askAge && question('ageBand')}
      {question('employmentStatus')}
      {question('educationLevel')}
      {FLAGS.map((name) => (
        <RadioGroup
          key={name}
          name={`${ids}-${name}`}
          legend={t(`indicators.flags.${name}`)}
          options={[
            { value: 'yes', label: t('indicators.yes') },
            { value: 'no', label: t('indicators.no') },
          ]}
          value={answers.flags[name]}
          onChange={(value) => set('flags', { ...answers.flags, [name]: value as 'yes' | 'no' | '' })}
        />
      ))}
      <div className="choice">
        <input
          id={`${ids}-consent`}
          type="checkbox"
          checked={answers.consent}
          onChange={(event) => set('consent', event.target.checked)}
          aria-required="true"
          aria-invalid={consentMissing || undefined}
          aria-describedby={consentMissing ? `${ids}-consent-problem` : undefined}
        />
        <label htmlFor={`${ids}-consent`}>{t('indicators.consent')}</label>
      </div>
      {consentMissing && (
        <p id={`${ids}-consent-problem`} className="field-problem">
          {t('indicators.consentRequired')}
        </p>
      )}
    </fieldset>
  );
}
