/** Sends an element's sound to a device; '' is the system default (and follows it). */
export function routeTo(element: HTMLMediaElement, sinkId: string): void {
  if (element.sinkId === sinkId) return;
  element.setSinkId(sinkId).catch((error: unknown) => {
    // A device unplugged between main's choice and here: main hears of it through devicechange.
    console.warn('OpenCCP engine: could not route audio to the chosen device', error);
  });
}
