import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Lead, LeadRequest } from '../../contract';
import { asTeppanError, isRefusal, newIdempotencyKey, TeppanError } from '../../core';
import { useStableCallback } from '../../ui';
import type { ChatApi } from './api';
import { en } from './messages/en';
import { type LeadProblem, serverLeadProblems } from './problems';
import { type LeadDraft, type LeadValues, leadMemory, newLeadDraft } from './store';

export type LeadSending =
  | { status: 'idle' }
  | { status: 'sending' }
  /** Not sent, or sent with no answer, while offline: sent again when the network is back. */
  | { status: 'offline' }
  | { status: 'failed'; error: TeppanError };

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** The form's own fields: a refusal of one of them is shown at it. */
const LEAD_FIELDS: ReadonlySet<string> = new Set(['name', 'email', 'phone', 'question']);

interface Options {
  api: ChatApi;
  scope: string;
  /** Told of failures the visitor was shown. */
  onError: (error: TeppanError) => void;
  /** The chat's language (a BCP 47 tag): kept with the lead, for the team to answer in it. */
  locale: string;
}

/**
 * "Talk to a person", sent exactly once: the draft and its key live in
 * localStorage, the request is written there before it leaves, and one whose
 * answer never came is sent again on arrival, when the network is back, or on
 * "Try again", so the server answers with the lead it may already hold.
 */
export function useLead({ api, scope, onError, locale }: Options) {
  const memory = useMemo(() => leadMemory(scope), [scope]);
  const [draft, setDraft] = useState<LeadDraft>(() => memory.load());
  const current = useRef(draft);
  /** The lead the team now has: thanked for on this page view, kept nowhere. */
  const [sent, setSent] = useState<Lead | null>(null);
  const [sending, setSending] = useState<LeadSending>({ status: 'idle' });
  /** Problems by field, as codes the form words (./problems.ts). */
  const [fieldErrors, setFieldErrors] = useState<Record<string, LeadProblem>>({});
  const inFlight = useRef(false);
  const failed = useStableCallback(onError);

  const save = useCallback(
    (next: LeadDraft) => {
      current.current = next;
      setDraft(next);
      memory.save(next);
    },
    [memory],
  );

  /** Sends the unanswered request if there is one, else `body`. */
  const send = useCallback(
    async (body?: LeadRequest) => {
      if (inFlight.current) return; // a double click, a reconnect during a send
      const request = current.current.pending ?? body;
      if (!request) return;
      save({ ...current.current, pending: request });
      setFieldErrors({});
      if (offline()) {
        setSending({ status: 'offline' });
        return;
      }
      inFlight.current = true;
      setSending({ status: 'sending' });
      try {
        const lead = await api.createLead({ ...request, locale }, { idempotencyKey: current.current.key });
        // Acknowledged: nothing of it stays on the device; the form stays open to thank.
        const fresh = newLeadDraft();
        memory.save(fresh);
        current.current = { ...fresh, open: true };
        setDraft(current.current);
        setSent(lead);
        setSending({ status: 'idle' });
      } catch (cause) {
        const error = asTeppanError(cause);
        if (error.status === 429) {
          // Too many leads from here, or to this business, this hour (a wait no retry bears): nothing was stored.
          // The fields stay editable with what was typed, and "Send to the team" sends it later.
          save({ ...current.current, pending: null });
          const limited = new TeppanError({ kind: 'busy', status: 429, problem: error.problem, userMessage: en['handoff.limited'], attempts: error.attempts });
          setSending({ status: 'failed', error: limited });
          failed(limited);
          return;
        }
        if (isRefusal(error)) {
          // A key that already made a lead of other details (never expected: re-sends are byte for byte) starts a new intent.
          const reused = error.problem?.code === 'idempotency-key-reused';
          save({ ...current.current, pending: null, ...(reused ? { key: newIdempotencyKey() } : {}) });
          // Refusals of what is on screen go to their fields; any other is said above the buttons.
          if (error.kind === 'validation' && Object.keys(error.fieldErrors).some((f) => LEAD_FIELDS.has(f))) {
            setFieldErrors(serverLeadProblems(error));
            setSending({ status: 'idle' });
            return;
          }
        } else if (offline()) {
          setSending({ status: 'offline' });
          return;
        }
        setSending({ status: 'failed', error });
        failed(error);
      } finally {
        inFlight.current = false;
      }
    },
    [api, memory, save, failed, locale],
  );

  // A lead whose answer never arrived (reload, closed tab) is asked again on arrival; and when the network is back.
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current) return;
    checked.current = true;
    if (current.current.pending) void send();
  }, [send]);
  useEffect(() => {
    const online = () => {
      if (current.current.pending) void send();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [send]);

  return {
    draft,
    sent,
    sending,
    fieldErrors,
    setFieldErrors,
    send,
    /** Opens the form; a fresh one starts from the visitor's last question. */
    open: (question: string) => {
      const d = current.current;
      setSent(null);
      save({ ...d, open: true, values: !d.pending && !d.values.question ? { ...d.values, question } : d.values });
    },
    /** Back to the chat: what was typed and not sent stays for later. */
    close: () => {
      setSent(null);
      save({ ...current.current, open: false });
    },
    change: (field: keyof LeadValues, value: string) => save({ ...current.current, values: { ...current.current.values, [field]: value } }),
  };
}

export type LeadForm = ReturnType<typeof useLead>;
