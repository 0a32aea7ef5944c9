/**
 * Names of roles and databases the charm creates. They are always double-quoted in SQL, but are
 * also restricted to a plain alphabet so they read the same in libpq strings, URIs and logs.
 */

const PG_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/;

/** True for a name the charm accepts for a role or database. */
export function isPgName(value: string): boolean {
  return PG_NAME.test(value);
}

/**
 * A role or database name derived from a consumer application name: characters outside the
 * alphabet become `_`, a leading digit or `-` gets a `_` prefix, and it is cut to 63 bytes.
 */
export function nameForApplication(application: string): string {
  let name = application.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
  return name.slice(0, 63);
}
