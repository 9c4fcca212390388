// A fake BFF for the admin view's component tests: the real AdminApi over a fetch that answers by
// method and path and records every call.
import { AdminApi } from '../admin/admin-api.ts';

type Answer = { status?: number; body?: unknown } | ((body: any) => { status?: number; body?: unknown });

export function fakeAdmin(routes: Record<string, Answer>) {
  const calls: Array<{ method: string; path: string; body: any }> = [];
  const fetchImpl = (async (url: string, init: RequestInit = {}) => {
    const path = new URL(url).pathname + new URL(url).search;
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    const key = Object.keys(routes).find((k) => k === `${method} ${path}` || k === `${method} ${path.split('?')[0]}`);
    if (!key) return new Response(JSON.stringify({ error: 'not_found' }), { status: 404 });
    const route = routes[key];
    const answer = typeof route === 'function' ? route(body) : route;
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body ?? null), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { api: new AdminApi('http://cm.test', 'Basic eDp5', fetchImpl), calls, fetchImpl };
}
