import type { Quote } from '../../contract';
import type { TeppanError } from '../../core';
import { Button } from '../../ui';
import { bringIntoView, quoteOnPage } from '../quoteOnPage';
import type { WidgetSlots } from '../slots';

export interface NoQuoteProps {
  /** The calculator to show in place (a page with none of its own); without it, a prompt pointing to the page's. */
  calculator: WidgetSlots['Quote'];
  quoteUrl: string | undefined;
  /** A quote from an earlier visit, with whatever booking was made of it: offered, not opened. */
  remembered: boolean;
  onResume: () => void;
  onQuote: (quote: Quote) => void;
  onError: (error: TeppanError) => void;
}

/** The booking form before it has a quote: the calculator in place as its first step, or a short prompt pointing to the page's. */
export function NoQuote({ calculator: Calculator, quoteUrl, remembered, onResume, onQuote, onError }: NoQuoteProps) {
  const resume = (
    <Button variant={Calculator ? 'secondary' : 'primary'} onClick={onResume}>
      Continue your booking
    </Button>
  );
  if (Calculator) {
    return (
      <div className="teppan-booking__start">
        {remembered ? <p className="teppan-booking__resume">Your booking in progress is saved on this device. {resume}</p> : null}
        <Calculator inline heading="Start with a quote" onQuote={onQuote} onError={onError} />
      </div>
    );
  }
  return (
    <div className="teppan-booking__empty">
      {remembered ? (
        <>
          <p>Your booking in progress is saved on this device.</p>
          {resume}
        </>
      ) : (
        <>
          <p>Start with a quote: choose your guests and menu in the quote calculator, then book it here.</p>
          {quoteUrl ? (
            <a className="teppan-button" href={quoteUrl}>
              Get a quote
            </a>
          ) : (
            <Button
              onClick={() => {
                const calculator = quoteOnPage();
                if (calculator) bringIntoView(calculator);
              }}
            >
              Get a quote
            </Button>
          )}
        </>
      )}
    </div>
  );
}
