import type { ChatAction } from '../../contract';
import type { ChatEntry } from './chatReducer';
import { MessageText } from './MessageText';

export interface ChatLogProps {
  entries: ChatEntry[];
  businessName: string;
  onRetry: (messageId: string) => void;
  onAction: (action: ChatAction) => void;
  /** Whether "Get a quote" can go anywhere on this page. */
  canQuote: boolean;
}

const STATUS: Record<Exclude<Extract<ChatEntry, { kind: 'visitor' }>['status'], 'failed'>, string> = {
  waiting: 'Waiting for the network: it will be sent when you’re back online.',
  sending: 'Sending…',
  sent: 'Sent',
};

function LinkButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <button type="button" className="teppan-link" onClick={onClick}>
      {children}
    </button>
  );
}

/** The conversation, oldest first: each message as text, its state, and what can be done about it. */
export function ChatLog({ entries, businessName, onRetry, onAction, canQuote }: ChatLogProps) {
  return (
    <ol className="teppan-chat__log" aria-label="Messages">
      {entries.map((entry) =>
        entry.kind === 'visitor' ? (
          <li key={entry.id} className="teppan-chat__message teppan-chat__message--visitor">
            <span className="teppan-sr-only">You: </span>
            <p className="teppan-chat__bubble">
              <MessageText text={entry.text} />
            </p>
            <p className="teppan-chat__status">
              {entry.status === 'failed' ? (
                <>
                  Not sent{entry.error && entry.error.kind !== 'aborted' ? `: ${entry.error.userMessage}` : '.'}{' '}
                  <LinkButton onClick={() => onRetry(entry.id)}>Try again</LinkButton>
                </>
              ) : (
                STATUS[entry.status]
              )}
            </p>
          </li>
        ) : (
          <li key={entry.id} className="teppan-chat__message teppan-chat__message--reply" aria-busy={entry.state === 'streaming' || undefined}>
            <span className="teppan-sr-only">{businessName}: </span>
            <p className="teppan-chat__bubble">
              <MessageText text={entry.text} />
            </p>
            {entry.state === 'cut' ? (
              <p className="teppan-chat__status">
                {entry.error?.userMessage ?? 'The answer was cut off.'} <LinkButton onClick={() => onRetry(entry.forMessage)}>Try again</LinkButton>
              </p>
            ) : entry.state === 'stopped' ? (
              <p className="teppan-chat__status">
                Stopped. <LinkButton onClick={() => onRetry(entry.forMessage)}>Show the whole answer</LinkButton>
              </p>
            ) : null}
            {entry.state === 'done' && entry.actions.length > 0 ? (
              <div className="teppan-chat__actions">
                {entry.actions
                  .filter((a) => a.type !== 'quote' || canQuote)
                  .map((a) => (
                    <button key={a.type} type="button" className="teppan-button teppan-button--secondary" onClick={() => onAction(a)}>
                      {a.label}
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
