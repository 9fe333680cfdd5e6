/**
 * The answer that takes our unanswered offer back to the media both ends last agreed on, built
 * from the far end's last description.
 *
 * Why not `setLocalDescription({type: 'rollback'})`: in Chromium 156 rolling back a re-offer on
 * an established connection resets its ICE transport, and the remote track stays silent even
 * once media flows again (stats show audio arriving, every sink gets zeros). Completing the
 * offer with an answer identical to what was agreed changes nothing on the wire or in the
 * transport, and leaves the connection stable as a rollback would.
 */
export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

const DIRECTION = /^a=(sendrecv|sendonly|recvonly|inactive)$/;

/** Their side of a direction we agreed on: what we send they receive. */
const REVERSED: Readonly<Record<MediaDirection, MediaDirection>> = {
  sendrecv: 'sendrecv',
  sendonly: 'recvonly',
  recvonly: 'sendonly',
  inactive: 'inactive',
};

/**
 * @param remoteSdp the far end's current description (their last offer or answer)
 * @param localSdp our current description, whose DTLS role the answer must keep
 * @param agreed our agreed direction per media section (transceiver.currentDirection by mid)
 */
export function restoringAnswer(
  remoteSdp: string,
  localSdp: string,
  agreed: (mid: string) => MediaDirection | undefined,
): string {
  const ourRole = /^a=setup:(\w+)$/m.exec(localSdp)?.[1];
  // If their description was an offer it says actpass; an answer must name the role they took.
  const theirRole = ourRole === 'active' ? 'passive' : ourRole === 'passive' ? 'active' : undefined;
  const [session = '', ...media] = remoteSdp.split(/\r\n(?=m=)/);
  const sections = media.map((section) => {
    const lines = section.split('\r\n');
    const mid = lines.find((line) => line.startsWith('a=mid:'))?.slice('a=mid:'.length);
    const ours = mid === undefined ? undefined : agreed(mid);
    if (!ours) return section;
    const theirs = `a=${REVERSED[ours]}`;
    const at = lines.findIndex((line) => DIRECTION.test(line));
    if (at >= 0) lines[at] = theirs;
    else lines.splice(lines[lines.length - 1] === '' ? lines.length - 1 : lines.length, 0, theirs);
    return lines.join('\r\n');
  });
  const sdp = [session, ...sections].join('\r\n');
  return theirRole ? sdp.replace(/^a=setup:actpass$/gm, `a=setup:${theirRole}`) : sdp;
}
