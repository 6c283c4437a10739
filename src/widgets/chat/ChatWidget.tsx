import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TeppanError } from '../../core';
import { useCatalog, useTeppan } from '../../query';
import { uiCss, useStyles } from '../../ui';
import { bringIntoView, widgetOnPage } from '../onPage';
import { useHostCallback } from '../useHostCallback';
import { useMessages } from '../useMessages';
import { chatApi } from './api';
import { ChatPanel } from './ChatPanel';
import css from './chat.css?inline';
import { en } from './messages/en';
import { chatTranslations } from './messages/load';
import { useChat } from './useChat';
import { useLead } from './useLead';

export interface ChatWidgetProps {
  /** The panel's heading ("Questions? Ask us"). */
  heading?: string;
  /**
   * The language it speaks and asks answers in (`es`, `es-MX`, `auto`: the visitor's browser). Unset, the
   * `TeppanProvider`'s `locale` decides, else the page's `<html lang>`, else English.
   */
  locale?: string;
  /** The page with the QuoteCalculator, for "Get a quote" when there is none on this page. */
  quoteUrl?: string;
  /** Opens and closes the panel (controlled); leave it out and the widget keeps its own state. */
  open?: boolean;
  /** Whether the panel starts open (uncontrolled). */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * Draw the "Open chat" button (the default). Turn it off when something else
   * opens the chat: the embed's `<teppan-chat>` draws its own before any code loads.
   */
  launcher?: boolean;
  onReady?: () => void;
  /** A failure the visitor was shown. */
  onError?: (error: TeppanError) => void;
}

/** Questions answered as they stream, from the business's own facts, and a person when that is not enough. */
export default function ChatWidget(props: ChatWidgetProps) {
  useStyles(uiCss, css);
  const { t, locale } = useMessages(en, chatTranslations, props.locale);
  const { data: catalog } = useCatalog();
  const { http, scope } = useTeppan();
  const api = useMemo(() => chatApi(http), [http]);
  const onError = useHostCallback('onError', props.onError);
  const onReady = useHostCallback('onReady', props.onReady);
  useEffect(() => onReady(), [onReady]);
  const chat = useChat({ api, scope, locale: locale.tag, onError });
  const lead = useLead({ api, scope, onError, locale: locale.tag });
  const [ownOpen, setOwnOpen] = useState(props.defaultOpen ?? false);
  const open = props.open ?? ownOpen;
  const [draft, setDraft] = useState('');
  const launcherRef = useRef<HTMLButtonElement>(null);
  const onOpenChange = useHostCallback('onOpenChange', props.onOpenChange);
  const showLauncher = props.launcher ?? true;

  const setOpen = useCallback(
    (next: boolean) => {
      setOwnOpen(next);
      onOpenChange(next);
    },
    [onOpenChange],
  );
  // Closing returns focus to the button that opened it.
  const close = () => {
    setOpen(false);
    if (showLauncher) requestAnimationFrame(() => launcherRef.current?.focus());
  };

  const target = widgetOnPage('quote');
  const quote = target
    ? () => {
        bringIntoView(target);
        // On a phone the panel covers the page: step aside so the calculator is seen.
        if (window.matchMedia?.('(max-width: 40em)').matches) close();
      }
    : props.quoteUrl
      ? () => window.location.assign(props.quoteUrl ?? '')
      : undefined;

  return (
    <div className="teppan-root teppan-chat" part="root" lang={locale.tag}>
      {showLauncher && !open ? (
        <button type="button" className="teppan-launcher" ref={launcherRef} aria-label={t('openChat')} onClick={() => setOpen(true)} part="launcher">
          {t('launcher')}
        </button>
      ) : null}
      {open ? (
        <ChatPanel
          chat={chat}
          lead={lead}
          t={t}
          locale={locale.tag}
          heading={props.heading ?? t('heading', { business: catalog.name })}
          businessName={catalog.name}
          draft={draft}
          onDraftChange={setDraft}
          quote={quote}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
