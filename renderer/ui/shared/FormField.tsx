import type { InputHTMLAttributes, Ref } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'ref'> {
  id: string;
  label: string;
  /** Small text after the label, e.g. "optional". */
  labelNote?: string;
  testId: string;
  error?: string | undefined;
  errorTestId: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Extra element ids describing the field (the form-level error naming it). */
  describedBy?: string | undefined;
}

/** A labelled input with its own validation message, linked for screen readers. */
export function FormField({
  id,
  label,
  labelNote,
  testId,
  error,
  errorTestId,
  inputRef,
  describedBy,
  ...inputProps
}: Props) {
  const errorId = `${id}-error`;
  const described = [error ? errorId : undefined, describedBy].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {labelNote ? <span className="field__note"> {labelNote}</span> : null}
      </label>
      <input
        {...inputProps}
        id={id}
        ref={inputRef}
        className="field__input"
        data-testid={testId}
        aria-invalid={error || describedBy ? true : undefined}
        aria-describedby={described || undefined}
      />
      {error ? (
        <p id={errorId} className="field__error" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
