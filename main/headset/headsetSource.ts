/**
 * Where headsets are read on each OS. Linux: node-hid, with the descriptor from sysfs
 * (NodeHidPort). Windows and macOS: node-hid gives no descriptor there, so WebHID in the
 * engine page, whose collections carry it (WebHidPort). Elsewhere: no headsets.
 */
export type HeadsetSource = 'nodeHid' | 'webHid' | 'none';

export function headsetSourceFor(platform: NodeJS.Platform): HeadsetSource {
  if (platform === 'linux') return 'nodeHid';
  if (platform === 'win32' || platform === 'darwin') return 'webHid';
  return 'none';
}
