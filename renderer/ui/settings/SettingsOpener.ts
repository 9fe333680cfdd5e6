import { createContext, useContext } from 'react';

/**
 * Opens the settings screen from wherever its gear is (the sign-in screen, the desk header)
 * without threading a callback through every view.
 */
export const SettingsOpener = createContext<() => void>(() => undefined);

export function useOpenSettings(): () => void {
  return useContext(SettingsOpener);
}
