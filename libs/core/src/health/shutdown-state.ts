import { Injectable } from '@nestjs/common';

/** Whether the process is stopping (SIGTERM received): readiness then answers 503 at once. */
@Injectable()
export class ShutdownState {
  private stoppingSince: Date | null = null;

  begin(): void {
    this.stoppingSince ??= new Date();
  }

  get stopping(): boolean {
    return this.stoppingSince !== null;
  }
}
