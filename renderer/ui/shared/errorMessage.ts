/** The text of whatever a rejected promise carried (ipcRenderer.invoke rejects with an Error). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return String(error);
}
