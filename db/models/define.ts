// Sequelize models over the migrated tables. The migrations own the schema; models only map
// columns (snake_case in the database, camelCase in code) and never sync().
import { DataTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';

type Row = Model<Record<string, any>, Record<string, any>>;
export type Models = ReturnType<typeof defineModels>;

const json = (column: string, fallback: unknown) => ({
  type: DataTypes.TEXT,
  field: column,
  get(this: Row) {
    const raw = this.getDataValue(camel(column)) as string | null;
    return raw == null ? fallback : JSON.parse(raw);
  },
  set(this: Row, value: unknown) {
    this.setDataValue(camel(column), value == null ? null : JSON.stringify(value));
  },
});
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const opts = (tableName: string, timestamps = true) => ({ tableName, underscored: true, timestamps });

export function defineModels(sequelize: Sequelize) {
  const HolidayCalendar = sequelize.define(
    'HolidayCalendar',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: DataTypes.STRING(50),
      country: DataTypes.STRING(2),
      region: DataTypes.STRING(10),
      customDates: json('custom_dates', []),
    },
    opts('holiday_calendars'),
  );
  const Campaign = sequelize.define(
    'Campaign',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: DataTypes.STRING(40),
      uccxCampaignName: DataTypes.STRING(40),
      uccxCampaignId: DataTypes.INTEGER,
      ddi: DataTypes.STRING(16),
      defaultCountry: DataTypes.STRING(2),
      timeZone: DataTypes.STRING(64),
      dialPlan: json('dial_plan', []),
      retryPolicy: json('retry_policy', null),
      ivrScript: DataTypes.STRING(100),
      holidayCalendarId: DataTypes.INTEGER,
      purgeAt: DataTypes.STRING(5),
      personalFallbackSeconds: DataTypes.INTEGER,
      agentDefault: { type: DataTypes.BOOLEAN, defaultValue: false },
    },
    opts('campaigns'),
  );
  const Skill = sequelize.define(
    'Skill',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: DataTypes.STRING(50),
      csq: DataTypes.STRING(50),
      timeZone: DataTypes.STRING(64),
      hours: json('hours', {}),
      ivrScript: DataTypes.STRING(100),
      holidayCalendarId: DataTypes.INTEGER,
      personalFallbackSeconds: DataTypes.INTEGER,
    },
    opts('skills'),
  );
  const GlobalRules = sequelize.define(
    'GlobalRules',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      leadMinutes: DataTypes.INTEGER,
      horizonDays: DataTypes.INTEGER,
      windowStart: DataTypes.STRING(5),
      windowEnd: DataTypes.STRING(5),
      slotMinutes: DataTypes.INTEGER,
      capacityPerSkillSlot: DataTypes.INTEGER,
      capacityPerAgentSlot: DataTypes.INTEGER,
      expiryHours: DataTypes.INTEGER,
      personalFallbackSeconds: DataTypes.INTEGER,
    },
    opts('global_rules'),
  );
  const Team = sequelize.define('Team', { id: { type: DataTypes.STRING(20), primaryKey: true }, name: DataTypes.STRING(100) }, opts('teams'));
  const Agent = sequelize.define(
    'Agent',
    {
      id: { type: DataTypes.STRING(50), primaryKey: true },
      firstName: DataTypes.STRING(50),
      lastName: DataTypes.STRING(50),
      teamId: DataTypes.STRING(20),
      role: DataTypes.STRING(20),
    },
    opts('agents'),
  );
  const Callback = sequelize.define(
    'Callback',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      accountNumber: DataTypes.STRING(25),
      campaign: DataTypes.STRING(40),
      type: DataTypes.STRING(10),
      agentId: DataTypes.STRING(50),
      skill: DataTypes.STRING(50),
      firstName: DataTypes.STRING(50),
      lastName: DataTypes.STRING(50),
      phone: DataTypes.STRING(40),
      phoneE164: DataTypes.STRING(16),
      dialString: DataTypes.STRING(28),
      scheduledAt: DataTypes.DATE,
      slotStart: DataTypes.DATE,
      timeZone: DataTypes.STRING(64),
      status: DataTypes.STRING(20),
      reason: DataTypes.STRING(40),
      attempts: DataTypes.INTEGER,
      lastResult: DataTypes.STRING(40),
      nextAttemptAt: DataTypes.DATE,
      notes: DataTypes.STRING(1000),
      source: DataTypes.STRING(10),
      createdBy: DataTypes.STRING(50),
      teamId: DataTypes.STRING(20),
      version: DataTypes.INTEGER,
      searchText: DataTypes.STRING(160),
      claimedBy: DataTypes.STRING(100),
      leaseUntil: DataTypes.DATE,
      uccxCampaignId: DataTypes.INTEGER,
      uccxDialingListId: DataTypes.BIGINT,
      importedAt: DataTypes.DATE,
      arrivedBy: DataTypes.STRING(50),
      arrivedAt: DataTypes.DATE,
      callOutcome: DataTypes.STRING(20),
    },
    opts('callbacks'),
  );
  const CallbackHistory = sequelize.define(
    'CallbackHistory',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      callbackId: DataTypes.INTEGER,
      at: DataTypes.DATE,
      event: DataTypes.STRING(30),
      actor: DataTypes.STRING(50),
      details: json('details', {}),
    },
    opts('callback_history', false),
  );
  const SlotCounter = sequelize.define(
    'SlotCounter',
    {
      scope: { type: DataTypes.STRING(80), primaryKey: true },
      slotStart: { type: DataTypes.DATE, primaryKey: true },
      booked: DataTypes.INTEGER,
    },
    opts('slot_counters', false),
  );
  const DoNotCallNumber = sequelize.define(
    'DoNotCallNumber',
    {
      phoneE164: { type: DataTypes.STRING(16), primaryKey: true },
      flaggedAt: DataTypes.DATE,
      source: DataTypes.STRING(40),
    },
    opts('do_not_call_numbers', false),
  );
  const AuditEntry = sequelize.define(
    'AuditEntry',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      at: DataTypes.DATE,
      actor: DataTypes.STRING(50),
      action: DataTypes.STRING(40),
      target: DataTypes.STRING(100),
      beforeValue: json('before_value', null),
      afterValue: json('after_value', null),
    },
    opts('audit_log', false),
  );
  return { HolidayCalendar, Campaign, Skill, GlobalRules, Team, Agent, Callback, CallbackHistory, SlotCounter, DoNotCallNumber, AuditEntry } satisfies Record<string, ModelStatic<Row>>;
}
