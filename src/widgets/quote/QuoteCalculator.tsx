import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MenuItem, Quote } from '../../contract';
import { bookableDates, emitLog, formatMoney, menuItemIn, priceQuote, safeStorage, type TeppanError } from '../../core';
import { queryKeys, useCatalog, useFunnel, useTeppan } from '../../query';
import { Button, ErrorNotice, LineItems, TextField, uiCss, useStyles } from '../../ui';
import { useHostCallback } from '../useHostCallback';
import { useMessages } from '../useMessages';
import { WidgetFrame } from '../WidgetFrame';
import { failureWords, fieldWords, lineLabel, serverProblems } from '../words';
import { checkQuoteForm, emptyQuoteForm, isQuoteFormValues, type QuoteFormValues } from './form';
import { en } from './messages/en';
import { quoteTranslations } from './messages/load';
import css from './quote.css?inline';
import { quoteSpec } from './spec';
import { useServerQuote } from './useServerQuote';

export interface QuoteCalculatorProps {
  /** Heading above the calculator. */
  heading?: string;
  /**
   * The language it speaks (BCP 47, `es` or `es-MX`), or `auto` for the visitor's browser. Unset, the
   * `TeppanProvider`'s `locale` decides, else the page's `<html lang>`, else English.
   */
  locale?: string;
  /** Starting number of adults (the visitor's own last entries win after a reload). */
  defaultAdults?: number;
  defaultChildren?: number;
  /** `YYYY-MM-DD`. */
  defaultEventDate?: string;
  defaultZip?: string;
  /**
   * The page with the BookingForm. "Book this quote" opens it with `?quote=<id>`.
   * Without it, the quote goes to a BookingForm on this page. Either way the
   * quote is handed off through the funnel (see src/core/funnel.ts).
   */
  bookingUrl?: string;
  /** The visitor chose to book this quote (also the `teppan:quote` event). */
  onQuote?: (quote: Quote) => void;
  /** The calculator is ready for input. */
  onReady?: () => void;
  /** A failure the visitor was shown. */
  onError?: (error: TeppanError) => void;
  /**
   * Shown inside another widget (the booking form's first step), which frames it and heads it at level 2: no frame
   * of its own, its headings a level lower. The booking form sets it; no element attribute does.
   */
  inline?: boolean;
}

const NUMERIC = { inputMode: 'numeric', pattern: '[0-9]*', autoComplete: 'off' } as const;

/** Guests, menu, date and ZIP in; a live itemised estimate, then the server's quote, out. */
export default function QuoteCalculator(props: QuoteCalculatorProps) {
  useStyles(uiCss, css);
  const { data: catalog } = useCatalog();
  const { scope, onLog } = useTeppan();
  const words = useMessages(en, quoteTranslations, props.locale);
  const { t, locale } = words;
  const client = useQueryClient();
  const { handOff } = useFunnel();
  const draftKey = `teppan:quote-draft:${scope}`;
  const formId = useId();

  const [values, setValues] = useState<QuoteFormValues>(
    () =>
      safeStorage.read(draftKey, isQuoteFormValues) ??
      emptyQuoteForm(catalog, {
        adults: props.defaultAdults?.toString(),
        children: props.defaultChildren?.toString(),
        eventDate: props.defaultEventDate,
        zip: props.defaultZip,
      }),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const now = useMemo(() => Date.now(), []);
  const window_ = useMemo(() => bookableDates(catalog, now), [catalog, now]);

  const check = useMemo(() => checkQuoteForm(values, catalog, now), [values, catalog, now]);
  const estimate = useMemo(() => (check.price ? priceQuote(catalog, check.price) : undefined), [check.price, catalog]);
  const server = useServerQuote(check.input);
  const money = (cents: number) => formatMoney(cents, catalog.currency, locale.tag);

  const onReady = useHostCallback('onReady', props.onReady);
  const onError = useHostCallback('onError', props.onError);
  const onQuote = useHostCallback('onQuote', props.onQuote);
  useEffect(() => onReady(), [onReady]);
  useEffect(() => {
    safeStorage.write(draftKey, values);
  }, [draftKey, values]);
  useEffect(() => {
    if (server.error && server.error.kind !== 'validation') onError(server.error);
  }, [server.error, onError]);

  // The server's figure is the one shown; a disagreement with the estimate is worth knowing about.
  const quote = server.quote;
  const handledQuote = useRef<string | undefined>(undefined);
  useEffect(() => {
    // Once per quote, not on every render.
    if (!quote || handledQuote.current === quote.id) return;
    handledQuote.current = quote.id;
    const travel = quote.lines.filter((l) => l.kind === 'travel').reduce((s, l) => s + l.amountCents, 0);
    if (estimate && quote.totalCents - travel !== estimate.totalCents) {
      emitLog(onLog, { type: 'quote-mismatch', estimateCents: estimate.totalCents, quoteCents: quote.totalCents, quoteId: quote.id });
    }
    const format = (cents: number) => formatMoney(cents, quote.currency, locale.tag);
    setAnnouncement(t('announce.updated', { total: format(quote.totalCents), deposit: format(quote.depositCents) }));
  }, [quote, estimate, onLog, locale, t]);

  const serverErrors = serverProblems(server.error);
  // A menu item in the visitor's language, its name in a problem with it too (the server's params carry the tenant's).
  const itemWords = (item: MenuItem) => menuItemIn(item, locale.language);
  const errorFor = (field: string) => {
    const problem = serverErrors[field] ?? (touched.has(field) ? check.errors[field] : undefined);
    const [group, id] = field.split('.');
    const item = (group === 'upgrades' ? catalog.upgrades : group === 'addOns' ? catalog.addOns : []).find((i) => i.id === id);
    return problem && fieldWords(words, field, item && problem.params ? { ...problem, params: { ...problem.params, item: itemWords(item).name } } : problem);
  };
  const touch = (field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));

  const set = (field: 'adults' | 'children' | 'eventDate' | 'zip', typing = true) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => {
      setValues((v) => ({ ...v, [field]: e.target.value }));
      if (typing) touch(field);
    },
    onBlur: () => touch(field),
  });
  const setCount = (group: 'upgrades' | 'addOns', id: string) => ({
    value: values[group][id] ?? '0',
    onChange: (e: { target: { value: string } }) => {
      setValues((v) => ({ ...v, [group]: { ...v[group], [id]: e.target.value } }));
      touch(`${group}.${id}`);
    },
  });

  function book(e: FormEvent) {
    e.preventDefault();
    if (!quote) {
      // Show every message at once and take the visitor to the first one.
      setTouched(new Set(Object.keys(check.errors)));
      const first = Object.keys({ ...check.errors, ...serverErrors })[0];
      if (first) formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    // The cache spares the booking form a request; the funnel is what hands the quote on.
    client.setQueryData(queryKeys.quote(scope, quote.id), quote);
    handOff({ quoteId: quote.id });
    onQuote(quote);
    if (props.bookingUrl) {
      const url = new URL(props.bookingUrl, window.location.href);
      url.searchParams.set('quote', quote.id);
      window.location.assign(url.toString());
    } else {
      setAnnouncement(t('announce.handedOff'));
    }
  }

  const inline = props.inline === true;
  // Its own heading a level below the frame's (WidgetFrame's h2, or h3 in place).
  const SummaryHeading = inline ? 'h4' : 'h3';
  const lines = quote ? quote.lines : (estimate?.lines ?? []);
  const total = quote?.totalCents ?? estimate?.totalCents;
  const status = quote
    ? t('status.quote', { zip: quote.zip, date: new Date(quote.expiresAt).toLocaleDateString(locale.tag, { timeZone: catalog.timeZone }) })
    : server.pending
      ? t('status.checking')
      : estimate
        ? t('status.estimate')
        : t('status.empty');

  return (
    <WidgetFrame spec={quoteSpec} className="teppan-quote" heading={props.heading ?? t('heading')} inline={inline} lang={locale.tag}>
      <div className="teppan-quote__layout">
        <form className="teppan-quote__form" id={formId} ref={formRef} noValidate onSubmit={book}>
          <div className="teppan-field-row teppan-quote__pair">
            <TextField label={t('adults')} {...NUMERIC} {...set('adults')} error={errorFor('adults')} data-field="adults" required />
            <TextField
              label={t('children')}
              hint={t('childrenHint', { age: catalog.prices.childUnderAge })}
              {...NUMERIC}
              {...set('children')}
              error={errorFor('children')}
              data-field="children"
            />
          </div>
          {catalog.upgrades.length > 0 ? (
            <fieldset className="teppan-group teppan-field-row teppan-quote__group">
              <legend>{t('upgrades')}</legend>
              {catalog.upgrades.map((item) => (
                <TextField
                  key={item.id}
                  label={itemWords(item).name}
                  hint={`+${money(item.priceCents)} ${itemWords(item).unitLabel}`}
                  {...NUMERIC}
                  {...setCount('upgrades', item.id)}
                  error={errorFor(`upgrades.${item.id}`)}
                  data-field={`upgrades.${item.id}`}
                />
              ))}
            </fieldset>
          ) : null}
          {catalog.addOns.length > 0 ? (
            <fieldset className="teppan-group teppan-field-row teppan-quote__group">
              <legend>{t('addOns')}</legend>
              {catalog.addOns.map((item) => (
                <TextField
                  key={item.id}
                  label={itemWords(item).name}
                  hint={`${money(item.priceCents)} ${itemWords(item).unitLabel}`}
                  {...NUMERIC}
                  {...setCount('addOns', item.id)}
                  error={errorFor(`addOns.${item.id}`)}
                  data-field={`addOns.${item.id}`}
                />
              ))}
            </fieldset>
          ) : null}
          <div className="teppan-field-row teppan-quote__pair">
            <TextField
              label={t('eventDate')}
              type="date"
              min={window_.first}
              max={window_.last}
              {...set('eventDate')}
              error={errorFor('eventDate')}
              data-field="eventDate"
              required
            />
            <TextField
              label={t('zip')}
              {...NUMERIC}
              autoComplete="postal-code"
              {...set('zip', false)}
              onChange={(e) => {
                const zip = e.target.value;
                setValues((v) => ({ ...v, zip }));
                if (zip.trim().length >= 5) touch('zip');
              }}
              error={errorFor('zip')}
              data-field="zip"
              required
            />
          </div>
        </form>

        <div className="teppan-quote__summary" part="summary">
          <SummaryHeading>{quote ? t('yourQuote') : t('yourEstimate')}</SummaryHeading>
          {lines.length > 0 && total !== undefined ? (
            <LineItems
              caption={quote ? t('quoteCaption') : t('estimateCaption')}
              lines={lines.map((l) => ({ label: lineLabel(words, catalog, l), amount: money(l.amountCents) }))}
              total={{ label: t('total'), amount: money(total) }}
            />
          ) : null}
          <p className="teppan-quote__status">{status}</p>
          {quote ? <p className="teppan-quote__deposit">{t('deposit', { deposit: money(quote.depositCents) })}</p> : null}
          {server.error && server.error.kind !== 'validation' ? (
            <ErrorNotice
              error={{ userMessage: failureWords(words, server.error), retryable: server.error.retryable }}
              onRetry={server.retry}
              retryLabel={t('tryAgain')}
            />
          ) : null}
          <Button type="submit" form={formId} busy={server.pending && !quote}>
            {t('book')}
          </Button>
        </div>
      </div>
      <p className="teppan-sr-only" aria-live="polite">
        {announcement}
      </p>
    </WidgetFrame>
  );
}
