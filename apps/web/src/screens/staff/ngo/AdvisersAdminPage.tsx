import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { AdviserCandidates, AdviserPlans, AssignAdviser } from '../../../graphql/ngo-centre-admin';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../lib/language';
import { PlanForm, PlanSummary } from './AdviserPlan';
import { NgoNav } from './NgoNav';
import { TOPICS } from '../../ngo/ngo-labels';

type Topic = (typeof TOPICS)[number];

/** Ticks for a list of values: a fieldset with a legend, one labelled checkbox per value. */
function Ticks<T extends string>({
  legend,
  values,
  chosen,
  label,
  lang,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  chosen: T[];
  label(v: T): string;
  /** The language of a value's label, when it is written in its own language. */
  lang?(v: T): string;
  onChange(next: T[]): void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))
            }
          />
          <span lang={lang?.(v)}>{label(v)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * An admin makes a staff (or admin) account an adviser: the name organisations see, topics,
 * languages and the length of one consultation. Assigning the same account again updates these
 * and keeps the plan (the API upserts by account).
 */
function AssignForm({ onDone }: { onDone(name: string): void }) {
  const { t, i18n } = useTranslation();
  const [staff] = useQuery({ query: AdviserCandidates, variables: { role: 'staff' } });
  const [admins] = useQuery({ query: AdviserCandidates, variables: { role: 'admin' } });
  const accounts = [
    ...(staff.data?.users.nodes ?? []),
    ...(admins.data?.users.nodes ?? []).filter(
      (a) => !staff.data?.users.nodes.some((s) => s.id === a.id),
    ),
  ].filter((u) => u.status === 'active');
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [languages, setLanguages] = useState<Language[]>(
    LANGUAGES.includes(i18n.language as Language) ? [i18n.language as Language] : ['pl'],
  );
  const [minutes, setMinutes] = useState('60');
  const [problem, setProblem] = useState<string | null>(null);
  const [res, assign] = useMutation(AssignAdviser);
  return (
    <section aria-labelledby="assign-title" className="ngo-section">
      <h2 id="assign-title">{t('staff.ngo.setup.assignTitle')}</h2>
      <p className="hint">{t('staff.ngo.setup.assignHint')}</p>
      <ErrorBox error={staff.error ?? admins.error} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!topics.length) return setProblem(t('staff.ngo.setup.topicRequired'));
          if (!languages.length) return setProblem(t('staff.ngo.setup.languageRequired'));
          setProblem(null);
          const r = await assign({
            input: {
              userId,
              displayName: name.trim(),
              // in the order organisations see them, whatever the order of ticking
              topics: TOPICS.filter((x) => topics.includes(x)),
              languages: LANGUAGES.filter((x) => languages.includes(x)),
              slotMinutes: Number(minutes),
            },
          });
          if (r.data) {
            onDone(r.data.assignAdviser.displayName);
            setUserId('');
            setName('');
            setTopics([]);
          }
        }}
      >
        <div className="form-grid">
          <div>
            <label htmlFor="adviser-account">{t('staff.ngo.setup.account')}</label>
            <select
              id="adviser-account"
              required
              value={userId}
              onChange={(e) => {
                setUserId(e.target.value);
                const chosen = accounts.find((a) => a.id === e.target.value);
                if (chosen?.displayName && !name.trim()) setName(chosen.displayName);
              }}
            >
              <option value="">{t('staff.ngo.setup.chooseAccount')}</option>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName ? `${a.displayName} (${a.login})` : a.login}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="adviser-name">{t('staff.ngo.setup.displayName')}</label>
            <input
              id="adviser-name"
              required
              minLength={2}
              maxLength={80}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="adviser-minutes">{t('staff.ngo.setup.slotMinutes')}</label>
            <input
              id="adviser-minutes"
              type="number"
              inputMode="numeric"
              required
              min={15}
              max={180}
              step={5}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </div>
        </div>
        <div className="form-grid">
          <Ticks
            legend={t('staff.ngo.setup.topics')}
            values={TOPICS}
            chosen={topics}
            label={(v) => t(`ngo.topic.${v}`)}
            onChange={setTopics}
          />
          <Ticks
            legend={t('staff.ngo.setup.languages')}
            values={LANGUAGES}
            chosen={languages}
            label={(v) => LANGUAGE_NAMES[v]}
            lang={(v) => v}
            onChange={setLanguages}
          />
        </div>
        {problem && (
          <p role="alert" className="ngo-field-error">
            {problem}
          </p>
        )}
        <ErrorBox error={res.error} />
        <button type="submit" className="primary" disabled={res.fetching}>
          {t('staff.ngo.setup.assign')}
        </button>
      </form>
    </section>
  );
}

/**
 * /staff/ngo/advisers/setup (admins: the API lets only them assign advisers): assign an adviser
 * and set the availability organisations book from (Warsaw time).
 */
export function AdvisersAdminPage() {
  const { t } = useTranslation();
  const [advisers, refetch] = useQuery({ query: AdviserPlans });
  const [editing, setEditing] = useState<string | null>(null);
  // the last change: shown where it was made (the form above or the adviser in the list)
  const [done, setDone] = useState<{ text: string; at: string } | null>(null);
  const again = () => refetch({ requestPolicy: 'network-only' });
  const list = advisers.data?.advisers ?? [];
  return (
    <Page title={t('staff.ngo.setup.advisersTitle')}>
      <NgoNav />
      {done?.at === 'assign' && (
        <p role="status" className="notice">
          {done.text}
        </p>
      )}
      <AssignForm
        onDone={(name) => {
          setDone({ text: t('staff.ngo.setup.assigned', { name }), at: 'assign' });
          again();
        }}
      />
      <section aria-labelledby="advisers-title" className="ngo-section">
        <h2 id="advisers-title">{t('staff.ngo.setup.advisersList')}</h2>
        <ErrorBox error={advisers.error} />
        {advisers.data && list.length === 0 && <p>{t('staff.ngo.noAdvisers')}</p>}
        <ul className="ngo-list">
          {list.map((a) => (
            <li key={a.id} data-testid="adviser">
              <h3>{a.displayName}</h3>
              <p>
                {a.topics.map((tp) => t(`ngo.topic.${tp}`)).join(', ')} ·{' '}
                {a.languages.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(', ')} ·{' '}
                {t('staff.ngo.slotMinutes', { count: a.slotMinutes })}
              </p>
              <PlanSummary adviser={a} />
              {done?.at === a.id && (
                <p role="status" className="notice">
                  {done.text}
                </p>
              )}
              {editing === a.id ? (
                <PlanForm
                  adviser={a}
                  onCancel={() => setEditing(null)}
                  onSaved={() => {
                    setEditing(null);
                    setDone({
                      text: t('staff.ngo.setup.planSaved', { name: a.displayName }),
                      at: a.id,
                    });
                    again();
                  }}
                />
              ) : (
                <button
                  type="button"
                  onClick={() => {
                    setDone(null);
                    setEditing(a.id);
                  }}
                >
                  {t('staff.ngo.setup.editPlan', { name: a.displayName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
