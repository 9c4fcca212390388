import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mapDialResult, parseRoutedTo } from '../../jobs/result-map.ts';

const closed = (callResult: number) => ({ callStatus: 3, callResult });

describe('mapDialResult', () => {
  test('pending, UCCX callback and UCCX retry rows change nothing', () => {
    for (const callStatus of [1, 4, 6, 7, 8]) assert.deepEqual(mapDialResult({ callStatus, callResult: 11 }, null), { kind: 'none' });
  });
  test('callstatus 2 is dialing, or completed once the IVR routed it', () => {
    assert.deepEqual(mapDialResult({ callStatus: 2, callResult: null }, null), { kind: 'dialing' });
    assert.deepEqual(mapDialResult({ callStatus: 2, callResult: null }, 'agent:1001'), { kind: 'completed', routedTo: 'agent:1001' });
  });
  test('voice is completed when routed, answered (connected) while not routed yet', () => {
    assert.deepEqual(mapDialResult(closed(1), 'csq:CSQ_Sales'), { kind: 'completed', routedTo: 'csq:CSQ_Sales' });
    assert.deepEqual(mapDialResult(closed(1), null), { kind: 'answered' });
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
});

describe('parseRoutedTo', () => {
  test('splits the target kind from its name', () => {
    assert.deepEqual(parseRoutedTo('agent:1001'), { target: 'agent', name: '1001' });
    assert.deepEqual(parseRoutedTo('csq:CSQ_Sales'), { target: 'csq', name: 'CSQ_Sales' });
    assert.deepEqual(parseRoutedTo('script:Collect:v2'), { target: 'script', name: 'Collect:v2' });
  });
});
