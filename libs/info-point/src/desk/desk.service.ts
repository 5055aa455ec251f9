import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { AuthUser, DomainException, logFailure } from '@sasiad/core';
import { assertDeskConsent } from '@sasiad/identity';
import { AskerService } from '../questions/asker.service';
import { QuestionChanges } from '../questions/question-changes.service';
import { QuestionViews } from '../questions/question-views';
import { DESK_CONSENT_VERSION } from '../questions/topics';
import { AskQuestionForPersonInput } from './dto/desk.inputs';
import { AskQuestionForPersonPayload } from './models/desk.model';

/**
 * Desk-assisted mode: a staff member asks for a person sitting beside them. The question is an
 * anonymous one like any other (encrypted, reachable with a one-time access code), marked as
 * asked at the desk by that staff member, with the person's oral consent recorded; the audit
 * names the staff member as actor on behalf of the code's holder.
 */
@Injectable()
export class DeskService {
  private readonly logger = new Logger(DeskService.name);

  constructor(
    private readonly asker: AskerService,
    private readonly changes: QuestionChanges,
    private readonly views: QuestionViews,
  ) {}

  /**
   * Order: consent is checked before anything is written; the question is created (one insert,
   * audited `askAtDesk`); only then, if asked, claimed by the one conditional claim of the
   * lifecycle (audited `claim`). A failed claim (a colleague's claim won in between) leaves an
   * open question in the queue, as without `claimForMe`, and the access code is still returned:
   * the question exists, and the person must not leave without its code.
   */
  async askForPerson(
    input: AskQuestionForPersonInput,
    staff: AuthUser,
  ): Promise<AskQuestionForPersonPayload> {
    assertDeskConsent(input, DESK_CONSENT_VERSION);
    const { question, accessCode } = await this.asker.createQuestion(input, {
      askerId: null,
      desk: { staffId: staff.id },
    });
    let current = question;
    if (input.claimForMe)
      current = await this.changes
        .staffChange(question._id.toHexString(), staff, 'claim', () => ({
          $set: { claimedBy: new Types.ObjectId(staff.id) },
        }))
        .catch((error: unknown) => {
          if (!(error instanceof DomainException)) logFailure(this.logger, 'desk claim', error);
          return question;
        });
    return {
      question: this.views.toAsker(current),
      accessCode: accessCode!,
      claimedByMe: current.claimedBy?.toHexString() === staff.id,
    };
  }
}
