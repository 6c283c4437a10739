import { type APIRequestContext, expect } from '@playwright/test';

/** The server's side of each row, read through the admin routes with the secret key. */
const ADMIN = { authorization: 'Bearer sk_test_demo' };

async function admin<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(`/api/v1/admin/${path}`, { headers: ADMIN });
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

export interface AdminBooking {
  id: string;
  status: string;
  customer: { name: string; email: string; phone: string };
  notes?: string;
  payments: { id: string; status: string }[];
}

export const bookings = async (request: APIRequestContext) => (await admin<{ bookings: AdminBooking[] }>(request, 'bookings')).bookings;

export interface AdminLead {
  name: string;
  phone?: string;
  question: string;
}

export const leads = async (request: APIRequestContext) => (await admin<{ leads: AdminLead[] }>(request, 'leads')).leads;

export interface AdminConversation {
  id: string;
  messages: { role: string; text: string }[];
}

export const conversations = async (request: APIRequestContext) =>
  (await admin<{ conversations: AdminConversation[] }>(request, 'conversations')).conversations;

/** A fault for the next matching requests (server/chaos.ts). */
export interface Fault {
  method: string;
  path: string;
  idempotencyKey?: string;
  reset?: boolean;
  drop?: boolean;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  times?: number;
}

export async function arm(request: APIRequestContext, fault: Fault) {
  expect((await request.post('/__chaos', { data: fault })).status()).toBe(201);
}

export interface Seen {
  method: string;
  path: string;
  /** Epoch ms when it reached the server (same machine, same clock as the test). */
  at: number;
  idempotencyKey?: string;
}

/** Requests that reached the server, oldest first: those carrying `key`, or those of `method` to `path`. */
export async function seen(request: APIRequestContext, which: { key: string } | { method: string; path: RegExp }): Promise<Seen[]> {
  const { requests } = (await (await request.get('/__chaos/requests')).json()) as { requests: Seen[] };
  return requests.filter((r) => ('key' in which ? r.idempotencyKey === which.key : r.method === which.method && which.path.test(r.path)));
}
