-- SQL Server statements the Campaign Manager sends (test/db/mssql.test.ts; UPDATE_MSSQL_SNAPSHOT=1 rewrites this file).

-- ## migrations
DECLARE @ms_ver NVARCHAR(20); SET @ms_ver = REVERSE(CONVERT(NVARCHAR(20), SERVERPROPERTY('ProductVersion'))); SELECT REVERSE(SUBSTRING(@ms_ver, CHARINDEX('.', @ms_ver)+1, 20)) AS 'version'
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
SELECT [name] FROM [SequelizeMeta] AS [SequelizeMeta] ORDER BY [SequelizeMeta].[name] ASC;
IF OBJECT_ID('[holiday_calendars]', 'U') IS NULL CREATE TABLE [holiday_calendars] ([id] INTEGER IDENTITY(1,1) , [name] NVARCHAR(50) NOT NULL UNIQUE, [country] NVARCHAR(2) NULL, [region] NVARCHAR(10) NULL, [custom_dates] NVARCHAR(MAX) NOT NULL, [created_at] DATETIMEOFFSET NOT NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([id]));
IF OBJECT_ID('[campaigns]', 'U') IS NULL CREATE TABLE [campaigns] ([id] INTEGER IDENTITY(1,1) , [name] NVARCHAR(40) NOT NULL UNIQUE, [uccx_campaign_name] NVARCHAR(40) NOT NULL, [uccx_campaign_id] INTEGER NULL, [ddi] NVARCHAR(16) NOT NULL, [default_country] NVARCHAR(2) NOT NULL, [time_zone] NVARCHAR(64) NOT NULL, [dial_plan] NVARCHAR(MAX) NOT NULL, [retry_policy] NVARCHAR(MAX) NULL, [ivr_script] NVARCHAR(100) NULL, [holiday_calendar_id] INTEGER NULL, [created_at] DATETIMEOFFSET NOT NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([id]), FOREIGN KEY ([holiday_calendar_id]) REFERENCES [holiday_calendars] ([id]));
IF OBJECT_ID('[skills]', 'U') IS NULL CREATE TABLE [skills] ([id] INTEGER IDENTITY(1,1) , [name] NVARCHAR(50) NOT NULL UNIQUE, [csq] NVARCHAR(50) NOT NULL, [time_zone] NVARCHAR(64) NOT NULL, [hours] NVARCHAR(MAX) NOT NULL, [ivr_script] NVARCHAR(100) NULL, [holiday_calendar_id] INTEGER NULL, [created_at] DATETIMEOFFSET NOT NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([id]), FOREIGN KEY ([holiday_calendar_id]) REFERENCES [holiday_calendars] ([id]));
IF OBJECT_ID('[global_rules]', 'U') IS NULL CREATE TABLE [global_rules] ([id] INTEGER , [lead_minutes] INTEGER NOT NULL, [horizon_days] INTEGER NOT NULL, [window_start] NVARCHAR(5) NOT NULL, [window_end] NVARCHAR(5) NOT NULL, [slot_minutes] INTEGER NOT NULL, [capacity_per_skill_slot] INTEGER NOT NULL, [capacity_per_agent_slot] INTEGER NOT NULL, [expiry_hours] INTEGER NOT NULL, [personal_fallback_seconds] INTEGER NOT NULL, [created_at] DATETIMEOFFSET NOT NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([id]));
IF OBJECT_ID('[teams]', 'U') IS NULL CREATE TABLE [teams] ([id] NVARCHAR(20) , [name] NVARCHAR(100) NOT NULL, [created_at] DATETIMEOFFSET NOT NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([id]));
IF OBJECT_ID('[agents]', 'U') IS NULL CREATE TABLE [agents] ([id] NVARCHAR(50) , [first_name] NVARCHAR(50) NOT NULL, [last_name] NVARCHAR(50) NOT NULL, [team_id] NVARCHAR(20) NULL, [role] NVARCHAR(20) NOT NULL, [created_at] DATETIMEOFFSET NOT NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([id]));
CREATE INDEX [agents_team_id] ON [agents] ([team_id])
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0001-configuration"
IF OBJECT_ID('[callbacks]', 'U') IS NULL CREATE TABLE [callbacks] ([id] INTEGER IDENTITY(1,1) , [account_number] NVARCHAR(25) NOT NULL UNIQUE, [campaign] NVARCHAR(40) NOT NULL, [type] NVARCHAR(10) NOT NULL, [agent_id] NVARCHAR(50) NULL, [skill] NVARCHAR(50) NULL, [first_name] NVARCHAR(50) NOT NULL, [last_name] NVARCHAR(50) NOT NULL, [phone] NVARCHAR(40) NOT NULL, [phone_e164] NVARCHAR(16) NOT NULL, [dial_string] NVARCHAR(28) NOT NULL, [scheduled_at] DATETIMEOFFSET NOT NULL, [slot_start] DATETIMEOFFSET NOT NULL, [time_zone] NVARCHAR(64) NOT NULL, [status] NVARCHAR(20) NOT NULL, [reason] NVARCHAR(40) NULL, [attempts] INTEGER NOT NULL DEFAULT 0, [last_result] NVARCHAR(40) NULL, [next_attempt_at] DATETIMEOFFSET NULL, [notes] NVARCHAR(1000) NULL, [source] NVARCHAR(10) NOT NULL, [created_by] NVARCHAR(50) NOT NULL, [team_id] NVARCHAR(20) NULL, [created_at] DATETIMEOFFSET NOT NULL, [updated_at] DATETIMEOFFSET NOT NULL, [version] INTEGER NOT NULL DEFAULT 1, PRIMARY KEY ([id]));
CREATE INDEX [callbacks_status_scheduled_at] ON [callbacks] ([status], [scheduled_at])
CREATE INDEX [callbacks_agent_id_scheduled_at] ON [callbacks] ([agent_id], [scheduled_at])
CREATE INDEX [callbacks_team_id_scheduled_at] ON [callbacks] ([team_id], [scheduled_at])
CREATE UNIQUE INDEX [callbacks_one_active_per_number] ON [callbacks] ([phone_e164], [campaign]) WHERE [status] IN (N'scheduled', N'dispatching', N'queued', N'dialing', N'connected', N'retry_wait')
IF OBJECT_ID('[callback_history]', 'U') IS NULL CREATE TABLE [callback_history] ([id] INTEGER IDENTITY(1,1) , [callback_id] INTEGER NOT NULL, [at] DATETIMEOFFSET NOT NULL, [event] NVARCHAR(30) NOT NULL, [actor] NVARCHAR(50) NOT NULL, [details] NVARCHAR(MAX) NOT NULL, PRIMARY KEY ([id]), FOREIGN KEY ([callback_id]) REFERENCES [callbacks] ([id]) ON DELETE CASCADE);
CREATE INDEX [callback_history_callback_id_id] ON [callback_history] ([callback_id], [id])
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0002-callbacks"
IF OBJECT_ID('[slot_counters]', 'U') IS NULL CREATE TABLE [slot_counters] ([scope] NVARCHAR(80) , [slot_start] DATETIMEOFFSET , [booked] INTEGER NOT NULL DEFAULT 0, PRIMARY KEY ([scope], [slot_start]));
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0003-slot-counters"
ALTER TABLE [callbacks] ADD [claimed_by] NVARCHAR(100) NULL;
ALTER TABLE [callbacks] ADD [lease_until] DATETIMEOFFSET NULL;
ALTER TABLE [callbacks] ADD [uccx_campaign_id] INTEGER NULL;
ALTER TABLE [callbacks] ADD [uccx_dialing_list_id] BIGINT NULL;
ALTER TABLE [callbacks] ADD [imported_at] DATETIMEOFFSET NULL;
CREATE INDEX [callbacks_uccx_dialing_list_id] ON [callbacks] ([uccx_dialing_list_id])
IF OBJECT_ID('[do_not_call_numbers]', 'U') IS NULL CREATE TABLE [do_not_call_numbers] ([phone_e164] NVARCHAR(16) , [flagged_at] DATETIMEOFFSET NOT NULL, [source] NVARCHAR(40) NOT NULL, PRIMARY KEY ([phone_e164]));
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0004-dispatch"
IF OBJECT_ID('[job_locks]', 'U') IS NULL CREATE TABLE [job_locks] ([name] NVARCHAR(60) , [owner] NVARCHAR(100) NULL, [lease_until] DATETIMEOFFSET NULL, [last_run_key] NVARCHAR(40) NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([name]));
IF OBJECT_ID('[uccx_sync_cursors]', 'U') IS NULL CREATE TABLE [uccx_sync_cursors] ([uccx_campaign_id] INTEGER , [last_dialing_list_id] BIGINT NOT NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([uccx_campaign_id]));
IF OBJECT_ID('[uccx_contact_observations]', 'U') IS NULL CREATE TABLE [uccx_contact_observations] ([dialing_list_id] BIGINT , [callback_id] INTEGER NOT NULL, [signature] NVARCHAR(100) NOT NULL, [calls_counted] INTEGER NOT NULL, [observed_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([dialing_list_id]));
CREATE INDEX [uccx_contact_observations_callback_id] ON [uccx_contact_observations] ([callback_id])
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0005-jobs"
CREATE INDEX [callbacks_updated_at] ON [callbacks] ([updated_at])
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0006-change-feed"
IF OBJECT_ID('[dependency_status]', 'U') IS NULL CREATE TABLE [dependency_status] ([name] NVARCHAR(20) , [last_success_at] DATETIMEOFFSET NULL, [last_failure_at] DATETIMEOFFSET NULL, [last_cause] NVARCHAR(40) NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([name]));
IF OBJECT_ID('[dependency_failures]', 'U') IS NULL CREATE TABLE [dependency_failures] ([name] NVARCHAR(20) , [cause] NVARCHAR(40) , [failures] BIGINT NOT NULL DEFAULT 0, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([name], [cause]));
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0014-dependency-status"
IF OBJECT_ID('[audit_log]', 'U') IS NULL CREATE TABLE [audit_log] ([id] INTEGER IDENTITY(1,1) , [at] DATETIMEOFFSET NOT NULL, [actor] NVARCHAR(50) NOT NULL, [action] NVARCHAR(40) NOT NULL, [target] NVARCHAR(100) NOT NULL, [before_value] NVARCHAR(MAX) NULL, [after_value] NVARCHAR(MAX) NULL, PRIMARY KEY ([id]));
CREATE INDEX [audit_log_at] ON [audit_log] ([at])
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0015-audit-log"
CREATE VIEW rpt_callbacks AS 
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
  (SELECT MIN(h.at) FROM callback_history h WHERE h.callback_id = c.id AND h.event IN ('imported')) AS first_imported_at,
  (SELECT MIN(h.at) FROM callback_history h WHERE h.callback_id = c.id AND h.event IN ('dial_result')) AS first_dial_result_at,
  (SELECT MIN(h.at) FROM callback_history h WHERE h.callback_id = c.id AND h.event IN ('arrived')) AS agent_connected_at,
  (SELECT MIN(h.at) FROM callback_history h WHERE h.callback_id = c.id AND h.event IN ('completed', 'failed', 'expired', 'cancelled')) AS ended_at,
  CASE WHEN EXISTS (SELECT 1 FROM callback_history f WHERE f.callback_id = c.id AND f.event = 'fallback_to_skill') THEN 1 ELSE 0 END AS fell_back_to_skill
FROM callbacks c
CREATE VIEW rpt_attempts AS 
SELECT
  i.id AS attempt_id,
  i.callback_id,
  c.campaign,
  c.skill,
  c.agent_id,
  c.type AS callback_type,
  c.scheduled_at AS promised_at,
  i.at AS imported_at,
  CAST(JSON_VALUE(i.details, '$.dialingListId') AS INTEGER) AS dialing_list_id,
  r.at AS result_at,
  CAST(JSON_VALUE(r.details, '$.callStatus') AS INTEGER) AS call_status,
  CAST(JSON_VALUE(r.details, '$.callResult') AS INTEGER) AS call_result,
  JSON_VALUE(r.details, '$.result') AS result_name
FROM callback_history i
JOIN callbacks c ON c.id = i.callback_id
LEFT JOIN callback_history r ON r.id = (
  SELECT MAX(x.id) FROM callback_history x
  WHERE x.callback_id = i.callback_id AND x.event = 'dial_result' AND x.id > i.id
    AND NOT EXISTS (SELECT 1 FROM callback_history n WHERE n.callback_id = i.callback_id AND n.event = 'imported' AND n.id > i.id AND n.id < x.id))
WHERE i.event = 'imported'
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0016-reporting-views"
ALTER TABLE [callbacks] ADD [search_text] NVARCHAR(160) NULL;
SELECT id, first_name, last_name, account_number FROM callbacks WHERE id > 0 ORDER BY id OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0017-callback-search"
ALTER TABLE [campaigns] ADD [purge_at] NVARCHAR(5) NULL;
ALTER TABLE [campaigns] ADD [personal_fallback_seconds] INTEGER NULL;
ALTER TABLE [skills] ADD [personal_fallback_seconds] INTEGER NULL;
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0018-config-overrides"
ALTER TABLE [campaigns] ADD [agent_default] BIT NOT NULL DEFAULT 0;
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0019-agent-default-campaign"
IF OBJECT_ID('[service_accounts]', 'U') IS NULL CREATE TABLE [service_accounts] ([id] NVARCHAR(40) , [name] NVARCHAR(50) NOT NULL, [key_hash] NVARCHAR(64) NOT NULL, [scopes] NVARCHAR(MAX) NOT NULL, [campaigns] NVARCHAR(MAX) NOT NULL, [created_by] NVARCHAR(50) NOT NULL, [created_at] DATETIMEOFFSET NOT NULL, [revoked_at] DATETIMEOFFSET NULL, [revoked_by] NVARCHAR(50) NULL, [last_used_at] DATETIMEOFFSET NULL, PRIMARY KEY ([id]));
CREATE UNIQUE INDEX [service_accounts_key_hash] ON [service_accounts] ([key_hash])
CREATE UNIQUE INDEX [service_accounts_name] ON [service_accounts] ([name])
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0020-service-accounts"
IF OBJECT_ID('[purge_runs]', 'U') IS NULL CREATE TABLE [purge_runs] ([id] NVARCHAR(40) , [campaign] NVARCHAR(40) NOT NULL, [started_by] NVARCHAR(50) NOT NULL, [started_at] DATETIMEOFFSET NOT NULL, [status] NVARCHAR(20) NOT NULL, [phase] NVARCHAR(20) NOT NULL, [calls_in_progress] INTEGER NOT NULL DEFAULT 0, [contacts_to_delete] INTEGER NULL, [deleted] INTEGER NOT NULL DEFAULT 0, [to_repush] INTEGER NOT NULL DEFAULT 0, [repushed] INTEGER NOT NULL DEFAULT 0, [in_flight] INTEGER NOT NULL DEFAULT 0, [error] NVARCHAR(200) NULL, [finished_at] DATETIMEOFFSET NULL, [updated_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([id]));
CREATE INDEX [purge_runs_campaign] ON [purge_runs] ([campaign], [started_at])
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0021-purge-runs"
CREATE INDEX [callbacks_status_next_attempt] ON [callbacks] ([status], [next_attempt_at])
IF OBJECT_ID('[job_heartbeats]', 'U') IS NULL CREATE TABLE [job_heartbeats] ([job] NVARCHAR(20) , [instance_id] NVARCHAR(100) , [beat_at] DATETIMEOFFSET NOT NULL, PRIMARY KEY ([job], [instance_id]));
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0022-due-index-heartbeats"
ALTER TABLE [callbacks] ADD [arrived_by] NVARCHAR(50) NULL;
ALTER TABLE [callbacks] ADD [arrived_at] DATETIMEOFFSET NULL;
ALTER TABLE [callbacks] ADD [call_outcome] NVARCHAR(20) NULL;
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0023-call-outcome"
CREATE VIEW rpt_call_outcomes AS 
SELECT
  c.id AS callback_id,
  c.campaign,
  c.skill,
  c.agent_id,
  c.type AS callback_type,
  c.arrived_by AS received_by,
  c.arrived_at AS received_at,
  c.call_outcome AS agent_outcome,
  c.status,
  c.attempts
FROM callbacks c
WHERE c.arrived_by IS NOT NULL
SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = N'SequelizeMeta' AND TABLE_SCHEMA = N'dbo'
IF OBJECT_ID('[SequelizeMeta]', 'U') IS NULL CREATE TABLE [SequelizeMeta] ([name] NVARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ([name]));
EXEC sys.sp_helpindex @objname = N'[SequelizeMeta]';
INSERT INTO [SequelizeMeta] ([name]) OUTPUT INSERTED.[name] VALUES (@0);
--   @0 NVarChar = "0024-call-outcome-view"

-- ## deleteOldHistoryBatch
DELETE TOP (500) FROM callback_history WHERE callback_id IN (SELECT id FROM callbacks WHERE status IN ('completed', 'failed', 'expired', 'cancelled') AND updated_at < '2026-12-01 10:00:00.000 +00:00'); SELECT @@ROWCOUNT AS AFFECTEDROWS;

-- ## deleteOldCallbacksBatch
DELETE TOP (500) FROM callbacks WHERE status IN ('completed', 'failed', 'expired', 'cancelled') AND updated_at < '2026-12-01 10:00:00.000 +00:00' AND NOT EXISTS (SELECT 1 FROM callback_history h WHERE h.callback_id = callbacks.id); SELECT @@ROWCOUNT AS AFFECTEDROWS;

-- ## claimDueCallbacks
WITH due AS (SELECT TOP (10) * FROM callbacks WITH (UPDLOCK, READPAST, ROWLOCK) WHERE ((status = 'scheduled' AND scheduled_at <= '2026-12-01 10:00:00.000 +00:00') OR (status = 'retry_wait' AND next_attempt_at <= '2026-12-01 10:00:00.000 +00:00')) ORDER BY scheduled_at, id) UPDATE due SET status = 'dispatching', claimed_by = N'cm-1', lease_until = '2026-12-01 10:01:00.000 +00:00', version = version + 1, updated_at = '2026-12-01 10:00:00.000 +00:00' OUTPUT inserted.*;

-- ## reclaimExpiredCallbacks
WITH due AS (SELECT TOP (10) * FROM callbacks WITH (UPDLOCK, READPAST, ROWLOCK) WHERE (status IN ('dispatching') AND lease_until < '2026-12-01 10:00:00.000 +00:00') ORDER BY scheduled_at, id) UPDATE due SET status = 'dispatching', claimed_by = N'cm-2', lease_until = '2026-12-01 10:01:00.000 +00:00', version = version + 1, updated_at = '2026-12-01 10:00:00.000 +00:00' OUTPUT inserted.*;

-- ## transitionCallback
BEGIN TRANSACTION (isolation default)
UPDATE [callbacks] SET [reason]=@0,[status]=@1,[updated_at]=@2,[version]=@3 WHERE [id] = @4 AND [version] = @5
--   @0 NVarChar = "customer", @1 NVarChar = "cancelled", @2 NVarChar = "2026-12-01 10:00:00.000 +00:00", @3 Int = 2, @4 Int = 7, @5 Int = 1
SELECT [id], [account_number] AS [accountNumber], [campaign], [type], [agent_id] AS [agentId], [skill], [first_name] AS [firstName], [last_name] AS [lastName], [phone], [phone_e164] AS [phoneE164], [dial_string] AS [dialString], [scheduled_at] AS [scheduledAt], [slot_start] AS [slotStart], [time_zone] AS [timeZone], [status], [reason], [attempts], [last_result] AS [lastResult], [next_attempt_at] AS [nextAttemptAt], [notes], [source], [created_by] AS [createdBy], [team_id] AS [teamId], [version], [search_text] AS [searchText], [claimed_by] AS [claimedBy], [lease_until] AS [leaseUntil], [uccx_campaign_id] AS [uccxCampaignId], [uccx_dialing_list_id] AS [uccxDialingListId], [imported_at] AS [importedAt], [arrived_by] AS [arrivedBy], [arrived_at] AS [arrivedAt], [call_outcome] AS [callOutcome], [created_at] AS [createdAt], [updated_at] AS [updatedAt] FROM [callbacks] AS [Callback] WHERE [Callback].[id] = 7;
INSERT INTO callback_history (callback_id, at, event, actor, details) VALUES (7, '2026-12-01 10:00:00.000 +00:00', N'cancelled', N'1001', N'{"by":"1001"}')
COMMIT TRANSACTION

-- ## transitionCallbacks
BEGIN TRANSACTION (isolation default)
UPDATE callbacks SET attempts = CAST(v.attempts AS INT), next_attempt_at = CAST(v.next_attempt_at AS DATETIMEOFFSET), status = CAST(v.status AS NVARCHAR(4000)), updated_at = CAST(v.updated_at AS DATETIMEOFFSET), version = CAST(v.version AS INT) OUTPUT inserted.* FROM callbacks JOIN (VALUES (7, 1, 1, '2026-12-01 10:00:00.000 +00:00', N'retry_wait', '2026-12-01 10:00:00.000 +00:00', 2), (8, 1, 1, '2026-12-01 10:00:00.000 +00:00', N'retry_wait', '2026-12-01 10:00:00.000 +00:00', 2)) AS v (row_id, row_version, attempts, next_attempt_at, status, updated_at, version) ON callbacks.id = v.row_id AND callbacks.version = v.row_version;
INSERT INTO callback_history (callback_id, at, event, actor, details) VALUES (7, '2026-12-01 10:00:00.000 +00:00', N'retry_scheduled', N'uccx', N'{}')
COMMIT TRANSACTION

-- ## saveObservations
DELETE FROM uccx_contact_observations WHERE dialing_list_id IN (1234, 1235)
INSERT INTO uccx_contact_observations (dialing_list_id, callback_id, signature, calls_counted, observed_at) VALUES (1234, 7, N'3|11|1|', 1, '2026-12-01 10:00:00.000 +00:00'), (1235, 8, N'3|11|1|', 1, '2026-12-01 10:00:00.000 +00:00')

-- ## reserveSlot (free place)
UPDATE slot_counters SET booked = booked + 1 WHERE scope = N'skill:Support' AND slot_start = '2026-12-01 10:00:00.000 +00:00' AND booked < 3

-- ## bookedBySlot
SELECT DATEDIFF_BIG(millisecond, CAST('1970-01-01 00:00:00 +00:00' AS DATETIMEOFFSET), slot_start) AS start_ms, booked FROM slot_counters WHERE scope = N'skill:Support' AND slot_start >= '2026-12-01 10:00:00.000 +00:00' AND slot_start < '2026-12-02 10:00:00.000 +00:00' AND booked > 0

-- ## tryAcquireJobLock
INSERT INTO job_locks (name, updated_at) SELECT N'sync', '2026-12-01 10:00:00.000 +00:00' WHERE NOT EXISTS (SELECT 1 FROM job_locks WITH (UPDLOCK, HOLDLOCK) WHERE name = N'sync')
UPDATE job_locks SET owner = N'cm-1', lease_until = '2026-12-01 10:01:00.000 +00:00', updated_at = '2026-12-01 10:00:00.000 +00:00' WHERE name = N'sync' AND (owner IS NULL OR owner = N'cm-1' OR lease_until < '2026-12-01 10:00:00.000 +00:00')
SELECT owner, last_run_key FROM job_locks WHERE name = N'sync'

-- ## claimDailyRun
INSERT INTO job_locks (name, updated_at) SELECT N'retention-daily', '2026-12-01 10:00:00.000 +00:00' WHERE NOT EXISTS (SELECT 1 FROM job_locks WITH (UPDLOCK, HOLDLOCK) WHERE name = N'retention-daily')
UPDATE job_locks SET last_run_key = N'2026-12-01', owner = N'cm-1', lease_until = '2026-12-01 11:00:00.000 +00:00', updated_at = '2026-12-01 10:00:00.000 +00:00' WHERE name = N'retention-daily' AND (last_run_key IS NULL OR last_run_key < N'2026-12-01') AND (owner IS NULL OR owner = N'cm-1' OR lease_until < '2026-12-01 10:00:00.000 +00:00')
SELECT owner, last_run_key FROM job_locks WHERE name = N'retention-daily'

-- ## saveSyncCursor
MERGE uccx_sync_cursors WITH (HOLDLOCK) AS t USING (SELECT 200 AS uccx_campaign_id, 1234 AS last_dialing_list_id, '2026-12-01 10:00:00.000 +00:00' AS updated_at) AS s ON t.uccx_campaign_id = s.uccx_campaign_id WHEN MATCHED THEN UPDATE SET last_dialing_list_id = s.last_dialing_list_id, updated_at = s.updated_at WHEN NOT MATCHED THEN INSERT (uccx_campaign_id, last_dialing_list_id, updated_at) VALUES (s.uccx_campaign_id, s.last_dialing_list_id, s.updated_at);

-- ## getSyncCursor
SELECT last_dialing_list_id FROM uccx_sync_cursors WHERE uccx_campaign_id = 200

-- ## saveObservation
MERGE uccx_contact_observations WITH (HOLDLOCK) AS t USING (SELECT 1234 AS dialing_list_id, 7 AS callback_id, N'3|1|1|' AS signature, 1 AS calls_counted, '2026-12-01 10:00:00.000 +00:00' AS observed_at) AS s ON t.dialing_list_id = s.dialing_list_id WHEN MATCHED THEN UPDATE SET callback_id = s.callback_id, signature = s.signature, calls_counted = s.calls_counted, observed_at = s.observed_at WHEN NOT MATCHED THEN INSERT (dialing_list_id, callback_id, signature, calls_counted, observed_at) VALUES (s.dialing_list_id, s.callback_id, s.signature, s.calls_counted, s.observed_at);

-- ## findObservations
SELECT dialing_list_id, callback_id, signature, calls_counted FROM uccx_contact_observations WHERE dialing_list_id IN (1234, 1235)

-- ## listCallbacksInUccx
SELECT [id], [account_number] AS [accountNumber], [campaign], [type], [agent_id] AS [agentId], [skill], [first_name] AS [firstName], [last_name] AS [lastName], [phone], [phone_e164] AS [phoneE164], [dial_string] AS [dialString], [scheduled_at] AS [scheduledAt], [slot_start] AS [slotStart], [time_zone] AS [timeZone], [status], [reason], [attempts], [last_result] AS [lastResult], [next_attempt_at] AS [nextAttemptAt], [notes], [source], [created_by] AS [createdBy], [team_id] AS [teamId], [version], [search_text] AS [searchText], [claimed_by] AS [claimedBy], [lease_until] AS [leaseUntil], [uccx_campaign_id] AS [uccxCampaignId], [uccx_dialing_list_id] AS [uccxDialingListId], [imported_at] AS [importedAt], [arrived_by] AS [arrivedBy], [arrived_at] AS [arrivedAt], [call_outcome] AS [callOutcome], [created_at] AS [createdAt], [updated_at] AS [updatedAt] FROM [callbacks] AS [Callback] WHERE [Callback].[campaign] = N'Standard' AND [Callback].[status] IN (N'queued', N'dialing', N'connected') ORDER BY [Callback].[id] ASC;

-- ## findCallbacksByAccountNumbers
SELECT [id], [account_number] AS [accountNumber], [campaign], [type], [agent_id] AS [agentId], [skill], [first_name] AS [firstName], [last_name] AS [lastName], [phone], [phone_e164] AS [phoneE164], [dial_string] AS [dialString], [scheduled_at] AS [scheduledAt], [slot_start] AS [slotStart], [time_zone] AS [timeZone], [status], [reason], [attempts], [last_result] AS [lastResult], [next_attempt_at] AS [nextAttemptAt], [notes], [source], [created_by] AS [createdBy], [team_id] AS [teamId], [version], [search_text] AS [searchText], [claimed_by] AS [claimedBy], [lease_until] AS [leaseUntil], [uccx_campaign_id] AS [uccxCampaignId], [uccx_dialing_list_id] AS [uccxDialingListId], [imported_at] AS [importedAt], [arrived_by] AS [arrivedBy], [arrived_at] AS [arrivedAt], [call_outcome] AS [callOutcome], [created_at] AS [createdAt], [updated_at] AS [updatedAt] FROM [callbacks] AS [Callback] WHERE [Callback].[account_number] IN (N'CB7', N'CB9');

-- ## listChangeStamps
SELECT id, version, updated_at FROM callbacks WHERE updated_at > '2026-12-01 10:00:00.000 +00:00' AND (updated_at > '2026-12-01 10:00:00.000 +00:00' OR (updated_at = '2026-12-01 10:00:00.000 +00:00' AND id > 3)) ORDER BY updated_at, id OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY

-- ## findCallbacksByIds
SELECT * FROM callbacks WHERE id IN (7, 9)

-- ## insertCallback
INSERT INTO callbacks (account_number, campaign, type, agent_id, skill, first_name, last_name, phone, phone_e164, dial_string, scheduled_at, slot_start, time_zone, notes, source, created_by, team_id, search_text, status, attempts, version, created_at, updated_at) OUTPUT inserted.* VALUES (N'CB77', N'Standard', N'standard', NULL, N'Support', N'Jan', N'K', N'+48221234567', N'+48221234567', N'0048221234567', '2026-12-01 10:00:00.000 +00:00', '2026-12-01 10:00:00.000 +00:00', N'Europe/Warsaw', NULL, N'agent', N'1001', N'T1', N'jan k cb77', N'scheduled', 0, 1, '2026-12-01 10:00:00.000 +00:00', '2026-12-01 10:00:00.000 +00:00')

-- ## countLiveDispatches
SELECT count(*) AS [count] FROM [callbacks] AS [Callback] WHERE [Callback].[campaign] = N'Standard' AND [Callback].[status] = N'dispatching' AND [Callback].[claimed_by] != N'cm-1' AND [Callback].[lease_until] >= N'2026-12-01 10:00:00.000 +00:00';

-- ## listExpiryCandidates
SELECT [id], [account_number] AS [accountNumber], [campaign], [type], [agent_id] AS [agentId], [skill], [first_name] AS [firstName], [last_name] AS [lastName], [phone], [phone_e164] AS [phoneE164], [dial_string] AS [dialString], [scheduled_at] AS [scheduledAt], [slot_start] AS [slotStart], [time_zone] AS [timeZone], [status], [reason], [attempts], [last_result] AS [lastResult], [next_attempt_at] AS [nextAttemptAt], [notes], [source], [created_by] AS [createdBy], [team_id] AS [teamId], [version], [search_text] AS [searchText], [claimed_by] AS [claimedBy], [lease_until] AS [leaseUntil], [uccx_campaign_id] AS [uccxCampaignId], [uccx_dialing_list_id] AS [uccxDialingListId], [imported_at] AS [importedAt], [arrived_by] AS [arrivedBy], [arrived_at] AS [arrivedAt], [call_outcome] AS [callOutcome], [created_at] AS [createdAt], [updated_at] AS [updatedAt] FROM [callbacks] AS [Callback] WHERE (([Callback].[status] IN (N'scheduled', N'retry_wait', N'queued') AND [Callback].[scheduled_at] <= N'2026-12-01 10:00:00.000 +00:00') OR ([Callback].[status] = N'dispatching' AND [Callback].[scheduled_at] <= N'2026-12-01 10:00:00.000 +00:00' AND [Callback].[lease_until] < N'2026-12-01 10:00:00.000 +00:00')) ORDER BY [scheduledAt] ASC OFFSET 0 ROWS FETCH NEXT 100 ROWS ONLY;

-- ## flagDoNotCall
INSERT INTO do_not_call_numbers (phone_e164, flagged_at, source) SELECT N'+48221234567', '2026-12-01 10:00:00.000 +00:00', N'uccx' WHERE NOT EXISTS (SELECT 1 FROM do_not_call_numbers WITH (UPDLOCK, HOLDLOCK) WHERE phone_e164 = N'+48221234567')

-- ## renewDispatchLeases
UPDATE [callbacks] SET [lease_until]=@0,[updated_at]=@1 WHERE [id] IN (7, 9) AND [status] = @2 AND [claimed_by] = @3 AND [lease_until] >= N'2026-12-01 10:00:00.000 +00:00'
--   @0 NVarChar = "2026-12-01 10:01:00.000 +00:00", @1 NVarChar = "2026-12-01 10:00:00.000 +00:00", @2 NVarChar = "dispatching", @3 NVarChar = "cm-1"
SELECT [id] FROM [callbacks] AS [Callback] WHERE [Callback].[id] IN (7, 9) AND [Callback].[status] = N'dispatching' AND [Callback].[claimed_by] = N'cm-1' AND [Callback].[lease_until] > N'2026-12-01 10:00:00.000 +00:00';

-- ## recordDependencySuccess
INSERT INTO dependency_status (name, updated_at) SELECT N'uccx', '2026-12-01 10:00:00.000 +00:00' WHERE NOT EXISTS (SELECT 1 FROM dependency_status WITH (UPDLOCK, HOLDLOCK) WHERE name = N'uccx')
UPDATE dependency_status SET last_success_at = '2026-12-01 10:00:00.000 +00:00', updated_at = '2026-12-01 10:00:00.000 +00:00' WHERE name = N'uccx'

-- ## recordDependencyFailure
INSERT INTO dependency_status (name, updated_at) SELECT N'uccx', '2026-12-01 10:00:00.000 +00:00' WHERE NOT EXISTS (SELECT 1 FROM dependency_status WITH (UPDLOCK, HOLDLOCK) WHERE name = N'uccx')
UPDATE dependency_status SET last_failure_at = '2026-12-01 10:00:00.000 +00:00', last_cause = N'http_401', updated_at = '2026-12-01 10:00:00.000 +00:00' WHERE name = N'uccx'
INSERT INTO dependency_failures (name, cause, failures, updated_at) SELECT N'uccx', N'http_401', 0, '2026-12-01 10:00:00.000 +00:00' WHERE NOT EXISTS (SELECT 1 FROM dependency_failures WITH (UPDLOCK, HOLDLOCK) WHERE name = N'uccx' AND cause = N'http_401')
UPDATE dependency_failures SET failures = failures + 1, updated_at = '2026-12-01 10:00:00.000 +00:00' WHERE name = N'uccx' AND cause = N'http_401'

-- ## listDependencyStatus
SELECT name, last_success_at, last_failure_at, last_cause FROM dependency_status

-- ## listDependencyFailureCounts
SELECT name, cause, failures FROM dependency_failures

-- ## nextDispatchTimes
SELECT (SELECT MIN(scheduled_at) FROM callbacks WHERE status = 'scheduled') AS due_scheduled, (SELECT MIN(next_attempt_at) FROM callbacks WHERE status = 'retry_wait') AS due_retry_wait, (SELECT MIN(lease_until) FROM callbacks WHERE status IN ('dispatching')) AS lease_end

-- ## recordHeartbeat
MERGE job_heartbeats WITH (HOLDLOCK) AS t USING (SELECT N'dispatch' AS job, N'cm-1' AS instance_id, '2026-12-01 10:00:00.000 +00:00' AS beat_at) AS s ON t.job = s.job AND t.instance_id = s.instance_id WHEN MATCHED THEN UPDATE SET beat_at = s.beat_at WHEN NOT MATCHED THEN INSERT (job, instance_id, beat_at) VALUES (s.job, s.instance_id, s.beat_at);
DELETE FROM job_heartbeats WHERE job = N'dispatch' AND beat_at < '2026-11-24 10:00:00.000 +00:00'

-- ## listHeartbeats
SELECT job, instance_id, beat_at FROM job_heartbeats

-- ## listSyncReadTimes
SELECT uccx_campaign_id, updated_at FROM uccx_sync_cursors
