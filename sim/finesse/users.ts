// Demo users of the embedded Finesse simulator. Every one signs in with the password "demo".
export interface DemoUser {
  id: string;
  firstName: string;
  lastName: string;
  roles: Array<'Agent' | 'Supervisor'>;
  /** The team the user belongs to (<teamId>/<teamName>). */
  teamId: string;
  teamName: string;
  extension: string;
  /** Supervisors: the teams they supervise (<teams><Team>), which they need not belong to. */
  supervises?: Array<{ id: string; name: string }>;
}

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: readonly DemoUser[] = [
  { id: '1001', firstName: 'Anna', lastName: 'Nowak', roles: ['Agent'], teamId: '1', teamName: 'Team A', extension: '1001001' },
  { id: '1002', firstName: 'Piotr', lastName: 'Kowalski', roles: ['Agent'], teamId: '1', teamName: 'Team A', extension: '1001002' },
  // As in a usual UCCX set-up the supervisor sits in a team of his own and supervises others.
  { id: '2001', firstName: 'Ewa', lastName: 'Wiśniewska', roles: ['Agent', 'Supervisor'], teamId: '8', teamName: 'Supervisors', extension: '1002001', supervises: [{ id: '1', name: 'Team A' }] },
  { id: '2002', firstName: 'Marek', lastName: 'Zieliński', roles: ['Agent', 'Supervisor'], teamId: '8', teamName: 'Supervisors', extension: '1002002', supervises: [{ id: '1', name: 'Team A' }, { id: '2', name: 'Team B' }] },
  { id: '1101', firstName: 'John', lastName: 'Smith', roles: ['Agent'], teamId: '2', teamName: 'Team B', extension: '1001101' },
  // The admin is an ordinary Finesse user; the Campaign Manager's configuration makes him admin.
  { id: '9001', firstName: 'Adam', lastName: 'Admin', roles: ['Agent', 'Supervisor'], teamId: '9', teamName: 'Operations', extension: '1009001', supervises: [{ id: '2', name: 'Team B' }] },
];

export const findDemoUser = (id: string): DemoUser | undefined => DEMO_USERS.find((u) => u.id === id);
