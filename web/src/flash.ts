// A one-time confirmation carried to the next page (e.g. "User created" on the list).
let pending: string | null = null;

export function setFlash(message: string) {
  pending = message;
}

/** Reads the pending confirmation; `clearFlash` (in an effect) drops it once shown. */
export const peekFlash = () => pending;
export function clearFlash() {
  pending = null;
}
