import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Role } from '@sasiad/core';
import { addLesson, addModule, createCourse, Data, ok, publish } from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const PROGRESS = `query($c: ID!) { myCourseProgress(courseId: $c) {
  percent complete completedLessons totalLessons passedQuizzes totalQuizzes
  missing { lessonIds quizModuleIds } modules { moduleId percent quizPassed } } }`;
const CLAIM = `mutation($c: ID!, $n: String!) { claimCertificate(input: { courseId: $c, displayName: $n }) {
  id verificationCode pdfPath } }`;
const MY_ENROLMENTS = `query($first: Int, $after: String) { myEnrolments(first: $first, after: $after) {
  totalCount nodes { courseId progress { percent complete } } pageInfo { hasNextPage endCursor } } }`;
const MY_CERTIFICATES = `{ myCertificates { totalCount nodes { id courseId verificationCode pdfPath displayName issuedAt
  courseTitle { text language } } } }`;

/** The text of every page of a PDF and the QR codes of its images, as a reader gets them. */
function readPdf(bytes: Buffer): Promise<{ text: string; qr: (string | null)[]; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'read-pdf.cjs')],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(stderr || String(error)));
        const read = JSON.parse(stdout);
        // lines wrap where the page is full: compare words, not line breaks
        resolve({ ...read, text: read.text.replace(/\s+/g, ' ') });
      },
    );
    child.stdin!.end(bytes);
  });
}

describe('academy: my enrolments, my certificates, progress and the certificate PDF', () => {
  let t: TestApp;
  let staff: { token: string };
  let learner: { token: string };
  let courseId: string;
  let otherCourseId: string;
  let moduleId: string;
  let lessons: string[];

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    learner = await t.userWith([Role.learner]);
    courseId = await createCourse(t, staff.token, {
      title: [
        { lang: 'pl', text: 'Budżet obywatelski' },
        { lang: 'uk', text: 'Громадський бюджет' },
        { lang: 'be', text: 'Грамадзянскі бюджэт' },
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
    otherCourseId = await createCourse(t, staff.token, { title: [{ lang: 'pl', text: 'PESEL' }] });
    const other = await addModule(t, staff.token, otherCourseId, 1, [{ lang: 'pl', text: 'A' }]);
    await addLesson(t, staff.token, other, 1, [{ lang: 'pl', text: 'B' }]);
    await publish(t, staff.token, otherCourseId);
    for (const c of [courseId, otherCourseId])
      await ok(
        t,
        `mutation($c: ID!) { enrolInCourse(input: { courseId: $c }) { courseId } }`,
        { c },
        learner.token,
      );
  });
  afterAll(() => t.close());

  const progress = async () =>
    (await ok(t, PROGRESS, { c: courseId }, learner.token)).myCourseProgress;

  it('counts the required quiz: every lesson done is not 100 %, and says the quiz is missing', async () => {
    for (const l of lessons)
      await ok(
        t,
        `mutation($l: ID!) { completeLesson(input: { lessonId: $l }) { percent } }`,
        { l },
        learner.token,
      );
    expect(await progress()).toEqual({
      percent: 66, // 2 of 3 steps: two lessons and the quiz
      complete: false,
      completedLessons: 2,
      totalLessons: 2,
      passedQuizzes: 0,
      totalQuizzes: 1,
      missing: { lessonIds: [], quizModuleIds: [moduleId] },
      modules: [{ moduleId, percent: 66, quizPassed: false }],
    });
    const refused = await t.gql(CLAIM, { c: courseId, n: 'Ołena' }, { token: learner.token });
    expect(codeOf(refused)).toBe('COURSE_NOT_COMPLETED');
    expect(refused.body.errors![0].extensions!.fields).toEqual([
      { field: `quizzes.${moduleId}`, constraint: 'notPassed' },
    ]);
  });

  it('is 100 % and complete once the quiz is passed, and the certificate is then issued', async () => {
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
    expect(await progress()).toMatchObject({
      percent: 100,
      complete: true,
      passedQuizzes: 1,
      missing: { lessonIds: [], quizModuleIds: [] },
    });
    const claimed = (
      await ok(t, CLAIM, { c: courseId, n: 'Ołena Kowalenko' }, learner.token, {
        query: '?lang=uk',
      })
    ).claimCertificate;
    expect(claimed.pdfPath).toBe(
      `/certificates/certificate.pdf?code=${encodeURIComponent(claimed.verificationCode)}`,
    );
  });

  it('lists my enrolments (newest first, paged) and my certificates, and nobody else’s', async () => {
    const all = (await ok(t, MY_ENROLMENTS, {}, learner.token)).myEnrolments;
    expect(all).toMatchObject({
      totalCount: 2,
      nodes: [
        { courseId: otherCourseId, progress: { percent: 0, complete: false } },
        { courseId, progress: { percent: 100, complete: true } },
      ],
      pageInfo: { hasNextPage: false },
    });
    const first = (await ok(t, MY_ENROLMENTS, { first: 1 }, learner.token)).myEnrolments;
    const second = (
      await ok(t, MY_ENROLMENTS, { first: 1, after: first.pageInfo.endCursor }, learner.token)
    ).myEnrolments;
    expect([...first.nodes, ...second.nodes].map((n: Data) => n.courseId)).toEqual([
      otherCourseId,
      courseId,
    ]);
    const mine = (await ok(t, MY_CERTIFICATES, {}, learner.token, { query: '?lang=uk' }))
      .myCertificates;
    expect(mine).toMatchObject({
      totalCount: 1,
      nodes: [
        {
          courseId,
          displayName: 'Ołena Kowalenko',
          courseTitle: { text: 'Громадський бюджет', language: 'uk' },
        },
      ],
    });
    expect(mine.nodes[0].verificationCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const someoneElse = await t.userWith([Role.learner]);
    expect((await ok(t, MY_ENROLMENTS, {}, someoneElse.token)).myEnrolments.totalCount).toBe(0);
    expect((await ok(t, MY_CERTIFICATES, {}, someoneElse.token)).myCertificates.nodes).toEqual([]);
  });

  const myCertificate = async () =>
    (await ok(t, MY_CERTIFICATES, {}, learner.token)).myCertificates.nodes[0] as Data;

  it('serves the certificate as a PDF in the holder’s language and Polish, with a QR code to verify it', async () => {
    const cert = await myCertificate();
    const res = await fetch(`${t.url}${cert.pdfPath}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-language')).toBe('uk, pl');
    const pdf = await readPdf(Buffer.from(await res.arrayBuffer()));
    expect(pdf.pages).toBe(2);
    const date = new Intl.DateTimeFormat('pl-PL', {
      timeZone: 'Europe/Warsaw',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(cert.issuedAt));
    for (const part of [
      'Академія мешканця',
      'Сертифікат про проходження курсу',
      'Громадський бюджет',
      'Ім’я та прізвище',
      `Дата видачі: ${date}`,
      `Код перевірки: ${cert.verificationCode}`,
      'Akademia Mieszkańca',
      'Certyfikat ukończenia kursu',
      'Budżet obywatelski',
      `Data wydania: ${date}`,
      'Ołena Kowalenko',
    ])
      expect(pdf.text).toContain(part);
    // the Ukrainian page comes first
    expect(pdf.text.indexOf('Сертифікат')).toBeLessThan(pdf.text.indexOf('Certyfikat'));
    // each page's QR code leads back to this certificate on this server
    expect(pdf.qr).toEqual([`${t.url}${cert.pdfPath}`, `${t.url}${cert.pdfPath}`]);
  });

  it('serves another language on request, and only Polish for a Polish reader', async () => {
    const cert = await myCertificate();
    const be = await readPdf(
      Buffer.from(await (await fetch(`${t.url}${cert.pdfPath}&lang=be`)).arrayBuffer()),
    );
    expect(be.text).toContain('Сертыфікат аб праходжанні курса');
    expect(be.text).toContain('Грамадзянскі бюджэт');
    expect(be.text).toContain('Certyfikat ukończenia kursu');
    const pl = await readPdf(
      Buffer.from(await (await fetch(`${t.url}${cert.pdfPath}&lang=pl`)).arrayBuffer()),
    );
    expect(pl.pages).toBe(1);
    expect(pl.text).not.toMatch(/[\u0400-\u04ff]/);
  });

  it('answers 404 for an unknown or malformed code and 410 once the certificate is revoked', async () => {
    const cert = await myCertificate();
    for (const query of ['?code=AAAAAAAAAAAAAAAAAAAAAA', '?code=../../etc', ''])
      expect((await fetch(`${t.url}/certificates/certificate.pdf${query}`)).status).toBe(404);
    await ok(
      t,
      `mutation($id: ID!) { revokeCertificate(input: { certificateId: $id, reason: "Wydany omyłkowo" }) { id } }`,
      { id: cert.id },
      staff.token,
    );
    const gone = await fetch(`${t.url}${cert.pdfPath}&lang=uk`);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toEqual({
      code: 'CERTIFICATE_REVOKED',
      message: 'Цей сертифікат анульовано, він більше не дійсний.',
    });
  });
});
