// Control and bidi-override characters (issue 9): refused in every text field of REST bodies, query
// strings and paths, GraphQL literals and variables with a clear code; names neutralised for CSV.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { now, personalBooking, skillBooking } from '../api/fixtures.ts';
import { containsUnsafeText, isSafeField, isSafeText, neutralizeCsvFormula } from '../../domain/text.ts';
import { buildContactsCsv, parseCsvObjects } from '../../jobs/uccx/csv.ts';

const HOSTILE = ['Jan\nKowalski', 'Jan\u0000', 'a\tb', 'x\u007F', 'x\u0085', 'x\u009B', 'abc\u202Egnp.exe', 'x\u2066y', 'x\u2069', '\r'];

test('isSafeText: C0, DEL, C1 and bidi overrides are refused; ordinary text of any script passes', () => {
  for (const s of HOSTILE) assert.equal(isSafeText(s), false, JSON.stringify(s));
  for (const s of ['Jan Kowalski', 'Zażółć gęślą jaźń', 'Müller-Lüdenscheidt', "O'Brien", 'محمد', '山田 太郎', '😀', '']) assert.equal(isSafeText(s), true, s);
});

test('isSafeField / containsUnsafeText: notes may hold line breaks and tabs, nothing else may; keys are checked too', () => {
  assert.equal(isSafeField('notes', 'line 1\r\nline 2\tx'), true);
  for (const bad of ['\u0000', '\u0007', '\u000B', '\u001B', '\u007F', '\u0085', '\u202E', '\u2066']) assert.equal(isSafeField('notes', `a${bad}`), false, JSON.stringify(bad));
  assert.equal(isSafeField('lastName', 'a\nb'), false);
  assert.equal(containsUnsafeText({ a: [{ b: 'ok', notes: 'x\ny' }] }), false);
  assert.equal(containsUnsafeText({ a: [{ b: 'x\ny' }] }), true);
  assert.equal(containsUnsafeText({ 'k\u0000': 1 }), true);
});

test('neutralizeCsvFormula: a leading = + - @ becomes text for spreadsheets; the CSV carries it', () => {
  assert.equal(neutralizeCsvFormula('=HYPERLINK("http://x")'), `'=HYPERLINK("http://x")`);
  for (const s of ['+1', '-2', '@SUM(A1)']) assert.equal(neutralizeCsvFormula(s), `'${s}`);
  assert.equal(neutralizeCsvFormula('Anna-Maria'), 'Anna-Maria');
  const csv = buildContactsCsv([{ accountNumber: 'CB1', firstName: '=cmd|/C calc!A0', lastName: '@x', phone1: '0221234567' }]);
  const [row] = parseCsvObjects(csv);
  assert.equal(row.firstname, `'=cmd|/C calc!A0`);
  assert.equal(row.lastname, `'@x`);
  assert.equal(row.phone1, '0221234567', 'numbers untouched');
  const long = buildContactsCsv([{ accountNumber: 'CB2', firstName: `=${'x'.repeat(60)}`, lastName: 'y', phone1: '1' }]);
  assert.equal(parseCsvObjects(long)[0].firstname.length, 50, 'still within the UCCX limit');
});

for (const dialect of DIALECTS) {
  describe(`control characters on ${dialect}`, () => {
    test('REST bodies: every text field answers 400 invalid_characters, nothing is stored', async (t) => {
      const app = await build(t, { dialect, now });
      for (const field of ['firstName', 'lastName', 'notes', 'phone', 'campaign', 'skill', 'timeZone', 'scheduledAt']) {
        for (const bad of field === 'notes' ? ['A\u0000B', 'A\u202EB', 'A\u001BB'] : ['A\nB', 'A\u0000B', 'A\u202EB']) {
          const base = skillBooking();
          const value = field === 'scheduledAt' ? `2026-12-01T12:00${bad}` : `${(base as Record<string, string>)[field]}${bad}`;
          const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: { ...base, [field]: value } });
          assert.equal(res.statusCode, 400, `${field} ${JSON.stringify(bad)}: ${res.body}`);
          assert.equal(res.json().error, 'invalid_characters');
        }
      }
      // Notes are multi-line (the gadget's textarea).
      const cb = (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking({ notes: 'line 1\nline 2' }) })).json();
      assert.equal(cb.notes, 'line 1\nline 2');
      const cancel = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/cancel`, headers: as('1001'), payload: { reason: 'no\u0000' } });
      assert.equal(cancel.json().error, 'invalid_characters');
      const admin = await app.inject({ method: 'PUT', url: '/api/v1/admin/skills/Night', headers: as('9001'), payload: { csq: 'CSQ\nX', timeZone: 'Europe/Warsaw', hours: {} } });
      assert.equal(admin.json().error, 'invalid_characters');
      // A route whose schema has no pattern is covered by the body check all the same.
      const bulk = await app.inject({ method: 'POST', url: '/api/v1/callbacks/bulk/reassign', headers: as('2001'), payload: { fromAgentId: '1001', toSkill: 'Sales\u0000' } });
      assert.equal(bulk.json().error, 'invalid_characters', bulk.body);
      const list = (await app.inject({ url: '/api/v1/callbacks', headers: as('9001') })).json().items;
      assert.equal(list.length, 1, 'only the clean booking was stored');
    });

    test('query strings and paths: 400 invalid_characters, never a 500 (the NUL filter on SQLite)', async (t) => {
      const app = await build(t, { dialect, now });
      for (const url of ['/api/v1/callbacks?skill=Sales%00', '/api/v1/callbacks?campaign=%E2%80%AE', '/api/v1/availability?campaign=CB_MAIN%0A&from=2026-12-01&to=2026-12-02', '/api/v1/admin/skills/x%00y']) {
        const res = await app.inject({ url, headers: as('9001') });
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.equal(res.json().error, 'invalid_characters');
      }
    });

    test('GraphQL: literals and variables answer INVALID_CHARACTERS before anything runs', async (t) => {
      const app = await build(t, { dialect, now });
      const BOOK = 'mutation($i: BookInput!) { bookCallback(input: $i) { callback { id } } }';
      const byVariable = (await app.inject({ method: 'POST', url: '/graphql', headers: as('1001'), payload: { query: BOOK, variables: { i: personalBooking({ lastName: 'Kowalski\n' }) } } })).json();
      assert.equal(byVariable.errors[0].extensions.code, 'INVALID_CHARACTERS');
      const literal = '{ callbacks(filter: { skill: "Sales\\u0000" }) { nextCursor } }';
      const byLiteral = (await app.inject({ method: 'POST', url: '/graphql', headers: as('1001'), payload: { query: literal } })).json();
      assert.equal(byLiteral.errors[0].extensions.code, 'INVALID_CHARACTERS');
      assert.equal(byLiteral.data ?? null, null);
      const list = (await app.inject({ url: '/api/v1/callbacks', headers: as('9001') })).json().items;
      assert.equal(list.length, 0);
      const multiline = (await app.inject({ method: 'POST', url: '/graphql', headers: as('1001'), payload: { query: BOOK, variables: { i: personalBooking({ notes: 'a\nb' }) } } })).json();
      assert.ok(multiline.data.bookCallback.callback.id, JSON.stringify(multiline));
      const literalNotes = `mutation { cancelCallback(id: "${multiline.data.bookCallback.callback.id}", reason: "x\\ny") { callback { id } } }`;
      assert.equal((await app.inject({ method: 'POST', url: '/graphql', headers: as('1001'), payload: { query: literalNotes } })).json().errors[0].extensions.code, 'INVALID_CHARACTERS', 'a reason is one line');
    });
  });
}
