import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { Page } from '../../components/Layout';
import { useApp } from '../../app-context';
import { CreateGrantApplication, GrantCalls, MyInformalGroups } from '../../graphql/grants';
import { ApplicationForm } from './ApplicationForm';
import { GroupForm } from './GroupForm';
import './grants.css';

/**
 * Applying: who applies (the reader's organisation, when they act for one, or an informal group
 * they are the contact person of, registered here), then the application saved as a draft.
 */
export function ApplyPage() {
  const { t } = useTranslation();
  const { grantCallId = '' } = useParams();
  const { user } = useApp();
  const navigate = useNavigate();
  const [calls] = useQuery({ query: GrantCalls });
  const [groups, refetchGroups] = useQuery({
    query: MyInformalGroups,
    pause: !user,
    requestPolicy: 'cache-and-network',
  });
  const [created, create] = useMutation(CreateGrantApplication);
  const [applicant, setApplicant] = useState<string>(''); // 'organisation' or a group's id
  const [newGroup, setNewGroup] = useState(false);
  const call = calls.data?.grantCalls.find((c) => c.id === grantCallId);
  const coordinator = !!user?.roles.includes('library');

  if (!user)
    return (
      <Page title={t('grants.apply.title')}>
        <p className="notice">{t('grants.signInFirst')}</p>
        <p>
          <Link className="button primary" to={`/account?next=/grants/calls/${grantCallId}/apply`}>
            {t('nav.signIn')}
          </Link>
        </p>
      </Page>
    );
  if (!call)
    return calls.data ? (
      <Page title={t('grants.apply.title')}>
        <p role="alert">{t('grants.call.notFound')}</p>
      </Page>
    ) : (
      <p role="status">{t('common.loading')}</p>
    );
  const myGroups = groups.data?.myInformalGroups ?? [];
  const canGroup = call.eligibleApplicants.includes('INFORMAL_GROUP');
  const canOrg = coordinator && call.eligibleApplicants.includes('ORGANISATION');

  return (
    <Page title={t('grants.apply.title')}>
      <p>
        <Link to={`/grants/calls/${grantCallId}`}>{t('grants.apply.backToCall')}</Link>
      </p>
      <ErrorBox error={groups.error} />
      <fieldset>
        <legend>{t('grants.apply.who')}</legend>
        {canOrg && (
          <label className="choice">
            <input
              type="radio"
              name="applicant"
              checked={applicant === 'organisation'}
              onChange={() => {
                setApplicant('organisation');
                setNewGroup(false);
              }}
            />
            <span>{t('grants.apply.myOrganisation')}</span>
          </label>
        )}
        {canGroup &&
          myGroups.map((g) => (
            <label className="choice" key={g.id}>
              <input
                type="radio"
                name="applicant"
                checked={applicant === g.id}
                onChange={() => {
                  setApplicant(g.id);
                  setNewGroup(false);
                }}
              />
              <span>{t('grants.apply.group', { name: g.name, count: g.memberCount })}</span>
            </label>
          ))}
        {canGroup && (
          <label className="choice">
            <input
              type="radio"
              name="applicant"
              checked={newGroup}
              onChange={() => {
                setApplicant('');
                setNewGroup(true);
              }}
            />
            <span>{t('grants.apply.newGroup')}</span>
          </label>
        )}
      </fieldset>
      {newGroup && (
        <GroupForm
          onRegistered={(id) => {
            refetchGroups({ requestPolicy: 'network-only' });
            setNewGroup(false);
            setApplicant(id);
          }}
        />
      )}
      {applicant && (
        <>
          <h2>{t('grants.apply.content')}</h2>
          <ErrorBox error={created.error} />
          <ApplicationForm
            call={call}
            initial={null}
            busy={created.fetching}
            canSubmit={false}
            onSave={async (content) => {
              const r = await create({
                input: {
                  grantCallId,
                  ...(applicant === 'organisation' ? {} : { groupId: applicant }),
                  ...content,
                },
              });
              if (r.data)
                void navigate(`/grants/applications/${r.data.createGrantApplication.id}?saved=1`);
            }}
          />
        </>
      )}
    </Page>
  );
}
