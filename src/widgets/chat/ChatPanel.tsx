import { type FormEvent, type KeyboardEvent, type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { type ChatAction, chatText } from '../../contract';
import type { Translate } from '../../core';
import { Button, ErrorNotice } from '../../ui';
import { wordFailure } from '../failureMessages';
import { ChatLog } from './ChatLog';
import type { Announcement } from './chatReducer';
import { chatFailure } from './failure';
import { HandoffForm } from './HandoffForm';
import type { ChatWords } from './messages/en';
import { composerProblem } from './problems';
import type { Chat } from './useChat';
import type { LeadForm } from './useLead';

export interface ChatPanelProps {
  /** The widget's words, in the visitor's language. */
  t: Translate<ChatWords>;
  /** The BCP 47 tag its numbers are written for. */
  locale: string;
  chat: Chat;
  /** "Talk to a person", kept on this device: it reopens with the panel. */
  lead: LeadForm;
  heading: string;
  businessName: string;
  draft: string;
  onDraftChange: (text: string) => void;
  /** Where "Get a quote" goes, if anywhere. */
  quote: (() => void) | undefined;
  onClose: () => void;
}

const SUGGESTIONS = ['suggestion.price', 'suggestion.area', 'suggestion.rain'] as const;

/** What a screen reader is told, in words: a reply after who says it, or what became of a message. */
function announced(t: Translate<ChatWords>, a: Announcement | null, businessName: string): string {
  switch (a?.kind) {
    case undefined:
      return '';
    case 'reply':
      return `${t('speaker', { business: businessName })}${a.text}`;
    case 'cut':
      return t('announce.cut', { reason: t('reply.cut') });
    case 'offline':
      return t('announce.offline');
    case 'failed':
      return t('announce.failed', { reason: chatFailure(t, a.error) });
  }
}

/**
 * Phones: the panel is the whole screen, and the page behind it must not scroll under the visitor's thumb. Only
 * while it does cover the screen: under a transformed ancestor (a host's animated container, a docs page's story
 * frame) a fixed panel is held in that box instead, and the page around it must still scroll. Whether it covers the
 * screen is looked at again whenever its box or the window changes size: in a shadow root its styles can arrive
 * after its first frame, and a phone turns.
 */
function usePageScrollLock(panel: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const el = panel.current;
    if (!el) return;
    const page = document.documentElement;
    const before = page.style.overflow;
    let locked = false;
    const update = () => {
      const box = el.getBoundingClientRect();
      const covers =
        window.matchMedia?.('(max-width: 40em)').matches === true &&
        box.left <= 0 &&
        box.top <= 0 &&
        box.right >= window.innerWidth &&
        box.bottom >= window.innerHeight;
      if (covers === locked) return;
      locked = covers;
      page.style.overflow = covers ? 'hidden' : before;
    };
    update();
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    resized?.observe(el);
    window.addEventListener('resize', update);
    return () => {
      resized?.disconnect();
      window.removeEventListener('resize', update);
      if (locked) page.style.overflow = before;
    };
  }, [panel]);
}

/**
 * The chat as a non-modal dialog: the conversation, a "Message" box with
 * "Send" (and "Stop" while a reply streams), "Talk to a person" always at
 * hand. Escape closes it; replies are announced politely.
 */
export function ChatPanel({ t, locale, chat, lead, heading, businessName, draft, onDraftChange, quote, onClose }: ChatPanelProps) {
  const titleId = useId();
  const handoff = lead.draft.open;
  const isEnglish = locale.split('-')[0] === 'en';
  /** Why the message in the box can't go: the contract's rule, in the visitor's words. */
  const [problem, setProblem] = useState<string | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLElement>(null);
  const panel = useRef<HTMLElement>(null);
  usePageScrollLock(panel);

  // Opening puts the visitor in the message box, ready to type. The panel floats in view: nothing to scroll to (a
  // scroll would only move a page that holds it in a box of its own, such as a docs page of many stories).
  useLayoutEffect(() => {
    if (!handoff) box.current?.focus({ preventScroll: true });
  }, [handoff]);

  // The newest message in view as it grows, and once it ends: a reply's offers come with its end.
  const last = chat.entries.at(-1);
  const ending = last?.kind === 'reply' ? `${last.state} ${last.actions.length}` : last?.status;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls whenever the last message, its text or its state changes.
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [last?.id, last?.text, ending, chat.entries.length]);

  function submit(e?: FormEvent) {
    e?.preventDefault();
    // An empty box sends nothing and says nothing; anything else is checked by the contract's rule.
    if (draft === '') return;
    const checked = chatText.safeParse(draft);
    if (!checked.success) {
      const { code, max, english } = composerProblem(draft, checked.error.issues[0]);
      setProblem(isEnglish && english ? english : t(`composer.${code}`, { max: max.toLocaleString(locale) }));
      box.current?.focus();
      return;
    }
    chat.send(checked.data);
    onDraftChange('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  }

  const lastQuestion = [...chat.entries].reverse().find((e) => e.kind === 'visitor')?.text ?? '';
  const openHandoff = () => lead.open(lastQuestion);

  function onAction(action: ChatAction) {
    if (action.type === 'handoff') openHandoff();
    else quote?.();
  }

  return (
    <section className="teppan-chat__panel" ref={panel} role="dialog" aria-labelledby={titleId} onKeyDown={onKeyDown} part="panel">
      {/* Not a <header>: inside the dialog it would be read as a second banner of the page. */}
      <div className="teppan-chat__header">
        <h2 className="teppan-chat__title" id={titleId} part="heading">
          {heading}
        </h2>
        {handoff ? null : (
          <button type="button" className="teppan-link" onClick={openHandoff}>
            {t('talkToPerson')}
          </button>
        )}
        <button type="button" className="teppan-chat__close" onClick={onClose} aria-label={t('closeChat')}>
          ×
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region a keyboard must be able to scroll (WCAG 2.1.1, axe scrollable-region-focusable), even when it holds nothing else to focus. */}
      <section className="teppan-chat__body" ref={log} aria-label={t('conversation')} tabIndex={0}>
        {handoff ? (
          <HandoffForm t={t} english={isEnglish} lead={lead} conversationId={chat.conversationId()} onDone={lead.close} />
        ) : (
          <>
            <p className="teppan-chat__welcome">{t('welcome')}</p>
            {chat.historyError ? (
              <ErrorNotice
                // Always worth another try: the messages are kept on the server.
                error={{ userMessage: t('history.failed', { reason: wordFailure(t, chat.historyError) }), retryable: true }}
                onRetry={chat.reloadHistory}
                retryLabel={t('tryAgain')}
              />
            ) : null}
            {chat.entries.length === 0 && !chat.restoring ? (
              <ul className="teppan-chat__suggestions" aria-label={t('suggestedQuestions')}>
                {SUGGESTIONS.map((key) => t(key)).map((s) => (
                  <li key={s}>
                    <button
                      type="button"
                      className="teppan-button teppan-button--secondary"
                      onClick={() => {
                        chat.send(s);
                        // The suggestions go away with the button just pressed: the message box keeps the visitor's place.
                        box.current?.focus();
                      }}
                    >
                      {s}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <ChatLog
              t={t}
              entries={chat.entries}
              businessName={businessName}
              onRetry={(id) => {
                chat.retry(id);
                // "Try again" disappears as the message goes: focus stays in the panel, in the message box.
                box.current?.focus();
              }}
              onAction={onAction}
              canQuote={Boolean(quote)}
            />
          </>
        )}
      </section>
      {handoff ? null : (
        <form className="teppan-chat__composer" onSubmit={submit} aria-label={t('writeMessage')}>
          <label className="teppan-sr-only" htmlFor={`${titleId}-message`}>
            {t('message')}
          </label>
          <textarea
            id={`${titleId}-message`}
            ref={box}
            data-field="message"
            className="teppan-field__input teppan-chat__input"
            rows={2}
            // No maxLength: a long paste stays whole, and the contract's message says what is too long.
            placeholder={t('placeholder')}
            value={draft}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${titleId}-message-error`}
            onChange={(e) => {
              setProblem(undefined);
              onDraftChange(e.target.value);
            }}
            onKeyDown={(e) => {
              // Enter sends; Shift+Enter starts a new line.
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                submit();
              }
            }}
          />
          <p className="teppan-field__error" id={`${titleId}-message-error`} aria-live="polite">
            {problem}
          </p>
          <div className="teppan-chat__buttons">
            {chat.streaming ? (
              <Button variant="secondary" onClick={chat.stop}>
                {t('stop')}
              </Button>
            ) : null}
            <Button type="submit">{t('send')}</Button>
          </div>
        </form>
      )}
      <p className="teppan-sr-only" aria-live="polite">
        {announced(t, chat.announcement, businessName)}
      </p>
    </section>
  );
}
