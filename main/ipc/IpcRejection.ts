/** An invoke main refused: the message reaches the renderer's rejected promise as is. */
export class IpcRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRejection';
  }
}
