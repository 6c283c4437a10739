import type { Catalog, ManageView } from '../../contract';
import { formatMoney, formatTime, type Locale, longDate, type TeppanError, type Translate, zonedInstant } from '../../core';
import { Button, ErrorNotice } from '../../ui';
import { SeatingPicker } from '../SeatingPicker';
import type { ChooseProblem } from './manageReducer';
import type { ManageMessages } from './messages/en';
import { worded } from './words';

interface Common {
  view: ManageView;
  catalog: Catalog;
  t: Translate<ManageMessages>;
  locale: Locale;
  onBack: () => void;
}

/** "Monday, March 14, 2027 at 6:00 PM" of a seating, in the business's time zone. */
export function seatingWhen(t: Translate<ManageMessages>, catalog: Catalog, slotId: string, locale: Locale): string {
  const [date = '', time = ''] = slotId.split('T');
  return t('confirmChange.when', {
    date: longDate(date, locale.tag),
    time: formatTime(zonedInstant(date, time, catalog.timeZone), catalog.timeZone, locale.tag),
  });
}

interface ChooseProps extends Common {
  day: string | null;
  slotId: string | null;
  problem: ChooseProblem | undefined;
  onPick: (change: { day?: string; slotId?: string | null }) => void;
  onContinue: () => void;
}

/** The seatings to move to, as in the booking form: a month of days, the chosen day's seatings as radios. */
export function ChooseSeating({ view, catalog, t, locale, day, slotId, problem, onPick, onContinue, onBack }: ChooseProps) {
  const b = view.booking;
  const error =
    problem === 'seating-full'
      ? t('problem.seating-full')
      : problem === 'same-seating'
        ? t('change.same')
        : problem === 'none-chosen'
          ? t('change.choose')
          : undefined;
  return (
    <div className="teppan-manage__step">
      <p>{t('change.current', { date: longDate(b.slotId.slice(0, 10), locale.tag), time: formatTime(b.start, catalog.timeZone, locale.tag) })}</p>
      <SeatingPicker
        catalog={catalog}
        guests={b.guests}
        startDay={b.slotId.slice(0, 10)}
        day={day}
        slotId={slotId}
        onChange={onPick}
        error={error}
        t={t}
        locale={locale.tag}
      />
      <div className="teppan-manage__actions">
        <Button variant="secondary" onClick={onBack}>
          {t('back')}
        </Button>
        <Button onClick={onContinue}>{t('continue')}</Button>
      </div>
    </div>
  );
}

interface ConfirmProps extends Common {
  slotId: string;
  pending: boolean;
  error: TeppanError | null;
  onConfirm: () => void;
}

/** The change as it will be made, and what it costs (nothing now): only "Confirm new date" sends it. */
export function ConfirmMove({ view, catalog, t, locale, slotId, pending, error, onConfirm, onBack }: ConfirmProps) {
  const b = view.booking;
  return (
    <div className="teppan-manage__step">
      <dl className="teppan-manage__facts">
        <div>
          <dt>{t('confirmChange.from')}</dt>
          <dd>{seatingWhen(t, catalog, b.slotId, locale)}</dd>
        </div>
        <div>
          <dt>{t('confirmChange.to')}</dt>
          <dd>{seatingWhen(t, catalog, slotId, locale)}</dd>
        </div>
      </dl>
      <p>{t('confirmChange.deposit', { deposit: formatMoney(b.depositCents, b.currency, locale.tag) })}</p>
      {error ? <ErrorNotice error={worded(t, error, view.policy.rescheduleUntilDays)} onRetry={onConfirm} retryLabel={t('tryAgain')} /> : null}
      <div className="teppan-manage__actions">
        <Button variant="secondary" onClick={onBack}>
          {t('back')}
        </Button>
        <Button onClick={onConfirm} busy={pending}>
          {t('confirmChange.button')}
        </Button>
      </div>
    </div>
  );
}
