import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorCodeOf, fieldProblemsOf, type ErrorCode, type FieldProblem } from '../errors';

type Status<T> = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; saved: T } | { kind: 'failed'; code: ErrorCode; problems: FieldProblem[] };

export interface ProfileForm {
  /** Prefix of every id in this form. */
  id: string;
  saving: boolean;
  /** The success message to announce, once saved. */
  savedMessage: string | null;
  /** A failure that is not about one of this form's fields (network, session ended, …). */
  formError: ErrorCode | null;
  /** Field problems the api reported for fields this form does not have. */
  otherProblems: FieldProblem[];
  /** Field problems of the last attempt, in the order of the form's fields. */
  problems: FieldProblem[];
  idFor(field: string): string;
  labelOf(field: string): string;
  problemOf(field: string): FieldProblem | undefined;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
}

/**
 * A form that sends one mutation: keeps what the person typed when the api refuses it, maps field
 * problems to the fields, and moves focus to the first field in error (or to the form's error
 * message) so that keyboard and screen reader users land on what needs fixing: the field itself
 * when it is the only one, otherwise a summary of them.
 */
export function useSubmitForm<T>({
  fields,
  submit,
  savedMessage,
  onSaved,
}: {
  /** The api's names of this form's fields with their labels, in screen order. */
  fields: Readonly<Record<string, string>>;
  /** Sends the form, read at submit time; resolves with what the api answered. */
  submit: () => Promise<T>;
  /** The announcement after a save; may depend on what was saved. */
  savedMessage: (saved: T) => string;
  onSaved?: (saved: T) => void;
}): ProfileForm {
  const id = useId();
  const [status, setStatus] = useState<Status<T>>({ kind: 'idle' });
  const [focusRequest, setFocusRequest] = useState(0);
  const saving = useRef(false);

  const idFor = useCallback((field: string) => `${id}-${field.replace(/\W/g, '-')}`, [id]);
  const names = Object.keys(fields);
  const problems = status.kind === 'failed' ? status.problems : [];
  const own = problems.filter((p) => names.includes(p.field)).sort((a, b) => names.indexOf(a.field) - names.indexOf(b.field));
  // A failure without field problems, or with problems of fields this form lacks, is a form error.
  const otherProblems = problems.filter((p) => !names.includes(p.field));
  const formError = status.kind === 'failed' && (problems.length === 0 || otherProblems.length > 0) ? status.code : null;

  useEffect(() => {
    if (focusRequest === 0) return;
    const target =
      own.length > 1
        ? document.getElementById(`${id}-summary`)
        : own[0]
          ? document.getElementById(idFor(own[0].field))
          : document.getElementById(`${id}-error`);
    target?.focus();
    // Only a new failed attempt moves focus, not a re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the other values are read as they are at that attempt
  }, [focusRequest]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving.current) return;
    saving.current = true;
    setStatus({ kind: 'saving' });
    submit()
      .then((saved) => {
        onSaved?.(saved);
        setStatus({ kind: 'saved', saved });
      })
      .catch((error: unknown) => {
        const failure = error instanceof Error ? error : undefined;
        setStatus({ kind: 'failed', code: errorCodeOf(failure), problems: fieldProblemsOf(failure) });
        setFocusRequest((n) => n + 1);
      })
      .finally(() => {
        saving.current = false;
      });
  };

  return {
    id,
    saving: status.kind === 'saving',
    // Worded at render time: saving the language switches the interface before this is read.
    savedMessage: status.kind === 'saved' ? savedMessage(status.saved) : null,
    formError,
    otherProblems,
    problems: own,
    idFor,
    labelOf: (field) => fields[field] ?? field,
    problemOf: (field) => own.find((p) => p.field === field),
    onSubmit,
  };
}
