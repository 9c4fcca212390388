// Entry of the admin bundle (cb-admin.js): the <cb-admin> view, mounted by /admin/ (standalone,
// sign-in form) or by admin.xml inside Finesse (the admin's Finesse credentials from the desktop).
import '../components/cb-admin/cb-admin.ts';
import { AdminApi } from './admin-api.ts';

export { CbAdmin } from '../components/cb-admin/cb-admin.ts';
export { AdminApi };

/** Inside Finesse: the desktop already proved who the admin is; reuse his Authorization header. */
export function mountInFinesse(root: HTMLElement & { api?: AdminApi }, cmUrl: string, authorization: string): void {
  root.api = new AdminApi(cmUrl, authorization);
}
