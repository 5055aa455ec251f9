import { Injectable } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';

/**
 * Which programme a call belongs to. The call engine itself never looks at it; it only tells
 * registered outcome handlers (see CallOutcomeHandler) which accepted applications are theirs.
 */
export enum CallProgramme {
  general = 'general',
  activity_zones = 'activity_zones',
  micro_grants = 'micro_grants',
}
registerEnumType(CallProgramme, { name: 'CallProgramme' });

/** Runs when an admin publishes a call's decisions, for calls of its programme. */
export interface CallOutcomeHandler {
  programme: CallProgramme;
  onAccepted(
    callId: string,
    accepted: { applicationId: string; organisationId: string }[],
  ): Promise<void>;
}

export const CALL_OUTCOME_HANDLERS = Symbol('CALL_OUTCOME_HANDLERS');

/**
 * Where another context registers its outcome handler (e.g. grants, in its onModuleInit), so the
 * engine needs no import of it. Read together with CALL_OUTCOME_HANDLERS at publication.
 */
@Injectable()
export class CallOutcomeRegistry {
  private readonly registered: CallOutcomeHandler[] = [];

  register(handler: CallOutcomeHandler): void {
    if (!this.registered.includes(handler)) this.registered.push(handler);
  }

  all(): CallOutcomeHandler[] {
    return [...this.registered];
  }
}
