import { useEffect, useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { StaffLessonLegal, UpdateLesson } from '../../../graphql/staff-academy';

interface Source {
  title: string;
  url: string;
}

/**
 * A legal lesson's official sources and the day staff last checked it against them (readers see
 * both; the console lists lessons whose check is getting old).
 */
export function LegalSourcesForm({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation();
  const [res, refetch] = useQuery({ query: StaffLessonLegal, variables: { id: lessonId } });
  const [, update] = useMutation(UpdateLesson);
  const lesson = res.data?.lesson;
  const [legal, setLegal] = useState(false);
  const [verified, setVerified] = useState('');
  const [sources, setSources] = useState<Source[]>([]);
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');
  const key = JSON.stringify(lesson ?? null);
  useEffect(() => {
    if (!lesson) return;
    setLegal(lesson.legal);
    setVerified(lesson.lastVerifiedAt?.slice(0, 10) ?? '');
    setSources(lesson.sources.map((s) => ({ title: s.title, url: s.url })));
  }, [key]);
  const fields = (error?.graphQLErrors[0]?.extensions?.fields ?? []) as { field: string }[];
  const bad = (f: string) => fields.some((x) => x.field === f || x.field.startsWith(`${f}.`));
  if (!lesson) return null;
  return (
    <details className="legal-sources" open={lesson.legal}>
      <summary>{t('staff.academy.legalTitle')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setNotice('');
          void update({
            input: {
              lessonId,
              legal,
              sources: sources.filter((s) => s.title.trim() || s.url.trim()),
              ...(verified ? { lastVerifiedAt: `${verified}T12:00:00Z` } : {}),
            },
          }).then((r) => {
            setError(r.error ?? null);
            if (!r.error) setNotice(t('staff.academy.legalSaved'));
            refetch({ requestPolicy: 'network-only' });
          });
        }}
      >
        <div role="status" aria-live="polite">
          {notice && <p className="notice">{notice}</p>}
        </div>
        <ErrorBox error={error} />
        <label className="choice">
          <input type="checkbox" checked={legal} onChange={(e) => setLegal(e.target.checked)} />
          <span>{t('staff.academy.legal')}</span>
        </label>
        <label htmlFor="legal-verified">{t('staff.academy.lastVerified')}</label>
        <input
          id="legal-verified"
          type="date"
          value={verified}
          aria-invalid={bad('lastVerifiedAt') || undefined}
          onChange={(e) => setVerified(e.target.value)}
        />
        {sources.map((s, i) => (
          <fieldset key={i} className="option">
            <legend>{t('staff.academy.sourceN', { n: i + 1 })}</legend>
            <label htmlFor={`source-${i}-title`}>{t('staff.academy.sourceTitle')}</label>
            <input
              id={`source-${i}-title`}
              maxLength={300}
              value={s.title}
              aria-invalid={bad(`sources.${i}`) || undefined}
              onChange={(e) =>
                setSources(sources.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))
              }
            />
            <label htmlFor={`source-${i}-url`}>{t('staff.academy.sourceUrl')}</label>
            <input
              id={`source-${i}-url`}
              type="url"
              maxLength={2000}
              value={s.url}
              aria-invalid={bad(`sources.${i}`) || undefined}
              onChange={(e) =>
                setSources(sources.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)))
              }
            />
            <button type="button" onClick={() => setSources(sources.filter((_, j) => j !== i))}>
              {t('staff.academy.sourceRemove', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <div className="actions">
          <button type="button" onClick={() => setSources([...sources, { title: '', url: '' }])}>
            {t('staff.academy.sourceAdd')}
          </button>
          <button type="submit" className="primary">
            {t('staff.academy.legalSave')}
          </button>
        </div>
      </form>
    </details>
  );
}
