// Configuration the booking rules read: holiday calendars, campaigns (one per presented DDI),
// skills (UCCX CSQs), the global rules row, and the agents/teams known from Finesse.
import { DataTypes, type QueryInterface } from 'sequelize';

const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('holiday_calendars', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(50), allowNull: false, unique: true },
    country: { type: DataTypes.STRING(2), allowNull: true },
    region: { type: DataTypes.STRING(10), allowNull: true },
    custom_dates: { type: DataTypes.TEXT, allowNull: false }, // JSON array of "YYYY-MM-DD"
    ...timestamps,
  });
  await qi.createTable('campaigns', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    uccx_campaign_name: { type: DataTypes.STRING(40), allowNull: false },
    uccx_campaign_id: { type: DataTypes.INTEGER, allowNull: true },
    ddi: { type: DataTypes.STRING(16), allowNull: false },
    default_country: { type: DataTypes.STRING(2), allowNull: false },
    time_zone: { type: DataTypes.STRING(64), allowNull: false },
    dial_plan: { type: DataTypes.TEXT, allowNull: false }, // JSON array of DialPlanRule
    retry_policy: { type: DataTypes.TEXT, allowNull: true }, // JSON RetryPolicy
    ivr_script: { type: DataTypes.STRING(100), allowNull: true },
    holiday_calendar_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'holiday_calendars', key: 'id' } },
    ...timestamps,
  });
  await qi.createTable('skills', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(50), allowNull: false, unique: true },
    csq: { type: DataTypes.STRING(50), allowNull: false },
    time_zone: { type: DataTypes.STRING(64), allowNull: false },
    hours: { type: DataTypes.TEXT, allowNull: false }, // JSON WeeklyHours
    ivr_script: { type: DataTypes.STRING(100), allowNull: true },
    holiday_calendar_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'holiday_calendars', key: 'id' } },
    ...timestamps,
  });
  // A single row (id = 1): the rules are global by definition.
  await qi.createTable('global_rules', {
    id: { type: DataTypes.INTEGER, primaryKey: true },
    lead_minutes: { type: DataTypes.INTEGER, allowNull: false },
    horizon_days: { type: DataTypes.INTEGER, allowNull: false },
    window_start: { type: DataTypes.STRING(5), allowNull: false },
    window_end: { type: DataTypes.STRING(5), allowNull: false },
    slot_minutes: { type: DataTypes.INTEGER, allowNull: false },
    capacity_per_skill_slot: { type: DataTypes.INTEGER, allowNull: false },
    capacity_per_agent_slot: { type: DataTypes.INTEGER, allowNull: false },
    expiry_hours: { type: DataTypes.INTEGER, allowNull: false },
    personal_fallback_seconds: { type: DataTypes.INTEGER, allowNull: false },
    ...timestamps,
  });
  await qi.createTable('teams', {
    id: { type: DataTypes.STRING(20), primaryKey: true },
    name: { type: DataTypes.STRING(100), allowNull: false },
    ...timestamps,
  });
  // Agents as last seen through Finesse (kept so supervisors can pick one and UNKNOWN_AGENT can be told).
  await qi.createTable('agents', {
    id: { type: DataTypes.STRING(50), primaryKey: true },
    first_name: { type: DataTypes.STRING(50), allowNull: false },
    last_name: { type: DataTypes.STRING(50), allowNull: false },
    team_id: { type: DataTypes.STRING(20), allowNull: true },
    role: { type: DataTypes.STRING(20), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('agents', ['team_id']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['agents', 'teams', 'global_rules', 'skills', 'campaigns', 'holiday_calendars']) {
    await qi.dropTable(table);
  }
}
