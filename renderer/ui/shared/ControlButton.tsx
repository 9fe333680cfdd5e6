import type { ButtonHTMLAttributes } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'type'> {
  testId: string;
  /**
   * Not available right now (a hold under way, a transfer pending). Announced as dimmed and
   * clicks are ignored, but unlike `disabled` the button keeps keyboard focus: a control that
   * blinks disabled while its own request runs would drop the agent's focus to the page.
   */
  unavailable?: boolean;
}

/** A call-control button: Hold, Mute, Join, Swap, Leave, a party's End... */
export function ControlButton({ testId, unavailable = false, onClick, ...rest }: Props) {
  return (
    <button
      {...rest}
      type="button"
      data-testid={testId}
      aria-disabled={unavailable || undefined}
      onClick={(event) => {
        if (!unavailable) onClick?.(event);
      }}
    />
  );
}
