// A recording stand-in for `tedious`, given to Sequelize's real mssql dialect as `dialectModule`:
// every statement Sequelize sends (with its typed parameters) is recorded, and answers come back
// the way tedious delivers SQL Server's: `row` events of column objects, then the request callback
// with the row count (plus `doneInProc`/`done`). Answers are scripted per statement pattern, so a
// test can say "this DELETE removed 7 rows" or "this OUTPUT returned these rows".
import { EventEmitter } from 'node:events';
import { Sequelize, Transaction } from 'sequelize';
import { createSequelize } from '../../db/connect.ts';
import { sqlFor } from '../../db/dialect/sql.ts';
import { defineModels } from '../../db/models/define.ts';
import type { Db } from '../../db/index.ts';

export interface Answer {
  rows?: Array<Record<string, unknown>>;
  /** What SQL Server reports as affected rows (DONE token); defaults to rows.length. */
  rowCount?: number;
  error?: Error & { number?: number };
}

export interface Recorded {
  sql: string;
  params: Record<string, { type: string; value: unknown }>;
}

interface Rule {
  pattern: RegExp;
  answer: Answer | ((sql: string, params: Recorded['params']) => Answer);
  once: boolean;
}

type Type = { name: string };
const type = (name: string): Type => ({ name });
export const TYPES = Object.fromEntries(
  ['NVarChar', 'VarChar', 'Int', 'BigInt', 'Numeric', 'Decimal', 'Bit', 'VarBinary', 'DateTimeOffset', 'DateTime2', 'Float', 'Real', 'UniqueIdentifier', 'Text', 'NText'].map((n) => [n, type(n)]),
) as Record<string, Type>;
export const ISOLATION_LEVEL = { NO_CHANGE: 0, READ_UNCOMMITTED: 1, READ_COMMITTED: 2, REPEATABLE_READ: 3, SERIALIZABLE: 4, SNAPSHOT: 5 };

export class FakeSqlServer {
  readonly statements: Recorded[] = [];
  /** The config object each Connection was constructed with (what tedious would get). */
  readonly configs: Array<Record<string, unknown>> = [];
  private rules: Rule[] = [];
  /** What any SQL Server answers regardless of the test: its version (Sequelize asks on connect). */
  private readonly base: Rule[] = [
    { pattern: /SERVERPROPERTY\('ProductVersion'\)/, answer: { rows: [{ version: '16.0.4135' }] }, once: false },
    { pattern: /^INSERT INTO \[?\w+\]? \(.*\) OUTPUT INSERTED\./i, answer: (sql, params) => this.insertOutput(sql, params), once: false },
  ];
  private nextIdentity = 1;

  /** INSERT … OUTPUT INSERTED.…: SQL Server returns the inserted row (with a new IDENTITY id). */
  private insertOutput(sql: string, params: Recorded['params']): Answer {
    const columns = /^INSERT INTO \[?\w+\]? \(([^)]*)\)/.exec(sql)![1]!.split(',').map((c) => c.trim().replace(/^\[|\]$/g, ''));
    // Bound (@0) or inlined (N'a, b', NULL, 0) values; commas inside quotes do not separate.
    const values = (/VALUES \((.*)\);?$/.exec(sql)?.[1]?.match(/N?'(?:[^']|'')*'|[^,]+/g) ?? []).map((v) => v.trim());
    const row: Record<string, unknown> = { id: this.nextIdentity++ };
    columns.forEach((c, i) => {
      const marker = values[i] ?? '';
      row[c] = marker.startsWith('@') ? params[marker.slice(1)]?.value : marker === 'NULL' ? null : /^N?'/.test(marker) ? marker.replace(/^N?'|'$/g, '').replace(/''/g, "'") : Number(marker);
    });
    return { rows: [row], rowCount: 1 };
  }

  /** Answer statements matching `pattern` (first matching rule wins; `once` rules are used up). */
  answer(pattern: RegExp, answer: Rule['answer'], { once = false } = {}): this {
    this.rules.push({ pattern, answer, once });
    return this;
  }

  reset(): void {
    this.statements.length = 0;
    this.rules = [];
  }

  respond(sql: string, params: Recorded['params']): Answer {
    const i = this.rules.findIndex((r) => r.pattern.test(sql));
    const rule = i >= 0 ? this.rules[i]! : this.base.find((r) => r.pattern.test(sql));
    if (!rule) return { rows: [], rowCount: 0 };
    if (i >= 0 && rule.once) this.rules.splice(i, 1);
    return typeof rule.answer === 'function' ? rule.answer(sql, params) : rule.answer;
  }

  /** The module handed to Sequelize as `dialectModule`: the parts of tedious its mssql dialect uses. */
  module() {
    const server = this;

    class Request extends EventEmitter {
      readonly params: Recorded['params'] = {};
      constructor(readonly sqlText: string, readonly callback: (err: Error | null, rowCount?: number) => void) {
        super();
      }
      addParameter(name: string, t: Type, value: unknown) {
        this.params[name] = { type: t.name, value };
      }
    }

    class Connection extends EventEmitter {
      readonly STATE = { INITIALIZED: { name: 'Initialized' }, LOGGED_IN: { name: 'LoggedIn' }, FINAL: { name: 'Final' } };
      state = this.STATE.INITIALIZED;
      loggedIn = false;
      closed = false;
      constructor(readonly config: Record<string, unknown>) {
        super();
        server.configs.push(config);
      }
      connect() {
        setImmediate(() => {
          this.state = this.STATE.LOGGED_IN;
          this.loggedIn = true;
          this.emit('connect');
        });
      }
      close() {
        this.closed = true;
        this.state = this.STATE.FINAL;
        setImmediate(() => this.emit('end'));
      }
      execSql(request: Request) {
        server.statements.push({ sql: request.sqlText, params: request.params });
        setImmediate(() => {
          const answer = server.respond(request.sqlText, request.params);
          if (answer.error) return request.callback(answer.error);
          const rows = answer.rows ?? [];
          for (const row of rows) {
            request.emit('row', Object.entries(row).map(([colName, value]) => ({ metadata: { colName, type: { id: 'fake' } }, value })));
          }
          const rowCount = answer.rowCount ?? rows.length;
          request.emit('doneInProc', rowCount, true, rows);
          request.callback(null, rowCount);
        });
      }
      private control(sql: string, cb: (err: Error | null) => void) {
        server.statements.push({ sql, params: {} });
        setImmediate(() => cb(null));
      }
      beginTransaction(cb: (err: Error | null) => void, name?: string, isolationLevel?: number) {
        this.control(`BEGIN TRANSACTION${name ? ` ${name.length > 0 ? '<name>' : ''}` : ''} (isolation ${isolationLevel ?? 'default'})`, cb);
      }
      commitTransaction(cb: (err: Error | null) => void) {
        this.control('COMMIT TRANSACTION', cb);
      }
      rollbackTransaction(cb: (err: Error | null) => void) {
        this.control('ROLLBACK TRANSACTION', cb);
      }
      saveTransaction(cb: (err: Error | null) => void) {
        this.control('SAVE TRANSACTION <name>', cb);
      }
      cancel() {}
    }

    return { Connection, Request, TYPES, ISOLATION_LEVEL };
  }
}

/** A Db on Sequelize's real mssql dialect over the fake server (db/connect.ts builds the options). */
export function openFakeMssqlDb(server: FakeSqlServer, url = 'mssql://cm:secret@sql.example.test:1433/cm'): Db {
  const sequelize: Sequelize = createSequelize(url, { dialectModule: server.module(), pool: { max: 1, min: 0 } });
  return {
    sequelize,
    models: defineModels(sequelize),
    dialect: 'mssql',
    sql: sqlFor('mssql'),
    transaction: <T>(fn: (t: Transaction) => Promise<T>) => sequelize.transaction(fn),
    close: () => sequelize.close(),
  };
}

/** Statements as reviewable text: one per block, parameters (dates as ISO) on the line below. */
export function snapshotText(sections: Array<{ title: string; statements: Recorded[] }>): string {
  const out: string[] = ['-- SQL Server statements the Campaign Manager sends (test/db/mssql.test.ts; UPDATE_MSSQL_SNAPSHOT=1 rewrites this file).', ''];
  for (const { title, statements } of sections) {
    out.push(`-- ## ${title}`);
    for (const s of statements) {
      out.push(s.sql.trim());
      const params = Object.entries(s.params).map(([k, v]) => `@${k} ${v.type} = ${JSON.stringify(v.value instanceof Date ? v.value.toISOString() : v.value)}`);
      if (params.length) out.push(`--   ${params.join(', ')}`);
    }
    out.push('');
  }
  return out.join('\n');
}
