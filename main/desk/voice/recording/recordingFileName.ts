/**
 * A recording's file name: when the call was recorded (local time, sortable), the other
 * party's number and the contact's id, so files sort by time, say whom the call was with and
 * never collide. The number is the caller's own text: everything a file system could read as
 * a path or a special name is dropped.
 */
export function recordingFileName(startedAt: Date, peerNumber: string, contactId: string): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp =
    `${startedAt.getFullYear()}-${pad(startedAt.getMonth() + 1)}-${pad(startedAt.getDate())}` +
    ` ${pad(startedAt.getHours())}-${pad(startedAt.getMinutes())}-${pad(startedAt.getSeconds())}`;
  const peer = peerNumber.replace(/[^0-9A-Za-z+_-]/g, '').slice(0, 32) || 'unknown';
  const id = contactId.replace(/[^0-9A-Za-z]/g, '').slice(0, 8);
  return `${stamp} ${peer} ${id}.webm`;
}
