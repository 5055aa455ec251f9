import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { Advisers } from '../../../graphql/ngo-centre';
import { MyAdviser, SetAdviserAvailability } from '../../../graphql/ngo-centre-admin';
import type { ResultOf } from '../../../graphql/graphql';
import type { AdviserPlans } from '../../../graphql/ngo-centre-admin';
import { formatDate } from '../../../lib/format';
import {
  hoursInput,
  hoursOf,
  OpeningHoursEditor,
  type Hours,
} from '../organisations/OpeningHoursEditor';
import '../organisations/organisation.css';

export type Adviser = ResultOf<typeof AdviserPlans>['advisers'][number];

/** The adviser's weekly plan and dated exceptions, edited with the opening-hours editor. */
export function PlanForm({
  adviser,
  onSaved,
  onCancel,
}: {
  adviser: Adviser;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [hours, setHours] = useState<Hours>(() => hoursOf(adviser.plan));
  const [res, save] = useMutation(SetAdviserAvailability);
  return (
    <form
      aria-label={t('staff.ngo.setup.planOf', { name: adviser.displayName })}
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await save({ input: { adviserId: adviser.id, plan: hoursInput(hours) } });
        if (r.data) onSaved();
      }}
    >
      <OpeningHoursEditor
        value={hours}
        onChange={setHours}
        invalid={res.error?.graphQLErrors[0]?.extensions?.code === 'BAD_USER_INPUT'}
        legend={t('staff.ngo.setup.planLegend', { name: adviser.displayName })}
        hint={t('staff.ngo.setup.planHint')}
      />
      <ErrorBox error={res.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={res.fetching}>
          {t('staff.ngo.setup.savePlan')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('staff.ngo.back')}
        </button>
      </div>
    </form>
  );
}

/** "Poniedziałek: 09:00–12:00, 14:00–16:00" lines and the exceptions, or "no plan yet". */
export function PlanSummary({ adviser }: { adviser: Adviser }) {
  const { t, i18n } = useTranslation();
  const days = adviser.plan.weekly.filter((d) => d.intervals.length > 0);
  const span = (ivs: readonly { from: string; to: string }[]) =>
    ivs.map((iv) => `${iv.from}–${iv.to}`).join(', ');
  if (!days.length && !adviser.plan.exceptions.length)
    return <p className="ngo-state">{t('staff.ngo.setup.noPlan')}</p>;
  return (
    <>
      <ul data-testid="adviser-plan">
        {days.map((d) => (
          <li key={d.weekday}>
            {t(`staff.org.weekday.${d.weekday}`)}: {span(d.intervals)}
          </li>
        ))}
      </ul>
      {adviser.plan.exceptions.length > 0 && (
        <>
          <p className="ngo-state">{t('staff.ngo.setup.exceptions')}</p>
          <ul data-testid="adviser-exceptions">
            {adviser.plan.exceptions.map((x) => (
              <li key={x.date}>
                {formatDate(`${x.date}T12:00:00Z`, i18n.language)}:{' '}
                {x.intervals.length ? span(x.intervals) : t('staff.ngo.setup.unavailable')}
                {x.note ? ` (${x.note})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * On the advisers' screen, for a staff member an admin made an adviser: their own plan, which
 * the API lets them set themselves. Nothing for anyone else.
 */
export function MyAdviserPlan() {
  const { t } = useTranslation();
  const client = useClient();
  const [mine, refetch] = useQuery({ query: MyAdviser });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const adviser = mine.data?.myAdviser;
  if (!adviser) return <ErrorBox error={mine.error} />;
  return (
    <section aria-labelledby="my-plan-title" className="ngo-section" data-testid="my-plan">
      <h2 id="my-plan-title">{t('staff.ngo.setup.myPlan')}</h2>
      <PlanSummary adviser={adviser} />
      {saved && (
        <p role="status" className="notice">
          {t('staff.ngo.setup.planSaved', { name: adviser.displayName })}
        </p>
      )}
      {editing ? (
        <PlanForm
          adviser={adviser}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            refetch({ requestPolicy: 'network-only' });
            // the list of all advisers above shows the plan too
            void client.query(Advisers, {}, { requestPolicy: 'network-only' }).toPromise();
          }}
        />
      ) : (
        <button
          type="button"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t('staff.ngo.setup.editMyPlan')}
        </button>
      )}
    </section>
  );
}
