/** An input the run cannot use at all: the message names the file, the line and what was expected. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly detail: string;

  constructor(file: string, line: number | null, detail: string) {
    super(`${file}${line ? `, line ${line}` : ''}: ${detail}`);
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
}
