import { Injectable } from '@nestjs/common';

/**
 * The application's notion of "now". Every rule that depends on time (deadlines, opening hours,
 * retention, expiry of locks and jobs) asks the Clock, so that tests can move time instead of
 * waiting for it or retrying. In production nothing sets it and it follows the system clock.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Tests only: from now on, time reads as `instant` and runs on from there. */
  setNow(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }

  /** Tests only: moves time forward (or back, with a negative value). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Tests only: back to the system clock. */
  reset(): void {
    this.offsetMs = 0;
  }
}
