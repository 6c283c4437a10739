import type { ChatAction } from '../../contract';
import type { Translate } from '../../core';
import type { ChatEntry } from './chatReducer';
import { chatFailure } from './failure';
import { MessageText } from './MessageText';
import type { ChatWords } from './messages/en';

export interface ChatLogProps {
  t: Translate<ChatWords>;
  entries: ChatEntry[];
  businessName: string;
  onRetry: (messageId: string) => void;
  onAction: (action: ChatAction) => void;
  /** Whether "Get a quote" can go anywhere on this page. */
  canQuote: boolean;
}

const STATUS = { waiting: 'status.waiting', sending: 'status.sending', sent: 'status.sent' } as const;

/** What a reply offers, in the widget's words by its type (the server's label is its own language's). */
const ACTION_WORDS = { quote: 'getQuote', handoff: 'talkToPerson' } as const;

function LinkButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <button type="button" className="teppan-link" onClick={onClick}>
      {children}
    </button>
  );
}

/** The conversation, oldest first: each message as text, its state, and what can be done about it. */
export function ChatLog({ t, entries, businessName, onRetry, onAction, canQuote }: ChatLogProps) {
  return (
    <ol className="teppan-chat__log" aria-label={t('messages')}>
      {entries.map((entry) =>
        entry.kind === 'visitor' ? (
          <li key={entry.id} className="teppan-chat__message teppan-chat__message--visitor">
            <span className="teppan-sr-only">{t('you')}</span>
            <p className="teppan-chat__bubble">
              <MessageText text={entry.text} />
            </p>
            <p className="teppan-chat__status">
              {entry.status === 'failed' ? (
                <>
                  {entry.error && entry.error.kind !== 'aborted' ? t('status.notSentBecause', { reason: chatFailure(t, entry.error) }) : t('status.notSent')}{' '}
                  <LinkButton onClick={() => onRetry(entry.id)}>{t('tryAgain')}</LinkButton>
                </>
              ) : (
                t(STATUS[entry.status])
              )}
            </p>
          </li>
        ) : (
          <li key={entry.id} className="teppan-chat__message teppan-chat__message--reply" aria-busy={entry.state === 'streaming' || undefined}>
            <span className="teppan-sr-only">{t('speaker', { business: businessName })}</span>
            <p className="teppan-chat__bubble">
              <MessageText text={entry.text} />
            </p>
            {entry.state === 'cut' ? (
              <p className="teppan-chat__status">
                {t('reply.cut')} <LinkButton onClick={() => onRetry(entry.forMessage)}>{t('tryAgain')}</LinkButton>
              </p>
            ) : entry.state === 'stopped' ? (
              <p className="teppan-chat__status">
                {t('reply.stopped')} <LinkButton onClick={() => onRetry(entry.forMessage)}>{t('reply.showAll')}</LinkButton>
              </p>
            ) : null}
            {entry.state === 'done' && entry.actions.length > 0 ? (
              <div className="teppan-chat__actions">
                {entry.actions
                  .filter((a) => a.type !== 'quote' || canQuote)
                  .map((a) => (
                    <button key={a.type} type="button" className="teppan-button teppan-button--secondary" onClick={() => onAction(a)}>
                      {t(ACTION_WORDS[a.type])}
                    </button>
                  ))}
              </div>
            ) : null}
          </li>
        ),
      )}
    </ol>
  );
}
