// Agents and teams as last seen through Finesse.
import type { Agent, Role } from '../../domain/types.ts';
import type { Db } from '../index.ts';

export async function upsertAgent(db: Db, agent: Agent): Promise<void> {
  const now = new Date();
  if (agent.teamId) {
    await db.sequelize.query(db.sql.upsert('teams', ['id', 'name', 'created_at', 'updated_at'], ['id']), {
      replacements: { id: agent.teamId, name: agent.teamName ?? agent.teamId, created_at: now, updated_at: now },
    });
  }
  await db.sequelize.query(
    db.sql.upsert('agents', ['id', 'first_name', 'last_name', 'team_id', 'role', 'created_at', 'updated_at'], ['id']),
    {
      replacements: { id: agent.id, first_name: agent.firstName, last_name: agent.lastName, team_id: agent.teamId ?? null, role: agent.role, created_at: now, updated_at: now },
    },
  );
}

export async function findAgent(db: Db, id: string): Promise<Agent | null> {
  const rows = await listAgents(db, { id });
  return rows[0] ?? null;
}

export async function listAgents(db: Db, where: { teamId?: string | string[] | null; id?: string } = {}): Promise<Agent[]> {
  const rows = (await db.models.Agent.findAll({ where: clean(where), order: [['id', 'ASC']], raw: true })) as unknown as Array<Record<string, unknown>>;
  const teamRows = (await db.models.Team.findAll({ raw: true })) as unknown as Array<{ id: string; name: string }>;
  const teams = new Map(teamRows.map((t) => [String(t.id), String(t.name)]));
  return rows.map((v) => {
    const teamId = (v.teamId as string | null) ?? null;
    return { id: String(v.id), firstName: String(v.firstName), lastName: String(v.lastName), teamId, teamName: teamId ? teams.get(teamId) ?? null : null, role: v.role as Role };
  });
}

const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
