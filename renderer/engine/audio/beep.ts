/**
 * The short cue an agent hears when a call is auto-accepted (D2), so a call never starts
 * silently in their ear. Resolves when the beep has finished.
 */
export async function playBeep(frequencyHz = 880, durationMs = 180): Promise<void> {
  const context = new AudioContext();
  try {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequencyHz;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    oscillator.stop();
  } finally {
    await context.close();
  }
}
