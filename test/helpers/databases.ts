// Storage tests run on SQLite and on the real PostgreSQL server. Each call makes a fresh,
// uniquely named database so test files can run in parallel, and removes it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../../db/index.ts';

export const PG_ADMIN_URL = process.env.CM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const name = `cm_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cm-test-'));
    return { url: `sqlite:${join(dir, `${name}.sqlite`)}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A migrated database of the given dialect, closed and dropped by the returned cleanup. */
export async function openTestDb(dialect: TestDialect): Promise<{ db: Db; url: string; cleanup(): Promise<void> }> {
  const target = await createTestDatabase(dialect);
  const db = await openDatabase(target.url);
  return {
    db,
    url: target.url,
    cleanup: async () => {
      await db.close();
      await target.drop();
    },
  };
}
