import { ValueError } from './value-error';

/**
 * Splits a command string into words the way a POSIX shell would tokenize it (quotes and backslashes),
 * without any expansion. Compose passes string `command`/`entrypoint` through such a splitter.
 *
 * @throws ValueError on an unterminated quote.
 */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1])) word += text[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote !== undefined) throw new ValueError(`unterminated ${quote} quote in "${text}"`);
  if (inWord) words.push(word);
  return words;
}
