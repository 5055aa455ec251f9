import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { useApp } from '../../../app-context';
import { formatDateTime } from '../../../lib/format';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../lib/language';
import {
  AdminOrganisations,
  AdminUsers,
  CreateUser,
  SetUserRoles,
  SetUserStatus,
} from '../../../graphql/staff-admin';

const ROLES = ['learner', 'staff', 'library', 'admin'] as const;
type Role = (typeof ROLES)[number];

type Account = {
  id: string;
  login: string;
  displayName?: string | null;
  roles: readonly string[];
  status: string;
  organisationId?: string | null;
  createdAt: string;
};

/** Roles and, for a library coordinator, the organisation they act for. */
function RolesFields({
  idPrefix,
  roles,
  setRoles,
  organisationId,
  setOrganisationId,
  organisations,
}: {
  idPrefix: string;
  roles: Role[];
  setRoles: (r: Role[]) => void;
  organisationId: string;
  setOrganisationId: (id: string) => void;
  organisations: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="roles">
        <legend>{t('staff.users.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="choice">
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) =>
                setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))
              }
            />
            <span>{t(`staff.users.role.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      {roles.includes('library') && (
        <>
          <label htmlFor={`${idPrefix}-org`}>{t('staff.users.organisation')}</label>
          <select
            id={`${idPrefix}-org`}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            <option value="">—</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </>
      )}
    </>
  );
}

function AccountRow({
  account,
  organisations,
  onChanged,
}: {
  account: Account;
  organisations: readonly { id: string; name: string }[];
  onChanged: (notice: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { user } = useApp();
  const [roles, setRoles] = useState<Role[]>(account.roles as Role[]);
  const [organisationId, setOrganisationId] = useState(account.organisationId ?? '');
  const [error, setError] = useState<CombinedError | null>(null);
  const [, runRoles] = useMutation(SetUserRoles);
  const [, runStatus] = useMutation(SetUserStatus);
  const changed =
    [...roles].sort().join() !== [...account.roles].sort().join() ||
    organisationId !== (account.organisationId ?? '');
  const done = (r: { error?: CombinedError }, notice: string) => {
    setError(r.error ?? null);
    if (!r.error) onChanged(notice);
  };
  const orgName = organisations.find((o) => o.id === account.organisationId)?.name;
  return (
    <li className="queue-item" data-testid="user-row" data-login={account.login}>
      <p>
        <strong>{account.displayName ?? account.login}</strong>
        {account.displayName && <span className="hint"> · {account.login}</span>}
        {account.id === user?.id && <span className="hint"> · {t('staff.author.you')}</span>}
      </p>
      <p className="meta">
        {t(`staff.users.status.${account.status}`)} ·{' '}
        {formatDateTime(account.createdAt, i18n.language)}
        {orgName ? ` · ${orgName}` : ''}
      </p>
      <ErrorBox error={error} />
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void runRoles({
            input: {
              userId: account.id,
              roles,
              ...(roles.includes('library') && organisationId ? { organisationId } : {}),
            },
          }).then((r) => done(r, t('staff.users.rolesSaved')));
        }}
      >
        <RolesFields
          idPrefix={`u-${account.id}`}
          roles={roles}
          setRoles={setRoles}
          organisationId={organisationId}
          setOrganisationId={setOrganisationId}
          organisations={organisations}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={!changed}>
            {t('staff.users.saveRoles')}
          </button>
          <button
            type="button"
            onClick={() =>
              void runStatus({
                input: {
                  userId: account.id,
                  status: account.status === 'active' ? 'disabled' : 'active',
                },
              }).then((r) =>
                done(
                  r,
                  account.status === 'active'
                    ? t('staff.users.disabled')
                    : t('staff.users.enabled'),
                ),
              )
            }
          >
            {account.status === 'active' ? t('staff.users.disable') : t('staff.users.enable')}
          </button>
        </div>
      </form>
    </li>
  );
}

/** Admins only: every account with its roles; new staff accounts; disabling an account. */
export function UsersPage() {
  const { t } = useTranslation();
  const { user } = useApp();
  const [role, setRole] = useState<Role | ''>('staff');
  const [after, setAfter] = useState<string | null>(null);
  const [res, refetch] = useQuery({
    query: AdminUsers,
    variables: { role: role || null, after },
  });
  const [orgs] = useQuery({ query: AdminOrganisations });
  const organisations = orgs.data?.organisations.nodes ?? [];
  const [notice, setNotice] = useState('');
  const reload = (n: string) => {
    setNotice(n);
    refetch({ requestPolicy: 'network-only' });
  };

  const [, runCreate] = useMutation(CreateUser);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [lang, setLang] = useState<Language>('pl');
  const [roles, setRoles] = useState<Role[]>(['staff']);
  const [organisationId, setOrganisationId] = useState('');
  const [createError, setCreateError] = useState<CombinedError | null>(null);

  if (!user?.roles.includes('admin'))
    return (
      <Page title={t('staff.users.title')}>
        <p role="alert">{t('staff.users.adminsOnly')}</p>
      </Page>
    );
  const data = res.data?.users;
  return (
    <Page title={t('staff.users.title')}>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <label htmlFor="role-filter">{t('staff.users.filter')}</label>
      <select
        id="role-filter"
        value={role}
        onChange={(e) => {
          setRole(e.target.value as Role | '');
          setAfter(null);
        }}
      >
        <option value="">{t('common.all')}</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`staff.users.role.${r}`)}
          </option>
        ))}
      </select>
      <ErrorBox error={res.error} />
      {data && <p>{t('staff.users.count', { count: data.totalCount })}</p>}
      <ul className="queue">
        {data?.nodes.map((a) => (
          <AccountRow
            key={`${a.id}-${a.roles.join()}-${a.status}-${a.organisationId ?? ''}`}
            account={a}
            organisations={organisations}
            onChanged={reload}
          />
        ))}
      </ul>
      {data?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(data.pageInfo.endCursor ?? null)}>
          {t('staff.users.next')}
        </button>
      )}

      <section aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('staff.users.create')}</h2>
        <ErrorBox error={createError} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void runCreate({
              input: {
                email,
                password,
                roles,
                preferredLanguage: lang,
                ...(name.trim() ? { displayName: name } : {}),
                ...(roles.includes('library') && organisationId ? { organisationId } : {}),
              },
            }).then((r) => {
              setCreateError(r.error ?? null);
              if (!r.error) {
                setEmail('');
                setName('');
                setPassword('');
                reload(t('staff.users.created'));
              }
            });
          }}
        >
          <label htmlFor="new-email">{t('account.email')}</label>
          <input
            id="new-email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor="new-name">{t('staff.users.displayName')}</label>
          <input id="new-name" value={name} onChange={(e) => setName(e.target.value)} />
          <label htmlFor="new-password">{t('staff.users.initialPassword')}</label>
          <p className="hint" id="new-password-hint">
            {t('staff.users.initialPasswordHint')}
          </p>
          <input
            id="new-password"
            type="text"
            autoComplete="off"
            aria-describedby="new-password-hint"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <label htmlFor="new-lang">{t('account.language')}</label>
          <select id="new-lang" value={lang} onChange={(e) => setLang(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
          <RolesFields
            idPrefix="new"
            roles={roles}
            setRoles={setRoles}
            organisationId={organisationId}
            setOrganisationId={setOrganisationId}
            organisations={organisations}
          />
          <button type="submit" className="primary">
            {t('staff.users.createButton')}
          </button>
        </form>
      </section>
    </Page>
  );
}
