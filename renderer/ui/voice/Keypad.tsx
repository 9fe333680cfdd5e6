import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KEYPAD_KEYS, type KeypadKey } from './keypadKeys';

interface Props {
  /** Each key's test id: `numpad-digit-star` on the number pad, `dtmf-*` on the DTMF pad. */
  testIdFor(key: KeypadKey): string;
  label: string;
  onKey(symbol: string): void;
  /** Typing a keypad character while a key has focus presses that key (the DTMF pad). */
  typeable?: boolean;
  disabled?: boolean;
}

const TYPEABLE = /^[0-9*#]$/;

/** The 3x4 phone keypad; each key is a button, so it works with Tab and Enter too. */
export function Keypad({ testIdFor, label, onKey, typeable = false, disabled = false }: Props) {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!typeable || disabled || !TYPEABLE.test(event.key)) return;
    event.preventDefault();
    onKey(event.key);
  };
  return (
    <div className="keypad" role="group" aria-label={label} onKeyDown={onKeyDown}>
      {KEYPAD_KEYS.map((key) => (
        <button
          key={key.id}
          type="button"
          className="keypad__key"
          data-testid={testIdFor(key)}
          // The name holds the visible text ("2 ABC"): speech users say what they see.
          aria-label={key.nameKey ? t(key.nameKey) : `${key.symbol} ${key.letters}`.trim()}
          disabled={disabled}
          onClick={() => onKey(key.symbol)}
        >
          <span className="keypad__symbol">{key.symbol}</span>{' '}
          <span className="keypad__letters">{key.letters}</span>
        </button>
      ))}
    </div>
  );
}
