import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from 'libphonenumber-js';
import { DialRequest, type DeskState } from '../../../common/contract';
// Pure formatting shared with main's dialing rules, so the pad shows what will be dialled.
import { formatAsTyped } from '../../../common/dialing/formatAsTyped';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { Keypad } from './Keypad';
import { useFocusWhenLost } from '../shared/useFocusWhenLost';
import { useIntent } from '../shared/useIntent';

/** Outbound dialing: type or paste a number (or SIP user / URI), or tap the keypad. */
export function NumberPad({
  dialing,
  dialDraft,
  prefill,
}: Pick<DeskState, 'dialing' | 'dialDraft'> & {
  /** A number the agent picked from the recent contacts (D4); `seq` changes with each pick. */
  prefill?: { target: string; seq: number } | undefined;
}) {
  const { t } = useTranslation();
  const api = useCcp();
  const dial = useIntent();
  const [target, setTarget] = useState(dialDraft?.target ?? '');
  const [draftSeq, setDraftSeq] = useState(dialDraft?.seq);
  // A new tel:/sip: link replaces what is in the pad (adjusting state during render, per React).
  if (dialDraft && dialDraft.seq !== draftSeq) {
    setDraftSeq(dialDraft.seq);
    setTarget(dialDraft.target);
  }
  const [prefillSeq, setPrefillSeq] = useState(prefill?.seq);
  if (prefill && prefill.seq !== prefillSeq) {
    setPrefillSeq(prefill.seq);
    setTarget(prefill.target);
  }
  const formatted = formatAsTyped(target, dialing.defaultCountry as CountryCode);
  const [emptyError, setEmptyError] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The pad appears when a contact is cleared: the number field takes the focus Clear lost.
  useFocusWhenLost(input);
  // A picked number goes into the field with the focus, so Enter calls it.
  useEffect(() => {
    if (prefill) input.current?.focus();
  }, [prefill]);

  const edit = (next: string): void => {
    setTarget(next);
    setEmptyError(false);
    dial.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = DialRequest.safeParse({ target });
    if (!parsed.success) {
      setEmptyError(true);
      input.current?.focus();
      return;
    }
    void dial.run(() => api.calls.dial(parsed.data.target));
  };

  const errorShown = emptyError || dial.failure !== undefined;

  return (
    <section className="numpad" aria-labelledby="numpad-title">
      <h2 id="numpad-title" className="section-title">
        {t('numpad.title')}
      </h2>
      <form className="numpad__form" onSubmit={onSubmit} noValidate>
        <div className="numpad__entry">
          <label htmlFor="numpad-input" className="sr-only">
            {t('numpad.inputLabel')}
          </label>
          <input
            id="numpad-input"
            ref={input}
            className="numpad__input"
            data-testid="numpad-input"
            type="text"
            inputMode="tel"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={128}
            placeholder={t('numpad.placeholder')}
            value={target}
            aria-invalid={errorShown || undefined}
            aria-describedby={errorShown ? 'dial-error' : undefined}
            onChange={(event) => edit(event.target.value)}
          />
          <button
            type="button"
            className="numpad__backspace"
            aria-label={t('numpad.backspace')}
            title={t('numpad.backspace')}
            disabled={target === ''}
            onClick={() => {
              edit(target.slice(0, -1));
              input.current?.focus();
            }}
          >
            ⌫
          </button>
        </div>

        {formatted !== target && formatted !== '' ? (
          <p className="numpad__formatted" data-testid="numpad-formatted" aria-live="polite">
            {formatted}
          </p>
        ) : null}

        <div id="dial-error">
          {emptyError ? (
            <p className="intent-error" role="alert" data-testid="dial-error">
              {t('errors.dial.empty')}
            </p>
          ) : (
            <IntentError failure={dial.failure} context="dial" testId="dial-error" />
          )}
        </div>

        <Keypad
          testIdFor={(key) => `numpad-digit-${key.id}`}
          label={t('numpad.keypad')}
          onKey={(symbol) => edit(target + symbol)}
        />

        <button
          type="submit"
          className="button button--call button--block"
          data-testid="numpad-call"
          disabled={dial.pending}
        >
          <span aria-hidden="true" className="button__icon">
            ✆
          </span>
          {t('numpad.call')}
        </button>
      </form>
    </section>
  );
}
