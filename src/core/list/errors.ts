/** An error in a list file, carrying the file and the place so the message can name both. */
export class ListFileError extends Error {
  constructor(
    readonly reason: string,
    readonly file = '(input)',
    readonly place?: string,
  ) {
    super(`${file}${place ? ` (${place})` : ''}: ${reason}`);
    this.name = 'ListFileError';
  }
}
