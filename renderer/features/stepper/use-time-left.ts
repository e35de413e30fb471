// A live "time left until a deadline" for the countdowns of the stepper, and its m:ss wording.
import { useEffect, useState } from 'react';

const TICK_MS = 250;

/** Milliseconds left until the deadline (epoch ms), never below zero; re-renders while it runs down. */
export function useTimeLeft(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) clearInterval(timer);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [deadline]);
  return Math.max(0, deadline - now);
}

/** 125_000 → "2:05"; rounds up so "0:00" means the time is really over. */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
