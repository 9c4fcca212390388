// Who may see and change a callback. Anything a caller may not see answers 404, so callers
// cannot probe for other agents' callbacks.
import type { Agent, Callback, Principal } from '../../domain/types.ts';
import type { Visibility } from '../../db/queries/callbacks.ts';
import { Forbidden } from './errors.ts';

export function canSee(p: Principal, c: Pick<Callback, 'agentId' | 'createdBy' | 'teamId'>): boolean {
  if (p.role === 'admin') return true;
  if (c.agentId === p.id || c.createdBy === p.id) return true;
  return p.role === 'supervisor' && c.teamId != null && p.teamIds.includes(c.teamId);
}

export function visibilityOf(p: Principal): Visibility {
  if (p.role === 'admin') return { role: 'admin' };
  if (p.role === 'supervisor') return { role: 'supervisor', teamIds: p.teamIds, id: p.id };
  return { role: 'agent', id: p.id };
}

/** Whose agents he may pick from: a supervisor's supervised teams, an agent's own team. */
export const pickableTeams = (p: Principal): string[] => (p.role === 'supervisor' ? p.teamIds : p.teamId ? [p.teamId] : []);

export const mayReassign = (p: Principal): boolean => p.role === 'supervisor' || p.role === 'admin';

// ---- Who may book for whom and move callbacks where (issue 9). ----

/** Whether a supervisor acts for this team (one of the teams Finesse says he supervises). */
const supervisesTeam = (p: Principal, teamId: string | null | undefined): boolean => p.role === 'supervisor' && teamId != null && p.teamIds.includes(teamId);

/** The agent a personal callback is for, as the agents table knows him (null: unknown, the rules refuse). */
type TargetAgent = Pick<Agent, 'id' | 'teamId'> | null;

/**
 * An agent books personal callbacks for himself only; a supervisor for the agents of the teams he
 * supervises (and himself); an admin for anyone. Skill callbacks (no agent) anyone may book.
 */
export function assertMayBookFor(p: Principal, agentId: string | null | undefined, target: TargetAgent): void {
  if (!agentId || p.role === 'admin' || agentId === p.id) return;
  if (p.role === 'agent') throw new Forbidden('agents book personal callbacks for themselves only');
  if (target && !supervisesTeam(p, target.teamId)) throw new Forbidden('supervisors book personal callbacks for the agents of their teams only');
}

/** A supervisor moves callbacks between the agents of the teams he supervises; an admin anywhere. */
export function assertMayMove(p: Principal, agentId: string | null | undefined, target: TargetAgent): void {
  if (!mayReassign(p)) throw new Forbidden('only supervisors and admins reassign callbacks');
  if (!agentId || p.role === 'admin') return;
  if (target && agentId !== p.id && !supervisesTeam(p, target.teamId)) throw new Forbidden('supervisors reassign to the agents of their teams only');
}

/** Who to ask about a duplicate the caller may not read: the booking agent, no customer data. */
export interface DuplicateContact {
  agentId: string;
  name: string | null;
  teamName: string | null;
}

/** The 409 answer's body: the existing callback to those who may read it, else only whom to ask. */
export function duplicateAnswer(p: Principal | null, existing: Callback, contact: DuplicateContact | null) {
  if (p && canSee(p, existing)) return { message: 'an active callback for this number and campaign exists', existing };
  return { message: 'an active callback for this number and campaign exists; ask its owner', existing: null, contact };
}
