// Who may see and change a callback. Anything a caller may not see answers 404, so callers
// cannot probe for other agents' callbacks.
import type { Callback, Principal } from '../../domain/types.ts';
import type { Visibility } from '../../db/queries/callbacks.ts';

export function canSee(p: Principal, c: Pick<Callback, 'agentId' | 'createdBy' | 'teamId'>): boolean {
  if (p.role === 'admin') return true;
  if (c.agentId === p.id || c.createdBy === p.id) return true;
  return p.role === 'supervisor' && p.teamId != null && c.teamId === p.teamId;
}

export function visibilityOf(p: Principal): Visibility {
  if (p.role === 'admin') return { role: 'admin' };
  if (p.role === 'supervisor') return { role: 'supervisor', teamId: p.teamId, id: p.id };
  return { role: 'agent', id: p.id };
}

export const mayReassign = (p: Principal): boolean => p.role === 'supervisor' || p.role === 'admin';
