/**
 * A malformed value found by one of the small field parsers. The compose parser turns it into a
 * `ComposeFileError` carrying file, path and line; the field parsers stay location-free and pure.
 */
export class ValueError {
  constructor(
    readonly message: string,
    /** Extra path segments below the field being parsed (e.g. an index in a list). */
    readonly subpath: readonly (string | number)[] = [],
  ) {}
}
