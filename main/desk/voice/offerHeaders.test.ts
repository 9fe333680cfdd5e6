import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFER_HEADER_NAMES, MAX_QUEUE_NAME_LENGTH, offerDetails } from './offerHeaders';

describe('offer headers', () => {
  it('reads the queue and the callback flag under the default names, any case', () => {
    expect(
      offerDetails(
        { 'x-queue-name': '  Sales EMEA ', 'x-callback': '1' },
        DEFAULT_OFFER_HEADER_NAMES,
      ),
    ).toEqual({ queue: 'Sales EMEA', callback: true });
  });

  it('reads custom header names', () => {
    const names = { queueName: 'P-Asserted-Queue', callback: 'Queue-Callback' };
    expect(offerDetails({ 'p-asserted-queue': 'Billing', 'queue-callback': 'yes' }, names)).toEqual(
      { queue: 'Billing', callback: true },
    );
    expect(offerDetails({ 'x-queue-name': 'Billing' }, names)).toEqual({});
  });

  it.each(['', '0', 'false', 'FALSE', ' no '])(
    'reads callback value %j as not a callback',
    (value) => {
      expect(offerDetails({ 'x-callback': value }, DEFAULT_OFFER_HEADER_NAMES)).toEqual({});
    },
  );

  it('cuts a long queue name and drops a blank one', () => {
    const long = offerDetails({ 'x-queue-name': 'q'.repeat(200) }, DEFAULT_OFFER_HEADER_NAMES);
    expect(long.queue).toHaveLength(MAX_QUEUE_NAME_LENGTH);
    expect(offerDetails({ 'x-queue-name': '   ' }, DEFAULT_OFFER_HEADER_NAMES)).toEqual({});
  });
});
