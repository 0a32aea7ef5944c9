/** The active status message of a ready unit, e.g. `hello from hello`. */
export function readyMessage(greeting: string, charm: string): string {
  const word = greeting.trim().length > 0 ? greeting.trim() : 'hello';
  return `${word} from ${charm}`;
}
