/**
 * The slice of node-hid's `HIDAsync` the headset code uses: write a report, hear input reports
 * and errors (an unplugged device errors), close. node-hid's class fits it as is; the tests'
 * stand-in device implements only this.
 */
export interface HidDevice {
  /** The report id first (0 when the device numbers none), then the data. */
  write(values: number[]): Promise<number>;
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(): unknown;
  close(): Promise<void>;
}
