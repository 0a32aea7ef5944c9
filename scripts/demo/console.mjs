/**
 * The demo's output: numbered steps with timings, indented detail lines, and a final summary.
 * Colour only on a TTY (and never with NO_COLOR).
 */
const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
export const bold = paint('1');
export const green = paint('32');
export const red = paint('31');
export const dim = paint('2');
export const cyan = paint('36');

let stepNumber = 0;

/** Prints a step header and returns a function that prints its outcome with the elapsed time. */
export function step(title) {
  stepNumber += 1;
  const started = Date.now();
  process.stdout.write(`\n${bold(`[${stepNumber}] ${title}`)}\n`);
  return {
    number: stepNumber,
    done(note = '') {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`    ${green('ok')} ${dim(`(${seconds}s)`)}${note ? ` ${note}` : ''}\n`);
      return Number(seconds);
    },
  };
}

/** An indented detail line. */
export function info(text) {
  process.stdout.write(`    ${text}\n`);
}

/** Indents a block (command output shown inside a step). */
export function block(text) {
  const body = text.replace(/\s+$/, '');
  if (body !== '')
    process.stdout.write(
      `${body
        .split('\n')
        .map((l) => `    ${dim('│')} ${l}`)
        .join('\n')}\n`,
    );
}
