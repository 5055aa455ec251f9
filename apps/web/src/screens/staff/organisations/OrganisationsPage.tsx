import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { CallErrorBox as ErrorBox } from '../calls/CallErrorBox';
import {
  ConsoleOrganisation,
  ConsoleOrganisations,
  CreateOrganisation,
  OrganisationMembers,
  UpdateOrganisation,
} from '../../../graphql/calls';
import type { ResultOf } from '../../../graphql/graphql';
import { ORGANISATION_KINDS } from '../calls/call-builder';
import { OrganisationTeam } from '../../../graphql/staff-organisation';
import { useConsoleMe } from '../events/console-me';
import { hoursInput, hoursOf, OpeningHoursEditor, type Hours } from './OpeningHoursEditor';
import '../calls/calls.css';
import './organisation.css';

type Organisation = NonNullable<ResultOf<typeof ConsoleOrganisation>['organisation']>;

/** /staff/organisations (admins): the partner organisations library coordinators act for. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const [res] = useQuery({ query: ConsoleOrganisations, variables: {} });
  const list = res.data?.organisations.nodes ?? [];
  return (
    <Page title={t('staff.orgs.title')}>
      <p>
        <Link className="button primary" to="/staff/organisations/new">
          {t('staff.orgs.new')}
        </Link>
      </p>
      <ErrorBox error={res.error} />
      {res.fetching && <p role="status">{t('common.loading')}</p>}
      {res.data && list.length === 0 && <p>{t('staff.orgs.none')}</p>}
      <ul className="call-list">
        {list.map((o) => (
          <li key={o.id} className="card">
            <h2>
              <Link to={`/staff/organisations/${o.id}`}>{o.name}</Link>
            </h2>
            <p className="meta">
              {t(`staff.orgs.kind.${o.kind}`)} · {o.address.street}, {o.address.postalCode}{' '}
              {o.address.city}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

interface Values {
  name: string;
  kind: string;
  street: string;
  postalCode: string;
  city: string;
  email: string;
  phone: string;
  website: string;
}

const valuesOf = (o?: Organisation): Values => ({
  name: o?.name ?? '',
  kind: o?.kind ?? 'library_branch',
  street: o?.address.street ?? '',
  postalCode: o?.address.postalCode ?? '',
  city: o?.address.city ?? '',
  email: o?.contact.email ?? '',
  phone: o?.contact.phone ?? '',
  website: o?.contact.website ?? '',
});

/** /staff/organisations/new and /staff/organisations/:organisationId: the profile and members. */
/** A coordinator's own organisation (role `library`): its profile, hours and people. */
export function OwnOrganisationPage() {
  const me = useConsoleMe();
  const { t } = useTranslation();
  const organisationId = me.data?.organisationId ?? '';
  const [res] = useQuery({
    query: ConsoleOrganisation,
    variables: { id: organisationId },
    pause: !organisationId,
  });
  const found = res.data?.organisation;
  if (!found)
    return (
      <Page title={t('staff.org.title')}>
        {me.data && !organisationId && <p>{t('staff.org.noOrganisation')}</p>}
        <ErrorBox error={res.error ?? me.error} />
        {(res.fetching || !me.data) && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  return <OrganisationForm organisation={found} own />;
}

export function OrganisationPage() {
  const { organisationId } = useParams();
  const { t } = useTranslation();
  const [res] = useQuery({
    query: ConsoleOrganisation,
    variables: { id: organisationId ?? '' },
    pause: !organisationId,
  });
  if (!organisationId) return <OrganisationForm />;
  const found = res.data?.organisation;
  if (!found)
    return (
      <Page title={t('staff.orgs.title')}>
        <ErrorBox error={res.error} />
        {res.fetching && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  return <OrganisationForm organisation={found} />;
}

function OrganisationForm({ organisation, own }: { organisation?: Organisation; own?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [v, setV] = useState<Values>(() => valuesOf(organisation));
  const [hours, setHours] = useState<Hours>(() => hoursOf(organisation?.openingHours));
  const [error, setError] = useState<CombinedError | null>(null);
  const [done, setDone] = useState<string | null>(params.get('saved'));
  const [creating, create] = useMutation(CreateOrganisation);
  const [updating, update] = useMutation(UpdateOrganisation);
  const fields = (error?.graphQLErrors[0]?.extensions?.fields ?? []) as { field: string }[];
  const bad = (k: string) => fields.some((f) => f.field.endsWith(k)) || undefined;
  const set = (k: keyof Values, value: string) => setV((x) => ({ ...x, [k]: value }));

  const save = async () => {
    setError(null);
    setDone(null);
    const contact = {
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
      ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
      ...(v.website.trim() ? { website: v.website.trim() } : {}),
    };
    const input = {
      name: v.name.trim(),
      kind: v.kind as Organisation['kind'],
      address: { street: v.street.trim(), postalCode: v.postalCode.trim(), city: v.city.trim() },
      contact,
      openingHours: hoursInput(hours),
    };
    if (!organisation) {
      const r = await create({ input });
      if (r.error) return setError(r.error);
      navigate(`/staff/organisations/${r.data!.createOrganisation.id}?saved=created`);
      return;
    }
    const r = await update({ input: { id: organisation.id, ...input } });
    if (r.error) return setError(r.error);
    setDone('updated');
  };

  const text = (k: keyof Values, opts: { maxLength: number; type?: string; auto?: string }) => (
    <div>
      <label htmlFor={`o-${k}`}>{t(`staff.orgs.field.${k}`)}</label>
      <input
        id={`o-${k}`}
        type={opts.type ?? 'text'}
        maxLength={opts.maxLength}
        autoComplete="off"
        aria-invalid={bad(k)}
        value={v[k]}
        onChange={(e) => set(k, e.target.value)}
      />
    </div>
  );

  return (
    <Page title={organisation ? organisation.name : t('staff.orgs.new')}>
      {!own && (
        <p>
          <Link to="/staff/organisations">{t('staff.orgs.back')}</Link>
        </p>
      )}
      <div role="status" aria-live="polite">
        {done && (
          <p className="notice ok">
            {t(`staff.orgs.saved.${done === 'created' ? 'created' : 'updated'}`)}
          </p>
        )}
      </div>
      <ErrorBox error={error} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {text('name', { maxLength: 200 })}
        <label htmlFor="o-kind">{t('staff.orgs.field.kind')}</label>
        <select id="o-kind" value={v.kind} onChange={(e) => set('kind', e.target.value)}>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`staff.orgs.kind.${k}`)}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('staff.orgs.address')}</legend>
          <div className="form-grid">
            {text('street', { maxLength: 200 })}
            {text('postalCode', { maxLength: 6 })}
            {text('city', { maxLength: 100 })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('staff.orgs.contact')}</legend>
          <p className="hint">{t('staff.orgs.contactHint')}</p>
          <div className="form-grid">
            {text('email', { maxLength: 254, type: 'email' })}
            {text('phone', { maxLength: 25, type: 'tel' })}
            {text('website', { maxLength: 300, type: 'url' })}
          </div>
        </fieldset>
        <OpeningHoursEditor value={hours} onChange={setHours} invalid={bad('openingHours')} />
        <button type="submit" className="primary" disabled={creating.fetching || updating.fetching}>
          {organisation ? t('staff.orgs.save') : t('staff.orgs.create')}
        </button>
      </form>
      {organisation && !own && <Members organisationId={organisation.id} />}
      {organisation && own && <Team organisationId={organisation.id} />}
    </Page>
  );
}

function Members({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [res] = useQuery({ query: OrganisationMembers, variables: { organisationId } });
  const members = res.data?.users.nodes ?? [];
  return (
    <section aria-labelledby="members-h">
      <h2 id="members-h">{t('staff.orgs.members')}</h2>
      <p className="hint">{t('staff.orgs.membersHint')}</p>
      <ErrorBox error={res.error} />
      {res.data && members.length === 0 && <p>{t('staff.orgs.noMembers')}</p>}
      <ul>
        {members.map((m) => (
          <li key={m.id}>
            {m.displayName ? `${m.displayName} (${m.login})` : m.login}
            {m.status === 'disabled' && ` · ${t('staff.orgs.disabled')}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The organisation's people as its coordinators see them: names only (accounts are admins'). */
function Team({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [res] = useQuery({ query: OrganisationTeam, variables: { organisationId } });
  const members = res.data?.organisationMembers ?? [];
  return (
    <section aria-labelledby="team-h">
      <h2 id="team-h">{t('staff.orgs.members')}</h2>
      <p className="hint">{t('staff.org.teamHint')}</p>
      <ErrorBox error={res.error} />
      <ul data-testid="org-team">
        {members.map((m) => (
          <li key={m.id}>{m.name}</li>
        ))}
      </ul>
    </section>
  );
}
