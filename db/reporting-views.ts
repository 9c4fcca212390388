// The reporting views CUIC (or any SQL reporting tool) reads: plain column names and types, one row
// per callback (rpt_callbacks) and one per attempt (rpt_attempts), no JSON left to parse. Built
// from the callbacks and their history, so they are right for every row the product keeps.
// Only the JSON field extraction differs per dialect (db/dialect/sql.ts jsonText).
import type { DialectSql } from './dialect/sql.ts';

const firstAt = (events: string[]) =>
  `(SELECT MIN(h.at) FROM callback_history h WHERE h.callback_id = c.id AND h.event IN (${events.map((e) => `'${e}'`).join(', ')}))`;

/** One row per callback: who booked what for when, where it ended, and when each step first happened. */
export const rptCallbacks = (): string => `
SELECT
  c.id AS callback_id,
  c.account_number,
  c.campaign,
  c.skill,
  c.agent_id,
  c.type AS callback_type,
  c.source,
  c.status,
  c.reason,
  c.attempts,
  c.last_result,
  c.scheduled_at AS promised_at,
  c.time_zone AS customer_time_zone,
  c.created_by AS booked_by,
  c.team_id,
  c.created_at AS booked_at,
  c.updated_at AS last_change_at,
  ${firstAt(['imported'])} AS first_imported_at,
  ${firstAt(['dial_result'])} AS first_dial_result_at,
  ${firstAt(['arrived'])} AS agent_connected_at,
  ${firstAt(['completed', 'failed', 'expired', 'cancelled'])} AS ended_at,
  CASE WHEN EXISTS (SELECT 1 FROM callback_history f WHERE f.callback_id = c.id AND f.event = 'fallback_to_skill') THEN 1 ELSE 0 END AS fell_back_to_skill
FROM callbacks c`;

/**
 * One row per attempt (each import into UCCX), with the last UCCX result read for it: the last
 * dial_result after this import and before the next one.
 */
export const rptAttempts = (sql: DialectSql): string => `
SELECT
  i.id AS attempt_id,
  i.callback_id,
  c.campaign,
  c.skill,
  c.agent_id,
  c.type AS callback_type,
  c.scheduled_at AS promised_at,
  i.at AS imported_at,
  CAST(${sql.jsonText('i.details', 'dialingListId')} AS INTEGER) AS dialing_list_id,
  r.at AS result_at,
  CAST(${sql.jsonText('r.details', 'callStatus')} AS INTEGER) AS call_status,
  CAST(${sql.jsonText('r.details', 'callResult')} AS INTEGER) AS call_result,
  ${sql.jsonText('r.details', 'result')} AS result_name
FROM callback_history i
JOIN callbacks c ON c.id = i.callback_id
LEFT JOIN callback_history r ON r.id = (
  SELECT MAX(x.id) FROM callback_history x
  WHERE x.callback_id = i.callback_id AND x.event = 'dial_result' AND x.id > i.id
    AND NOT EXISTS (SELECT 1 FROM callback_history n WHERE n.callback_id = i.callback_id AND n.event = 'imported' AND n.id > i.id AND n.id < x.id))
WHERE i.event = 'imported'`;
