/**
 * One line per event on stdout (`docker logs` is the only log sink in these images), prefixed with
 * an ISO timestamp and the app name so the three services stay readable when interleaved.
 */
export function makeLogger(app: string, write: (line: string) => void = (l) => process.stdout.write(l)) {
  return (message: string): void => {
    write(`${new Date().toISOString()} ${app}: ${message}\n`);
  };
}

export type Logger = ReturnType<typeof makeLogger>;

/** A readable message from anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
