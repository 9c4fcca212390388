// Who may see and change a callback. Anything a caller may not see answers 404, so callers
// cannot probe for other agents' callbacks.
import type { Callback, Principal } from '../../domain/types.ts';
import type { Visibility } from '../../db/queries/callbacks.ts';

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
