/** Placeholder barrel: filled in by the issue that builds this folder. */
export {};
