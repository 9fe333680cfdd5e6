/**
 * The fixture headsets as WebHID would show them: their ids and name, and the collections
 * Chromium would give for their real descriptors (webHidCollections.testkit).
 */
import type { HidDeviceInfo } from '../../../common/contract';
import { parseReportDescriptor } from '../descriptor/parseReportDescriptor';
import { webHidCollectionsOf } from '../descriptor/webHidCollections.testkit';
import { descriptorBytes, type FixtureName } from '../fixtures.testkit';
import { FIXTURE_IDS } from '../StandInHeadsetPort.testkit';

/** A device as the engine page describes it to main, but for the page's own id. */
export type WebHidDeviceInfo = Omit<HidDeviceInfo, 'deviceId'>;

export function standInHidInfo(name: FixtureName): WebHidDeviceInfo {
  const [vendorId, productId, productName] = FIXTURE_IDS[name];
  const collections = webHidCollectionsOf(parseReportDescriptor(descriptorBytes(name)));
  return { vendorId, productId, productName, collections };
}
