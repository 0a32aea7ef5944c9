/**
 * The SQL the charm runs (through psql inside the container) to prepare a consumer's role and
 * database. Pure: every identifier and literal is quoted here, so no config or relation value can
 * change the statements' shape.
 */

/** `"name"` with embedded double quotes doubled. */
export function quoteIdent(name: string): string {
  if (name.includes('\0')) throw new RangeError('SQL identifier contains NUL');
  return `"${name.replace(/"/g, '""')}"`;
}

/** `'text'` with embedded single quotes doubled (standard_conforming_strings is on since 9.1). */
export function quoteLiteral(text: string): string {
  if (text.includes('\0')) throw new RangeError('SQL literal contains NUL');
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Creates the login role when missing and (re)sets its password from a SCRAM verifier, so the
 * clear-text password never reaches the server or its logs.
 */
export function ensureRoleSql(role: string, scramVerifier: string): string {
  return [
    `DO $rxcharm$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(role)}) THEN CREATE ROLE ${quoteIdent(role)} LOGIN; END IF; END $rxcharm$;`,
    `ALTER ROLE ${quoteIdent(role)} WITH LOGIN PASSWORD ${quoteLiteral(scramVerifier)};`,
  ].join('\n');
}

/** Query printing the database's owner, or nothing when it does not exist (CREATE DATABASE cannot run inside DO). */
export function databaseOwnerSql(database: string): string {
  return `SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database WHERE datname = ${quoteLiteral(database)};`;
}

/** Creates a database owned by `owner`. */
export function createDatabaseSql(database: string, owner: string): string {
  return `CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(owner)};`;
}

/**
 * The statements that give `user` a database whose current owner is `owner` (`''`: it does not
 * exist). A new database, or one only the superuser owns, is owned by `user` (PostgreSQL 15 lets
 * only the owner create tables in `public`). One owned by another consumer's role is shared: `user`
 * becomes a member of that role, so both can work on the same tables.
 */
export function databaseSteps(database: string, user: string, owner: string): string[] {
  const grant = `GRANT ALL PRIVILEGES ON DATABASE ${quoteIdent(database)} TO ${quoteIdent(user)};`;
  if (owner === '') return [createDatabaseSql(database, user)];
  if (owner === user) return [grant];
  if (owner === 'postgres') return [`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${quoteIdent(user)};\n${grant}`];
  return [`GRANT ${quoteIdent(owner)} TO ${quoteIdent(user)};\n${grant}`];
}

/** Creates each requested (non-login) role when missing and grants it to `user`. */
export function grantRolesSql(user: string, roles: readonly string[]): string {
  return roles
    .map((r) =>
      [
        `DO $rxcharm$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(r)}) THEN CREATE ROLE ${quoteIdent(r)} NOLOGIN; END IF; END $rxcharm$;`,
        `GRANT ${quoteIdent(r)} TO ${quoteIdent(user)};`,
      ].join('\n'),
    )
    .join('\n');
}

/**
 * Creates the requested extensions in the current database; a `name:schema` entry installs the
 * extension into that schema (created when missing), as the pgsql protocol allows.
 */
export function extensionsSql(extensions: readonly string[]): string {
  return extensions
    .map((entry) => {
      const at = entry.indexOf(':');
      if (at < 0) return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(entry)};`;
      const schema = quoteIdent(entry.slice(at + 1));
      return `CREATE SCHEMA IF NOT EXISTS ${schema};\nCREATE EXTENSION IF NOT EXISTS ${quoteIdent(entry.slice(0, at))} SCHEMA ${schema};`;
    })
    .join('\n');
}
