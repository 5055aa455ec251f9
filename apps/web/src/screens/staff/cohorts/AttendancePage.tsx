import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { formatDateTime } from '../../../lib/format';
import { AttendanceSheet, CourseCohorts, RecordAttendance } from '../../../graphql/staff-cohorts';
import './cohorts.css';

/** What a row shows beside its choice: recorded on the server, being saved, or refused. */
type RowState = 'saved' | 'saving' | 'failed';

/**
 * One session's attendance sheet: a table of the cohort's members, each with a labelled radio
 * group (present / absent). Every click is saved at once (recordAttendance) and the row says so;
 * the arrow keys move within a group as in any radio group, Tab goes to the next person.
 */
export function AttendancePage() {
  const { t, i18n } = useTranslation();
  const { courseId = '', cohortId = '', sessionId = '' } = useParams();
  const [cohorts] = useQuery({ query: CourseCohorts, variables: { courseId } });
  const [sheet] = useQuery({ query: AttendanceSheet, variables: { cohortId } });
  const [, record] = useMutation(RecordAttendance);
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  useEffect(() => {
    if (!sheet.data) return;
    const saved: Record<string, boolean> = {};
    const states: Record<string, RowState> = {};
    for (const r of sheet.data.cohortAttendance)
      if (r.sessionId === sessionId) {
        saved[r.userId] = r.present;
        states[r.userId] = 'saved';
      }
    setMarks(saved);
    setRows(states);
  }, [sheet.data, sessionId]);

  const cohort = cohorts.data?.courseCohorts.find((c) => c.id === cohortId);
  const session = cohort?.sessions.find((s) => s.id === sessionId);
  const members = sheet.data?.cohortMembers ?? [];
  const nameOf = (m: { userId: string; displayName?: string | null }, i: number) =>
    m.displayName ?? t('staff.cohorts.unnamed', { n: i + 1 });
  const presentCount = members.filter((m) => marks[m.userId] === true).length;

  const mark = async (userId: string, who: string, present: boolean) => {
    setMarks((m) => ({ ...m, [userId]: present }));
    setRows((r) => ({ ...r, [userId]: 'saving' }));
    const r = await record({ input: { cohortId, sessionId, userId, present } });
    setRows((s) => ({ ...s, [userId]: r.error ? 'failed' : 'saved' }));
    setError(r.error ?? null);
    if (!r.error)
      setAnnounce(
        t('staff.cohorts.savedFor', {
          name: who,
          mark: t(present ? 'staff.cohorts.present' : 'staff.cohorts.absent'),
        }),
      );
  };

  return (
    <Page title={t('staff.cohorts.sheetTitle')}>
      <p>
        <Link to={`/staff/academy/${courseId}/cohorts`}>{t('staff.cohorts.back')}</Link>
      </p>
      {cohort && session && (
        <p className="sheet-facts">
          <strong lang={cohort.name.language}>{cohort.name.text}</strong> ·{' '}
          {formatDateTime(session.startsAt, i18n.language)} · {session.place}
        </p>
      )}
      <div role="status" aria-live="polite" className="visually-hidden">
        {announce}
      </div>
      <ErrorBox error={error ?? sheet.error ?? cohorts.error} />
      {!sheet.data && !sheet.error && <p role="status">{t('common.loading')}</p>}
      {sheet.data && members.length === 0 && <p>{t('staff.cohorts.noMembers')}</p>}
      {members.length > 0 && (
        <>
          <p data-testid="attendance-count">
            {t('staff.cohorts.presentCount', { present: presentCount, count: members.length })}
          </p>
          <p id="sheet-help">{t('staff.cohorts.sheetCaption')}</p>
          <div className="table-scroll cohort-table">
            <table className="attendance-sheet" aria-describedby="sheet-help">
              <caption className="visually-hidden">{t('staff.cohorts.sheetTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.cohorts.learner')}</th>
                  <th scope="col">{t('staff.cohorts.attendance')}</th>
                  <th scope="col">{t('staff.cohorts.saveState')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m, i) => {
                  const who = nameOf(m, i);
                  const nameId = `who-${m.userId}`;
                  const state = rows[m.userId];
                  return (
                    <tr key={m.userId} data-testid="attendance-row">
                      <th scope="row" id={nameId}>
                        {who}
                      </th>
                      <td>
                        <div
                          role="radiogroup"
                          aria-label={t('staff.cohorts.attendanceOf', { name: who })}
                          className="attendance-choice"
                        >
                          {([true, false] as const).map((present) => (
                            <label key={String(present)} className="choice">
                              <input
                                type="radio"
                                name={`att-${m.userId}`}
                                checked={marks[m.userId] === present}
                                onChange={() => void mark(m.userId, who, present)}
                              />
                              <span>
                                {t(present ? 'staff.cohorts.present' : 'staff.cohorts.absent')}
                              </span>
                            </label>
                          ))}
                        </div>
                      </td>
                      <td data-testid="attendance-state" data-state={state ?? 'none'}>
                        {state ? t(`staff.cohorts.state.${state}`) : t('staff.cohorts.state.none')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
