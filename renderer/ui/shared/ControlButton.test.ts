import type { MouseEvent, ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ControlButton } from './ControlButton';

type ButtonElement = ReactElement<{
  onClick(event: MouseEvent<HTMLButtonElement>): void;
  disabled?: boolean;
  'aria-disabled'?: boolean;
}>;

const click = (element: ButtonElement) =>
  element.props.onClick({} as MouseEvent<HTMLButtonElement>);

describe('ControlButton', () => {
  it('ignores clicks while unavailable, but stays focusable (never `disabled`)', () => {
    const onClick = vi.fn();
    const element = ControlButton({ testId: 'hold', unavailable: true, onClick }) as ButtonElement;
    click(element);
    expect(onClick).not.toHaveBeenCalled();
    expect(element.props['aria-disabled']).toBe(true);
    expect(element.props.disabled).toBeUndefined();
  });

  it('passes clicks on when available', () => {
    const onClick = vi.fn();
    const element = ControlButton({ testId: 'hold', onClick }) as ButtonElement;
    click(element);
    expect(onClick).toHaveBeenCalledOnce();
    expect(element.props['aria-disabled']).toBeUndefined();
  });
});
