// Demo users of the embedded Finesse simulator. Every one signs in with the password "demo".
export interface DemoUser {
  id: string;
  firstName: string;
  lastName: string;
  roles: Array<'Agent' | 'Supervisor'>;
  teamId: string;
  teamName: string;
  extension: string;
}

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: readonly DemoUser[] = [
  { id: '1001', firstName: 'Anna', lastName: 'Nowak', roles: ['Agent'], teamId: '1', teamName: 'Team A', extension: '1001001' },
  { id: '1002', firstName: 'Piotr', lastName: 'Kowalski', roles: ['Agent'], teamId: '1', teamName: 'Team A', extension: '1001002' },
  { id: '2001', firstName: 'Ewa', lastName: 'Wiśniewska', roles: ['Agent', 'Supervisor'], teamId: '1', teamName: 'Team A', extension: '1002001' },
  { id: '1101', firstName: 'John', lastName: 'Smith', roles: ['Agent'], teamId: '2', teamName: 'Team B', extension: '1001101' },
  // The admin is an ordinary Finesse user; the Campaign Manager's configuration makes him admin.
  { id: '9001', firstName: 'Adam', lastName: 'Admin', roles: ['Agent', 'Supervisor'], teamId: '9', teamName: 'Operations', extension: '1009001' },
];

export const findDemoUser = (id: string): DemoUser | undefined => DEMO_USERS.find((u) => u.id === id);
