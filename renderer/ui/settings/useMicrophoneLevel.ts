import { useEffect, useState } from 'react';
import { useCcp } from '../app/CcpContext';

/**
 * The microphone's live level (0..1) while the component is on screen: the meter is turned on
 * when it mounts and off when it unmounts, and also while the window is hidden (closed to the
 * tray, minimized), so the engine only measures while someone can see the bar.
 */
export function useMicrophoneLevel(): number {
  const api = useCcp();
  const [level, setLevel] = useState(0);
  useEffect(() => {
    let stop: (() => void) | undefined;
    const follow = () => {
      const visible = document.visibilityState === 'visible';
      if (visible && !stop) stop = api.settings.watchMicrophoneLevel(setLevel);
      if (!visible && stop) {
        stop();
        stop = undefined;
        setLevel(0);
      }
    };
    follow();
    document.addEventListener('visibilitychange', follow);
    return () => {
      document.removeEventListener('visibilitychange', follow);
      stop?.();
    };
  }, [api]);
  return level;
}
