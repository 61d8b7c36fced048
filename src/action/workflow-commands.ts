/**
 * GitHub Actions workflow commands (`::error::` and friends): the runner turns these stdout lines into
 * annotations on the run, so a failure is visible without opening the log.
 */
export type Write = (line: string) => void;

/** Data may not carry raw newlines or `%`, or the runner would cut the message or misread it. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export interface Annotator {
  error(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
  info(message: string): void;
}

export function annotator(write: Write): Annotator {
  return {
    error: (message) => write(`::error::${escapeData(message)}`),
    warning: (message) => write(`::warning::${escapeData(message)}`),
    notice: (message) => write(`::notice::${escapeData(message)}`),
    info: (message) => write(message),
  };
}
