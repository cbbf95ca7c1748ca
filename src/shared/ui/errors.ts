/**
 * Turns a failed message into plain words. The usual failure is that the background worker
 * (or a tab's content script) is not there to answer.
 */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  if (/receiving end does not exist|could not establish connection/i.test(text)) {
    return 'The extension did not answer. Try closing this window and opening it again.';
  }
  return text ? `Something went wrong: ${text}` : 'Something went wrong.';
}

/** A reply of the wrong shape is treated like no reply: the UI never guesses at data. */
export function expectReply<T>(reply: T | undefined | null, what: string): T {
  if (reply === undefined || reply === null) throw new Error(`no answer for ${what}`);
  return reply;
}
