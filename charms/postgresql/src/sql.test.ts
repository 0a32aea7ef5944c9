import {
  createDatabaseSql,
  databaseOwnerSql,
  databaseSteps,
  ensureRoleSql,
  extensionsSql,
  grantRolesSql,
  quoteIdent,
  quoteLiteral,
} from './sql';

describe('sql', () => {
  it('quotes identifiers and literals by doubling the quote character', () => {
    expect(quoteIdent('app')).toBe('"app"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(() => quoteIdent('a\0b')).toThrow(RangeError);
    expect(() => quoteLiteral('a\0b')).toThrow(RangeError);
  });

  it('creates a role only when missing and sets its password from the verifier', () => {
    const sql = ensureRoleSql('voting-app', 'SCRAM-SHA-256$4096:c2FsdA==$x:y');
    expect(sql).toContain(`WHERE rolname = 'voting-app'`);
    expect(sql).toContain('CREATE ROLE "voting-app" LOGIN;');
    expect(sql).toContain(`ALTER ROLE "voting-app" WITH LOGIN PASSWORD 'SCRAM-SHA-256$4096:c2FsdA==$x:y';`);
  });

  it('keeps a hostile name inside its quotes', () => {
    const name = `x"; DROP TABLE t; --`;
    expect(createDatabaseSql(name, 'u')).toBe(`CREATE DATABASE "x""; DROP TABLE t; --" OWNER "u";`);
    expect(databaseOwnerSql(`x'; DROP`)).toBe(
      `SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database WHERE datname = 'x''; DROP';`,
    );
  });

  it("creates a missing database, takes over a superuser-owned one, shares another consumer's", () => {
    expect(databaseSteps('db', 'u', '')).toEqual(['CREATE DATABASE "db" OWNER "u";']);
    expect(databaseSteps('db', 'u', 'u')).toEqual(['GRANT ALL PRIVILEGES ON DATABASE "db" TO "u";']);
    expect(databaseSteps('db', 'u', 'postgres')).toEqual([
      'ALTER DATABASE "db" OWNER TO "u";\nGRANT ALL PRIVILEGES ON DATABASE "db" TO "u";',
    ]);
    expect(databaseSteps('db', 'u', 'first')).toEqual([
      'GRANT "first" TO "u";\nGRANT ALL PRIVILEGES ON DATABASE "db" TO "u";',
    ]);
  });

  it('grants roles and creates extensions', () => {
    expect(grantRolesSql('u', ['r1', 'r2'])).toMatch(
      /CREATE ROLE "r1" NOLOGIN;[\s\S]*GRANT "r1" TO "u";[\s\S]*CREATE ROLE "r2" NOLOGIN;[\s\S]*GRANT "r2" TO "u";/,
    );
    expect(grantRolesSql('u', [])).toBe('');
    expect(extensionsSql(['uuid-ossp', 'hstore'])).toBe(
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\nCREATE EXTENSION IF NOT EXISTS "hstore";',
    );
  });
});
