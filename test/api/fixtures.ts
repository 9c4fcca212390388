// Shared inputs for the API tests. The clock is pinned to Tuesday 2026-12-01 09:00 UTC
// (10:00 in Warsaw), so every rule of the demo seed is predictable.
export const NOW = new Date('2026-12-01T09:00:00Z');
export const now = () => NOW;

export const personalBooking = (over: Record<string, unknown> = {}) => ({
  campaign: 'CB_MAIN',
  phone: '22 123 45 67',
  scheduledAt: '2026-12-01T12:00',
  timeZone: 'Europe/Warsaw',
  agentId: '1001',
  skill: 'Sales',
  firstName: 'Jan',
  lastName: 'Kowalski',
  notes: 'Wants to talk about the invoice',
  ...over,
});

export const skillBooking = (over: Record<string, unknown> = {}) => {
  const { agentId, ...rest } = personalBooking(over);
  return over.agentId ? { ...rest, agentId: over.agentId } : rest;
};
