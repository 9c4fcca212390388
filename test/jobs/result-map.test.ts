import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mapDialResult, parseRoutedTo, type CallOutcome } from '../../jobs/result-map.ts';
import { DEFAULT_CALLRESULT_MAP, parseCallResultMap } from '../../domain/rules/call-results.ts';
import { loadConfig } from '../../config/settings.ts';

const closed = (callResult: number) => ({ callStatus: 3, callResult });
const agentTalked = (routedTo: string): CallOutcome => ({ routedTo, disposition: 2, agentConnected: true });
const abandonedInQueue = (routedTo: string): CallOutcome => ({ routedTo, disposition: 1, agentConnected: false });

describe('mapDialResult', () => {
  test('pending, UCCX callback and UCCX retry rows change nothing', () => {
    for (const callStatus of [1, 4, 6, 7, 8]) assert.deepEqual(mapDialResult({ callStatus, callResult: 11 }, null), { kind: 'none' });
  });
  test('callstatus 2 is dialing, or completed once an agent talked', () => {
    assert.deepEqual(mapDialResult({ callStatus: 2, callResult: null }, null), { kind: 'dialing' });
    assert.deepEqual(mapDialResult({ callStatus: 2, callResult: null }, agentTalked('agent:1001')), { kind: 'completed', routedTo: 'agent:1001' });
  });
  test('voice is completed only when ContactCallDetail has an agent leg; routed alone is not reached', () => {
    assert.deepEqual(mapDialResult(closed(1), agentTalked('csq:CSQ_Sales')), { kind: 'completed', routedTo: 'csq:CSQ_Sales' });
    assert.deepEqual(mapDialResult(closed(1), null), { kind: 'answered' }, 'call not over: connected');
    assert.deepEqual(mapDialResult(closed(1), abandonedInQueue('csq:CSQ_Sales')), { kind: 'attempt_failed', outcome: 'abandoned', result: 'abandoned_in_queue' });
    assert.deepEqual(mapDialResult(closed(1), { routedTo: 'not_confirmed', disposition: 2, agentConnected: false }), { kind: 'attempt_failed', outcome: 'not_confirmed', result: 'no_agent' });
    assert.deepEqual(mapDialResult({ callStatus: 2, callResult: null }, abandonedInQueue('agent:1001')), { kind: 'attempt_failed', outcome: 'abandoned', result: 'abandoned_in_queue' });
  });
  test('busy, no answer, answering machine, abandoned, gateway failure and wrong person are failed attempts', () => {
    const table: Array<[number, string, string]> = [
      [11, 'busy', 'busy'],
      [15, 'no_answer', 'no_answer'],
      [3, 'answering_machine', 'answering_machine'],
      [16, 'abandoned', 'abandoned'],
      [18, 'abandoned', 'customer_abandoned'],
      [17, 'gateway_failure', 'gateway_failure'],
      [7, 'wrong_person', 'wrong_person'],
      [12, 'default', 'agent_no_response'],
      [10, 'default', 'skip_close'],
      [99, 'default', 'result_99'],
    ];
    for (const [code, outcome, result] of table) assert.deepEqual(mapDialResult(closed(code), null), { kind: 'attempt_failed', outcome, result }, `callresult ${code}`);
  });
  test('invalid, wrong number, do-not-call and fax fail the callback for good', () => {
    assert.deepEqual(mapDialResult(closed(4), null), { kind: 'failed', reason: 'invalid_number', result: 'invalid' });
    assert.deepEqual(mapDialResult(closed(6), null), { kind: 'failed', reason: 'wrong_number', result: 'wrong_number' });
    assert.deepEqual(mapDialResult(closed(5), null), { kind: 'failed', reason: 'do_not_call', result: 'do_not_call' });
    assert.deepEqual(mapDialResult(closed(2), null), { kind: 'failed', reason: 'fax', result: 'fax' });
  });
  test('max calls (callstatus 5) closes the row like callstatus 3', () => {
    assert.deepEqual(mapDialResult({ callStatus: 5, callResult: 11 }, null), { kind: 'attempt_failed', outcome: 'busy', result: 'busy' });
  });
  test('a site map (CM_UCCX_CALLRESULT_MAP) overrides single codes: 10 as a connected call', () => {
    const map = parseCallResultMap('{"10":"answered"}');
    assert.deepEqual(mapDialResult(closed(10), agentTalked('agent:1001'), map), { kind: 'completed', routedTo: 'agent:1001' });
    assert.deepEqual(mapDialResult(closed(10), null, map), { kind: 'answered' });
    assert.deepEqual(mapDialResult(closed(1), null, map), { kind: 'answered' }, 'the other codes keep the Schema Guide meaning');
  });
});

describe('parseCallResultMap', () => {
  test('defaults to the Schema Guide table; refuses unknown outcomes, codes and non-objects', () => {
    assert.equal(parseCallResultMap(undefined), DEFAULT_CALLRESULT_MAP);
    assert.deepEqual([DEFAULT_CALLRESULT_MAP[1], DEFAULT_CALLRESULT_MAP[10], DEFAULT_CALLRESULT_MAP[18]], ['answered', 'default', 'abandoned']);
    assert.equal(parseCallResultMap('{"3":"no_answer"}')[3], 'no_answer');
    assert.throws(() => parseCallResultMap('{"10":"connected"}'), /not one of/);
    assert.throws(() => parseCallResultMap('{"x":"busy"}'), /not a callresult code/);
    assert.throws(() => parseCallResultMap('[1]'), /JSON object/);
    assert.throws(() => parseCallResultMap('{'), /JSON object/);
  });
  test('loadConfig reads CM_UCCX_CALLRESULT_MAP into config.uccx.callResultMap', () => {
    assert.equal(loadConfig({}).uccx.callResultMap[10], 'default');
    assert.equal(loadConfig({ CM_UCCX_CALLRESULT_MAP: '{"10":"answered"}' }).uccx.callResultMap[10], 'answered');
    assert.throws(() => loadConfig({ CM_UCCX_CALLRESULT_MAP: '{"10":"yes"}' }), /CM_UCCX_CALLRESULT_MAP/);
  });
});

describe('parseRoutedTo', () => {
  test('splits the target kind from its name', () => {
    assert.deepEqual(parseRoutedTo('agent:1001'), { target: 'agent', name: '1001' });
    assert.deepEqual(parseRoutedTo('csq:CSQ_Sales'), { target: 'csq', name: 'CSQ_Sales' });
    assert.deepEqual(parseRoutedTo('script:Collect:v2'), { target: 'script', name: 'Collect:v2' });
  });
});
