import {
  type CancelRequest,
  type CancelResponse,
  cancelResponse,
  type ManageView,
  manageView,
  type RescheduleRequest,
  type RescheduleResponse,
  rescheduleResponse,
} from '../../contract';
import type { CallOptions, CreateOptions, HttpClient } from '../../core';

/**
 * The manage link's calls, beside the widget: only pages that show it pay for their code and schemas. Same
 * client, same policy as every other call. Logs and errors name the route, never the token (the capability).
 */
export interface ManageApi {
  /** What a token opens: the booking and what may be done with it. Only reads. */
  view(token: string, o?: CallOptions): Promise<ManageView>;
  /** Moves the booking to another seating (one key per confirmed change). */
  reschedule(token: string, body: RescheduleRequest, o: CreateOptions): Promise<RescheduleResponse>;
  /** Cancels the booking, refunding what the policy says (one key per confirmed cancellation). */
  cancel(token: string, body: CancelRequest, o: CreateOptions): Promise<CancelResponse>;
}

const path = (token: string, action = '') => `/manage/${encodeURIComponent(token)}${action}`;

export function manageApi(http: HttpClient): ManageApi {
  return {
    view: (token, o) => http.request({ method: 'GET', path: path(token), route: '/manage/:token', schema: manageView, timing: 'lookup', ...o }),
    reschedule: (token, body, o) =>
      http.request({
        method: 'POST',
        path: path(token, '/reschedule'),
        route: '/manage/:token/reschedule',
        body,
        schema: rescheduleResponse,
        timing: 'bookingCreate',
        ...o,
      }),
    cancel: (token, body, o) =>
      http.request({ method: 'POST', path: path(token, '/cancel'), route: '/manage/:token/cancel', body, schema: cancelResponse, timing: 'payment', ...o }),
  };
}
