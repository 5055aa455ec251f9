import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { LANGUAGES, type Language } from '../../../lib/language';
import {
  AddCourseModule,
  AddLesson,
  UpdateCourseModule,
  UpdateLesson,
} from '../../../graphql/staff-academy';
import {
  emptyTexts,
  MultilingualInput,
  toLocalized,
  type Texts,
} from '../events/MultilingualInput';
import { moved, ownText, type Localized } from './authoring';
import { baseDiffNotes } from './BaseDiff';

/** Each language's module titles, as read in that language. */
type ModuleTitles = Partial<Record<Language, { id: string; title: Localized }[]>>;

interface CourseOutline {
  id: string;
  baseLanguage: string;
  modules: {
    id: string;
    order: number;
    title: { text: string; state: string };
    quiz: { drawCount: number } | null;
    lessons: { id: string; order: number; title: { text: string } }[];
  }[];
}

/**
 * Modules and their lessons in order: add either in the base language, move a lesson up or down
 * (buttons, so the keyboard does it), open a lesson or a module's quiz.
 */
export function ModulesEditor({
  course,
  titles,
  onChanged,
}: {
  course: CourseOutline;
  titles: ModuleTitles;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const base = course.baseLanguage as Language;
  const [, addModule] = useMutation(AddCourseModule);
  const [, addLesson] = useMutation(AddLesson);
  const [, updateLesson] = useMutation(UpdateLesson);
  const [error, setError] = useState<CombinedError | null>(null);
  const [moduleTitle, setModuleTitle] = useState('');
  const [lessonTitles, setLessonTitles] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  const run = async (steps: (() => Promise<{ error?: CombinedError }>)[], done: string) => {
    setBusy(true);
    setNotice('');
    let failed: CombinedError | null = null;
    for (const step of steps) {
      const r = await step();
      if (r.error) {
        failed = r.error;
        break;
      }
    }
    setBusy(false);
    setError(failed);
    if (!failed) setNotice(done);
    onChanged();
    return !failed;
  };

  /** The new order is written as 1…n for the lessons whose place changed. */
  const reorder = (moduleId: string, index: number, by: -1 | 1) => {
    const m = course.modules.find((x) => x.id === moduleId)!;
    const next = moved(m.lessons, index, by);
    const steps = next
      .map((l, i) => ({ l, order: i + 1 }))
      .filter(({ l, order }) => l.order !== order)
      .map(
        ({ l, order }) =>
          () =>
            updateLesson({ input: { lessonId: l.id, order } }),
      );
    void run(steps, t('staff.academy.reordered'));
  };

  return (
    <section aria-labelledby="modules-title">
      <h2 id="modules-title">{t('staff.academy.modules')}</h2>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={error} />
      {course.modules.map((m, mi) => (
        <div key={m.id} className="panel module" data-testid="module">
          <h3 lang={base}>
            {mi + 1}. {m.title.text}
          </h3>
          <ModuleTitleForm moduleId={m.id} base={base} titles={titles} onChanged={onChanged} />
          <ol className="lesson-list">
            {m.lessons.map((l, li) => (
              <li key={l.id}>
                <Link to={`/staff/academy/${course.id}/lessons/${l.id}`} lang={base}>
                  {l.title.text}
                </Link>
                <span className="order-buttons">
                  <button
                    type="button"
                    disabled={busy || li === 0}
                    aria-label={t('staff.academy.moveUp', { title: l.title.text })}
                    onClick={() => reorder(m.id, li, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={busy || li === m.lessons.length - 1}
                    aria-label={t('staff.academy.moveDown', { title: l.title.text })}
                    onClick={() => reorder(m.id, li, 1)}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <form
            className="inline-add"
            onSubmit={(e) => {
              e.preventDefault();
              const text = (lessonTitles[m.id] ?? '').trim();
              void run(
                [
                  () =>
                    addLesson({
                      input: {
                        moduleId: m.id,
                        order: m.lessons.length + 1,
                        title: [{ lang: base, text }],
                      },
                    }),
                ],
                t('staff.academy.lessonAdded'),
              ).then((ok) => ok && setLessonTitles({ ...lessonTitles, [m.id]: '' }));
            }}
          >
            <label htmlFor={`new-lesson-${m.id}`}>{t('staff.academy.newLesson')}</label>
            <input
              id={`new-lesson-${m.id}`}
              lang={base}
              required
              maxLength={300}
              value={lessonTitles[m.id] ?? ''}
              onChange={(e) => setLessonTitles({ ...lessonTitles, [m.id]: e.target.value })}
            />
            <button type="submit" disabled={busy}>
              {t('staff.academy.addLesson')}
            </button>
          </form>
          <p>
            <Link to={`/staff/academy/${course.id}/modules/${m.id}/quiz`}>
              {m.quiz ? t('staff.academy.quizEdit') : t('staff.academy.quizNone')}
            </Link>
          </p>
        </div>
      ))}
      <form
        className="inline-add"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            [
              () =>
                addModule({
                  input: {
                    courseId: course.id,
                    order: course.modules.length + 1,
                    title: [{ lang: base, text: moduleTitle.trim() }],
                  },
                }),
            ],
            t('staff.academy.moduleAdded'),
          ).then((ok) => ok && setModuleTitle(''));
        }}
      >
        <label htmlFor="new-module">{t('staff.academy.newModule')}</label>
        <input
          id="new-module"
          lang={base}
          required
          maxLength={300}
          value={moduleTitle}
          onChange={(e) => setModuleTitle(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {t('staff.academy.addModule')}
        </button>
      </form>
    </section>
  );
}

/** A module's title in four languages beside their states (the translation of a module). */
function ModuleTitleForm({
  moduleId,
  base,
  titles,
  onChanged,
}: {
  moduleId: string;
  base: Language;
  titles: ModuleTitles;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const [, update] = useMutation(UpdateCourseModule);
  const titleIn = (l: Language) => titles[l]?.find((x) => x.id === moduleId)?.title;
  const saved = (): Texts => {
    const x = emptyTexts();
    for (const l of LANGUAGES) x[l] = ownText(titleIn(l));
    return x;
  };
  const key = JSON.stringify(saved());
  const [value, setValue] = useState<Texts>(saved);
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => setValue(saved()), [key]);
  return (
    <details className="module-title">
      <summary>{t('staff.academy.moduleTitleTranslate')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setNotice('');
          const changed = toLocalized(value, saved());
          if (changed.length === 0) return;
          void update({ input: { moduleId, title: changed } }).then((r) => {
            setError(r.error ?? null);
            if (!r.error) setNotice(t('staff.academy.moduleSaved'));
            onChanged();
          });
        }}
      >
        <div role="status" aria-live="polite">
          {notice && <p className="notice">{notice}</p>}
        </div>
        <ErrorBox error={error} />
        <MultilingualInput
          id={`module-${moduleId}`}
          label={t('staff.academy.moduleTitle')}
          base={base}
          value={value}
          onChange={setValue}
          maxLength={300}
          states={
            Object.fromEntries(LANGUAGES.map((l) => [l, titleIn(l)?.state])) as Record<
              Language,
              'MISSING' | 'UP_TO_DATE' | 'OUTDATED'
            >
          }
          notes={baseDiffNotes(
            `module-${moduleId}`,
            base,
            Object.fromEntries(LANGUAGES.map((l) => [l, titleIn(l)])),
          )}
        />
        <button type="submit">{t('staff.academy.saveModule')}</button>
      </form>
    </details>
  );
}
