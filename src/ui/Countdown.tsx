import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useStableCallback } from './useStableCallback';

export interface CountdownProps {
  /** The instant it ends, ISO 8601. */
  until: string;
  /** The visible words around the time left (`14:32`). */
  children: (timeLeft: string) => ReactNode;
  /** Said politely to screen readers as the time left crosses each of `announceAt` minutes. */
  announce: (minutesLeft: number) => string;
  announceAt?: readonly number[];
  onEnd?: () => void;
}

const left = (until: string) => Math.max(0, Date.parse(until) - Date.now());

function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Time left until `until`, ticking each second. The ticking text is a timer
 * (not live: a screen reader reads it when asked); the moments that matter
 * are announced once each through a polite live region.
 */
export function Countdown({ until, children, announce, announceAt = [5, 1], onEnd }: CountdownProps) {
  const [ms, setMs] = useState(() => left(until));
  const [said, setSaid] = useState('');
  const startedAt = useRef(ms);
  const ended = useStableCallback(onEnd);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => {
      const now = left(until);
      setMs(now);
      if (now > 0) return;
      // Once: the time is up, nothing more to count.
      clearInterval(timer);
      ended();
    };
    timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [until, ended]);

  // Each threshold once, and only one crossed while counting (not one already past when it started).
  const crossed = announceAt.filter((m) => ms <= m * 60_000 && startedAt.current > m * 60_000).sort((a, b) => a - b)[0];
  const running = ms > 0;
  useEffect(() => {
    if (crossed !== undefined && running) setSaid(announce(crossed));
  }, [crossed, running, announce]);

  return (
    <>
      <span role="timer">{children(clock(ms))}</span>
      <span className="teppan-sr-only" aria-live="polite">
        {said}
      </span>
    </>
  );
}
