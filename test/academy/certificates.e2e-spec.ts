import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { addLesson, addModule, createCourse, ok, publish } from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const CLAIM = `mutation($c: ID!, $n: String!) { claimCertificate(input: { courseId: $c, displayName: $n }) {
  id verificationCode displayName issuedAt revokedAt courseTitle { text language } } }`;
const VERIFY = `query($code: String!, $lang: Language) { verifyCertificate(verificationCode: $code, lang: $lang) {
  valid displayName issuedAt revokedAt courseTitle { text language isFallback } } }`;
const REVOKE = `mutation($id: ID!) { revokeCertificate(input: { certificateId: $id, reason: "Wydany omyłkowo" }) { id revokedAt verificationCode revocationReason } }`;

describe('academy: completion certificates', () => {
  let t: TestApp;
  let staff: { token: string };
  let courseId: string;
  let moduleId: string;
  let lessons: string[];

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    courseId = await createCourse(t, staff.token, {
      title: [
        { lang: 'pl', text: 'Budżet obywatelski' },
        { lang: 'uk', text: 'Громадський бюджет' },
      ],
      topic: 'participation',
    });
    moduleId = await addModule(t, staff.token, courseId, 1, [{ lang: 'pl', text: 'Projekty' }]);
    lessons = [
      await addLesson(t, staff.token, moduleId, 1, [{ lang: 'pl', text: 'Zgłoszenie' }]),
      await addLesson(t, staff.token, moduleId, 2, [{ lang: 'pl', text: 'Głosowanie' }]),
    ];
    await ok(
      t,
      `mutation($i: SetModuleQuizInput!) { setModuleQuiz(input: $i) { drawCount } }`,
      { i: { moduleId, drawCount: 1, passPercent: 100, maxAttempts: 3 } },
      staff.token,
    );
    await ok(
      t,
      `mutation($i: AddQuizQuestionInput!) { addQuizQuestion(input: $i) { id } }`,
      {
        i: {
          moduleId,
          kind: 'TRUE_FALSE',
          prompt: [{ lang: 'pl', text: 'Cudzoziemiec może głosować w budżecie obywatelskim.' }],
          trueIsCorrect: true,
        },
      },
      staff.token,
    );
    await publish(t, staff.token, courseId);
  });
  afterAll(() => t.close());

  const learnerWhoFinished = async (passQuiz = true) => {
    const learner = await t.userWith([Role.learner]);
    await ok(
      t,
      `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
      { c: courseId },
      learner.token,
    );
    for (const l of lessons)
      await ok(
        t,
        `mutation($l: ID!) { completeLesson(input: { lessonId: $l }) { percent } }`,
        { l },
        learner.token,
      );
    if (passQuiz) {
      const attempt = (
        await ok(
          t,
          `mutation($m: ID!) { startQuizAttempt(input: { moduleId: $m }) { id questions { id } } }`,
          { m: moduleId },
          learner.token,
        )
      ).startQuizAttempt;
      await ok(
        t,
        `mutation($i: SubmitQuizInput!) { submitQuizAttempt(input: $i) { passed } }`,
        {
          i: {
            attemptId: attempt.id,
            answers: [{ questionId: attempt.questions[0].id, optionKeys: ['true'] }],
          },
        },
        learner.token,
      );
    }
    return learner;
  };

  it('is refused until every lesson is done and every quiz passed', async () => {
    const fresh = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(CLAIM, { c: courseId, n: 'X' }, { token: fresh.token }))).toBe(
      'NOT_ENROLLED',
    );
    const noQuiz = await learnerWhoFinished(false);
    const res = await t.gql(
      CLAIM,
      { c: courseId, n: 'Ołena' },
      { token: noQuiz.token, query: '?lang=uk' },
    );
    expect(codeOf(res)).toBe('COURSE_NOT_COMPLETED');
    expect(res.body.errors![0].message).toMatch(/Сертифікат/);
    expect(await t.db.collection('academy_certificates').countDocuments({})).toBe(0);
  });

  it('issues an unguessable code that anyone can verify, showing only name, title and date', async () => {
    const learner = await learnerWhoFinished();
    const claimed = (await ok(t, CLAIM, { c: courseId, n: 'Ołena Kowalenko' }, learner.token))
      .claimCertificate;
    expect(claimed.verificationCode).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 random bits
    // claiming again returns the same certificate
    const again = (await ok(t, CLAIM, { c: courseId, n: 'Other Name' }, learner.token))
      .claimCertificate;
    expect(again.verificationCode).toBe(claimed.verificationCode);

    const verified = await t.gql(VERIFY, { code: claimed.verificationCode, lang: 'uk' });
    expect(verified.body.data).toEqual({
      verifyCertificate: {
        valid: true,
        displayName: 'Ołena Kowalenko',
        issuedAt: claimed.issuedAt,
        revokedAt: null,
        courseTitle: { text: 'Громадський бюджет', language: 'uk', isFallback: false },
      },
    });
    expect(codeOf(await t.gql(VERIFY, { code: 'A'.repeat(22) }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(VERIFY, { code: 'bad code!' }))).toBe('BAD_USER_INPUT');

    // neither the code nor the name is stored in clear
    const stored = await t.db
      .collection('academy_certificates')
      .findOne({ userId: new Types.ObjectId(learner.id) });
    expect(JSON.stringify(stored)).not.toContain(claimed.verificationCode);
    expect(JSON.stringify(stored)).not.toContain('Kowalenko');
  });

  it('staff revoke it once; verification then says so and shows nothing personal', async () => {
    const learner = await learnerWhoFinished();
    const claimed = (await ok(t, CLAIM, { c: courseId, n: 'Aleś' }, learner.token))
      .claimCertificate;
    expect(codeOf(await t.gql(REVOKE, { id: claimed.id }, { token: learner.token }))).toBe(
      'FORBIDDEN',
    );
    const listed = (
      await ok(
        t,
        `query($c: ID!) { courseCertificates(courseId: $c) { id verificationCode } }`,
        { c: courseId },
        staff.token,
      )
    ).courseCertificates;
    expect(listed.map((c: { id: string }) => c.id)).toContain(claimed.id);
    expect(
      listed.every((c: { verificationCode: string | null }) => c.verificationCode === null),
    ).toBe(true);

    const revoked = (await ok(t, REVOKE, { id: claimed.id }, staff.token)).revokeCertificate;
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.revocationReason).toBe('Wydany omyłkowo');
    const noReason = await t.gql(
      `mutation($id: ID!) { revokeCertificate(input: { certificateId: $id, reason: "   " }) { id } }`,
      { id: claimed.id },
      { token: staff.token },
    );
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(REVOKE, { id: claimed.id }, { token: staff.token }))).toBe(
      'CERTIFICATE_ALREADY_REVOKED',
    );
    expect(
      codeOf(await t.gql(REVOKE, { id: '65a000000000000000000099' }, { token: staff.token })),
    ).toBe('NOT_FOUND');

    const verified = await ok(t, VERIFY, { code: claimed.verificationCode });
    expect(verified.verifyCertificate).toEqual({
      valid: false,
      displayName: null,
      issuedAt: null,
      courseTitle: null,
      revokedAt: revoked.revokedAt,
    });
  });

  it('an erased account takes its enrolment, quiz attempts and certificate with it', async () => {
    const learner = await learnerWhoFinished();
    const claimed = (await ok(t, CLAIM, { c: courseId, n: 'Do usunięcia' }, learner.token))
      .claimCertificate;
    const userId = new Types.ObjectId(learner.id);
    const held = async () =>
      Promise.all(
        ['academy_enrolments', 'academy_quiz_attempts', 'academy_certificates'].map((c) =>
          t.db.collection(c).countDocuments({ userId }),
        ),
      );
    expect(await held()).toEqual([1, 1, 1]);
    await ok(
      t,
      `mutation($p: String!) { deleteMyAccount(input: { password: $p }) }`,
      { p: learner.password },
      learner.token,
    );
    // deleteMyAccount answers after every USER_ERASED handler has run: nothing to wait for.
    expect(await held()).toEqual([0, 0, 0]);
    expect(codeOf(await t.gql(VERIFY, { code: claimed.verificationCode }))).toBe('NOT_FOUND');
  });
});
