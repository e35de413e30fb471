// A form's draft and its validation: errors show once the user has tried to submit, and the form
// element refuses the browser's own validation and submit in favour of ours.
import { useState, type FormEvent } from 'react';

type FieldErrors = Partial<Record<string, string>>;

export function useDraftForm<D extends object, E extends FieldErrors>(
  initial: () => D,
  validate: (draft: D) => E,
) {
  const [draft, setDraft] = useState<D>(initial);
  const [submitted, setSubmitted] = useState(false);
  const errors: E | Partial<E> = submitted ? validate(draft) : {};
  const change = (patch: Partial<D>) => setDraft((current) => ({ ...current, ...patch }));
  /** Shows the errors from now on; true when the draft may be sent. */
  const check = () => {
    setSubmitted(true);
    return Object.keys(validate(draft)).length === 0;
  };
  const formProps = (label: string, submit: () => Promise<void>) => ({
    noValidate: true,
    'aria-label': label,
    onSubmit: (event: FormEvent) => {
      event.preventDefault();
      void submit();
    },
  });
  return { draft, setDraft, change, errors, check, formProps };
}
