import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../errors';
import type { ProfileForm } from './useProfileForm';

/** The text for a field problem: by its code, never the api's English message. */
export function useFieldProblemText() {
  const { t } = useTranslation();
  return (problem: FieldProblem) => {
    if (problem.code === 'REQUIRED' && problem.field === 'email') return t('fieldError.REQUIRED_EMAIL');
    if (problem.code === 'REQUIRED' && problem.field.startsWith('employer.')) return t('fieldError.REQUIRED_BILLING');
    return t(`fieldError.${problem.code}`);
  };
}

interface TextFieldProps {
  form: ProfileForm;
  /** The api's name of the field, e.g. `email` or `employer.invoiceEmail`. */
  field: string;
  /** Default: the label the form gave the field. */
  label?: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  required?: boolean;
  maxLength?: number;
  /** Multi-line input, for addresses. */
  rows?: number;
}

/** A labelled input with its hint and, after a refused save, its problem underneath. */
export function TextField({ form, field, label, hint, value, onChange, type = 'text', autoComplete, inputMode, required, maxLength, rows }: TextFieldProps) {
  const { t } = useTranslation();
  const problemText = useFieldProblemText();
  const id = form.idFor(field);
  const problem = form.problemOf(field);
  const describedBy = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field,
    value,
    required,
    maxLength,
    autoComplete,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={`field${problem ? ' field-has-problem' : ''}`}>
      <label htmlFor={id}>
        {label ?? form.labelOf(field)}
        {required && <span className="field-required"> ({t('form.required')})</span>}
      </label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} spellCheck={type === 'text' ? undefined : false} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-problem" id={`${id}-problem`}>
          <span className="visually-hidden">{t('form.problemPrefix')} </span>
          {problemText(problem)}
        </p>
      )}
    </div>
  );
}

/**
 * With more than one problem, the list of them at the top of the form, linking to each field; it
 * takes focus after a refused save. With one, focus goes to the field itself.
 */
export function ProblemSummary({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const problemText = useFieldProblemText();
  if (form.problems.length < 2) return null;
  const toField = (field: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(form.idFor(field))?.focus();
  };
  return (
    <div className="notice notice-error problem-summary" id={`${form.id}-summary`} tabIndex={-1} aria-labelledby={`${form.id}-summary-title`} role="group">
      <p className="notice-title" id={`${form.id}-summary-title`}>
        {t('form.problems', { count: form.problems.length })}
      </p>
      <ul>
        {form.problems.map((problem) => (
          <li key={`${problem.field} ${problem.code}`}>
            <a href={`#${form.idFor(problem.field)}`} onClick={toField(problem.field)}>
              {form.labelOf(problem.field)}: {problemText(problem)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The end of a profile form: its save button, the polite announcement of a save and, for failures
 * that are not about one field, an alert that takes focus.
 */
export function FormFooter({ form, label, children }: { form: ProfileForm; label: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const problemText = useFieldProblemText();
  return (
    <>
      {form.formError && (
        <div className="notice notice-error" role="alert" id={`${form.id}-error`} tabIndex={-1}>
          <p className="notice-title">{t('form.notSaved')}</p>
          <p>{t(`errors.${form.formError}`)}</p>
          {form.otherProblems.length > 0 && (
            <ul>
              {form.otherProblems.map((p) => (
                <li key={`${p.field} ${p.code}`}>{problemText(p)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-actions">
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus while saving. */}
        <button type="submit" className="button button-primary" aria-disabled={form.saving || undefined}>
          {form.saving ? t('form.saving') : label}
        </button>
        {children}
      </div>
      {/* Always in the page, so that the message is announced when it appears. */}
      <p className="form-saved" role="status" aria-live="polite">
        {form.savedMessage && (
          <>
            <span className="form-saved-mark" aria-hidden="true">
              ✓{' '}
            </span>
            {form.savedMessage}
          </>
        )}
      </p>
    </>
  );
}

interface ConfirmPanelProps {
  /** Prefix of the ids tying the group to its question and explanation. */
  id: string;
  question: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  /** Shown above the buttons (a refusal from the api). */
  problem?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" in place of the button that asked: it takes focus when it opens; Escape or the cancel button close it. */
export function ConfirmPanel({ id, question, text, confirmLabel, cancelLabel, busy, problem, onConfirm, onCancel }: ConfirmPanelProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p className="notice-title" id={`${id}-question`} ref={heading} tabIndex={-1}>
        {question}
      </p>
      <p id={`${id}-text`}>{text}</p>
      {problem}
      <div className="form-actions">
        <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={onConfirm}>
          {busy ? t('form.saving') : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
