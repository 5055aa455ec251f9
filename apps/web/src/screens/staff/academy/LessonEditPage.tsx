import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { Markdown } from '../../../components/Markdown';
import { LANGUAGES, type Language } from '../../../lib/language';
import {
  LessonBlockIds,
  StaffLesson,
  UpdateLesson,
  type StaffLessonTexts,
} from '../../../graphql/staff-academy';
import type { ResultOf } from '../../../graphql/graphql';
import { ownText, worstState } from './authoring';
import { TextDiff } from './TextDiff';
import { BaseDiff } from './BaseDiff';
import { LegalSourcesForm } from './LegalSourcesForm';
import { movedTo, useDragReorder } from './drag-reorder';
import './academy.css';
import { CourseSubpageTop } from './CourseSubpageTop';

type LessonTexts = ResultOf<typeof StaffLessonTexts>;
/** Blocks whose Markdown is edited here; links and glossary entries are kept as they are. */
const EDITABLE = new Set(['TEXT', 'CALLOUT']);

interface DraftBlock {
  key: string;
  id?: string;
  kind: string;
  text: string;
  saved: string;
}

const statesOf = (lesson: LessonTexts | undefined) =>
  lesson
    ? [
        lesson.title.state,
        ...lesson.blocks.flatMap((b) =>
          [b.text, b.title, b.term, b.definition].filter((x) => !!x).map((x) => x!.state),
        ),
      ]
    : [];

/**
 * A lesson in one language at a time: in the base language its title and Markdown blocks
 * (added, moved, removed); in another, each text beside the base text with its state (missing,
 * up to date, outdated since the base changed). A preview, and what the unsaved edit changes.
 */
export function LessonEditPage() {
  const { t } = useTranslation();
  const { courseId = '', lessonId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const [res, refetch] = useQuery({ query: StaffLesson, variables: { courseId, id: lessonId } });
  const [, update] = useMutation(UpdateLesson);
  const client = useClient();
  const base = (res.data?.course.baseLanguage ?? 'pl') as Language;
  const asked = search.get('edit') as Language | null;
  const editing: Language = asked && LANGUAGES.includes(asked) ? asked : base;
  const isBase = editing === base;
  const source = res.data?.[base];
  const target = res.data?.[editing];

  const [title, setTitle] = useState('');
  const [blocks, setBlocks] = useState<DraftBlock[]>([]);
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const loaded = target ? JSON.stringify([editing, target]) : '';
  useEffect(() => {
    if (!target) return;
    setTitle(ownText(target.title));
    setBlocks(
      target.blocks.map((b) => ({
        key: b.id,
        id: b.id,
        kind: b.kind,
        text: ownText(b.text),
        saved: ownText(b.text),
      })),
    );
  }, [loaded]);

  const apiFields = (error?.graphQLErrors[0]?.extensions?.fields ?? []) as { field: string }[];
  const bad = (f: string) => apiFields.some((x) => x.field === f || x.field.startsWith(`${f}.`));
  const setText = (key: string, text: string) =>
    setBlocks(blocks.map((b) => (b.key === key ? { ...b, text } : b)));
  // a move (dragged or by the buttons) is said aloud; it is saved with the lesson
  const [moveNote, setMoveNote] = useState('');
  const moveBlock = (from: number, to: number) => {
    setBlocks(movedTo(blocks, from, to));
    setMoveNote(
      t('staff.academy.drag.moved', { from: from + 1, to: to + 1, total: blocks.length }),
    );
  };
  const drag = useDragReorder(
    blocks.map((b) => b.key),
    moveBlock,
  );

  const save = async () => {
    setBusy(true);
    setNotice('');
    const savedTitle = ownText(target?.title);
    const blockChanged = blocks.some((b) => b.text !== b.saved) || isBase;
    // A translation keeps the lesson's blocks as they are now on the server (an author may have
    // added or moved one since this page was loaded): only the texts written here are sent.
    let list = blocks;
    if (!isBase && blockChanged) {
      const fresh = await client
        .query(LessonBlockIds, { id: lessonId }, { requestPolicy: 'network-only' })
        .toPromise();
      if (fresh.error) {
        setBusy(false);
        setError(fresh.error);
        return;
      }
      list = fresh.data!.lesson.blocks.map(
        (b) =>
          blocks.find((x) => x.id === b.id) ?? {
            key: b.id,
            id: b.id,
            kind: b.kind,
            text: '',
            saved: '',
          },
      );
    }
    const r = await update({
      input: {
        lessonId,
        title:
          title.trim() && title !== savedTitle
            ? [{ lang: editing, text: title.trim() }]
            : undefined,
        // the list is the lesson's new order: an existing block by id keeps its other languages
        blocks: blockChanged
          ? list.map((b) =>
              !b.id
                ? { kind: 'TEXT' as const, text: [{ lang: editing, text: b.text }] }
                : EDITABLE.has(b.kind) && b.text.trim() && b.text !== b.saved
                  ? { id: b.id, text: [{ lang: editing, text: b.text }] }
                  : { id: b.id },
            )
          : undefined,
      },
    });
    setBusy(false);
    setError(r.error ?? null);
    if (!r.error) setNotice(t('staff.academy.lessonSaved'));
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Page title={source ? source.title.text : t('staff.academy.lessonEditor')}>
      <CourseSubpageTop
        courseId={courseId}
        courseTitle={res.data?.course.title.text}
        notice={notice}
      />
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="move-note">
        {moveNote}
      </div>
      <ErrorBox error={error ?? res.error} />
      {!res.data && !res.error && <p role="status">{t('common.loading')}</p>}
      {res.data && source && target && (
        <>
          <nav aria-label={t('staff.faq.languages')} className="staff-views">
            {LANGUAGES.map((l) => (
              <button
                key={l}
                type="button"
                aria-pressed={l === editing}
                className={l === editing ? 'primary' : undefined}
                data-testid={`lang-${l}`}
                onClick={() => setSearch({ edit: l })}
              >
                {l.toUpperCase()}
                {l === base ? ` · ${t('staff.faq.baseShort')}` : ''} ·{' '}
                {t(`staff.faq.translation.${worstState(statesOf(res.data?.[l]))}`)}
              </button>
            ))}
          </nav>
          {isBase && <LegalSourcesForm lessonId={lessonId} />}
          <label className="choice">
            <input
              type="checkbox"
              checked={preview}
              onChange={(e) => setPreview(e.target.checked)}
            />
            <span>{t('staff.academy.preview')}</span>
          </label>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <h2>{t('staff.faq.editIn', { language: t(`staff.languageIn.${editing}`) })}</h2>
            <div className={isBase ? undefined : 'side-by-side'}>
              {!isBase && (
                <div className="base-text">
                  <p className="hint">{t('staff.academy.lessonTitle')}</p>
                  <p lang={base}>{source.title.text}</p>
                </div>
              )}
              <div>
                <label htmlFor="lesson-title">
                  {t('staff.academy.lessonTitle')}{' '}
                  <span className="hint" data-testid="title-state">
                    {t(`staff.faq.translation.${target.title.state}`)}
                  </span>
                </label>
                {!isBase && (
                  <BaseDiff
                    id="lesson-title-base-diff"
                    translation={target.title}
                    currentBase={source.title.text}
                    base={base}
                  />
                )}
                <input
                  id="lesson-title"
                  lang={editing}
                  maxLength={300}
                  required={isBase}
                  aria-invalid={bad('title') || undefined}
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                />
              </div>
            </div>
            {blocks.map((b, i) => {
              const src = source.blocks.find((x) => x.id === b.id);
              const translated = target.blocks.find((x) => x.id === b.id)?.text;
              const state = translated?.state;
              const fieldId = `block-${b.key}`;
              const problem = bad(`blocks.${i}`);
              return (
                <fieldset
                  key={b.key}
                  ref={drag.box(b.key)}
                  className={[
                    'lesson-block',
                    drag.dragging === i && 'dragging',
                    drag.dropAt === i && 'drop-here',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  data-testid="lesson-block"
                >
                  <legend>
                    {t('staff.academy.block', { n: i + 1 })} · {t(`staff.academy.kind.${b.kind}`)}
                    {state && (
                      <>
                        {' '}
                        ·{' '}
                        <span data-testid="block-state">{t(`staff.faq.translation.${state}`)}</span>
                      </>
                    )}
                  </legend>
                  {!EDITABLE.has(b.kind) ? (
                    <p className="hint">{t('staff.academy.keptAsIs')}</p>
                  ) : (
                    <div className={isBase ? undefined : 'side-by-side'}>
                      {!isBase && (
                        <div className="base-text" aria-label={t(`staff.languageIn.${base}`)}>
                          <p lang={base} className="pre" data-testid="base-block">
                            {src?.text?.text ?? ''}
                          </p>
                        </div>
                      )}
                      <div>
                        <label htmlFor={fieldId}>
                          {t('staff.academy.markdownIn', {
                            language: t(`staff.languageIn.${editing}`),
                          })}
                        </label>
                        {state === 'OUTDATED' && (
                          <p className="hint ml-outdated" id={`${fieldId}-outdated`}>
                            {t('staff.academy.outdatedHint')}
                          </p>
                        )}
                        {!isBase && (
                          <BaseDiff
                            id={`${fieldId}-base-diff`}
                            translation={translated}
                            currentBase={src?.text?.text}
                            base={base}
                          />
                        )}
                        <textarea
                          id={fieldId}
                          lang={editing}
                          rows={6}
                          maxLength={20000}
                          aria-invalid={problem || undefined}
                          aria-describedby={
                            [
                              state === 'OUTDATED' && `${fieldId}-outdated`,
                              problem && `${fieldId}-problem`,
                            ]
                              .filter(Boolean)
                              .join(' ') || undefined
                          }
                          value={b.text}
                          onChange={(e) => setText(b.key, e.target.value)}
                        />
                        {problem && (
                          <p className="error-text" id={`${fieldId}-problem`}>
                            {t('staff.academy.fieldProblem')}
                          </p>
                        )}
                        {b.text !== b.saved && b.saved && (
                          <TextDiff saved={b.saved} edited={b.text} />
                        )}
                        {preview && b.text && (
                          <div className="md-preview" lang={editing}>
                            <Markdown text={b.text} />
                          </div>
                        )}
                      </div>
                    </div>
                  )}
                  {isBase && (
                    <div className="order-buttons">
                      {blocks.length > 1 && (
                        <span
                          className="drag-handle"
                          aria-hidden="true"
                          title={t('staff.academy.drag.handle')}
                          data-testid="block-drag-handle"
                          {...drag.handle(i)}
                        >
                          ⠿ {t('staff.academy.drag.handle')}
                        </span>
                      )}
                      <button type="button" disabled={i === 0} onClick={() => moveBlock(i, i - 1)}>
                        {t('staff.academy.blockUp')}
                      </button>
                      <button
                        type="button"
                        disabled={i === blocks.length - 1}
                        onClick={() => moveBlock(i, i + 1)}
                      >
                        {t('staff.academy.blockDown')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => setBlocks(blocks.filter((x) => x.key !== b.key))}
                      >
                        {t('staff.academy.blockRemove')}
                      </button>
                    </div>
                  )}
                </fieldset>
              );
            })}
            {isBase && (
              <p>
                <button
                  type="button"
                  onClick={() =>
                    setBlocks([
                      ...blocks,
                      { key: `new-${Date.now()}`, kind: 'TEXT', text: '', saved: '' },
                    ])
                  }
                >
                  {t('staff.academy.addTextBlock')}
                </button>
              </p>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {t('staff.academy.saveLesson')}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
