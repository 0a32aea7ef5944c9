import { isAbsolute, join } from 'node:path';
import type { ParsedArgs } from './flag-parser';
import { formatOutput, outputFormat } from './output-format';
import type { ToolEnv, ToolOutput } from './tool-env';

/** Formats a tool's value per `--format` and prints it, or writes it to `-o/--output FILE`. */
export function emit(env: ToolEnv, parsed: ParsedArgs, value: unknown): ToolOutput {
  const text = formatOutput(value, outputFormat(parsed.flags.format));
  const target = parsed.flags.o;
  if (typeof target === 'string' && target !== '') {
    env.writeFile(isAbsolute(target) ? target : join(env.cwd, target), text);
    return {};
  }
  return { stdout: text };
}
