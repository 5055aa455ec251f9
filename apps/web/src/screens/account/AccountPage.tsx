import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page, LanguageSwitcher } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import {
  ChangePassword,
  DeleteMyAccount,
  SignIn,
  SignOutEverywhere,
  SignUp,
} from '../../graphql/account';
import { useApp } from '../../app-context';
import { session } from '../../lib/session';

export function AccountPage() {
  const { user } = useApp();
  return user ? <Settings /> : <SignInOrUp />;
}

function SignInOrUp() {
  const { t } = useTranslation();
  const { setUser, language } = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [mode, setMode] = useState<'signIn' | 'signUp'>('signUp');
  const [kind, setKind] = useState<'username' | 'email'>('username');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [signIn, runSignIn] = useMutation(SignIn);
  const [signUp, runSignUp] = useMutation(SignUp);
  const error = mode === 'signIn' ? signIn.error : signUp.error;
  const badField = (name: string) =>
    JSON.stringify(error?.graphQLErrors[0]?.extensions?.fields ?? []).includes(`"${name}"`);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const res =
      mode === 'signIn'
        ? (await runSignIn({ input: { login: login.trim(), password } })).data?.signIn
        : (
            await runSignUp({
              input: {
                ...(kind === 'email' ? { email: login.trim() } : { username: login.trim() }),
                password,
                preferredLanguage: language,
              },
            })
          ).data?.signUp;
    if (!res) return;
    session.start(res.accessToken, res.accessTokenExpiresIn);
    setUser(res.user);
    const next = params.get('next');
    navigate(next?.startsWith('/') ? next : '/');
  };

  return (
    <Page title={mode === 'signIn' ? t('account.signIn') : t('account.signUp')}>
      <div className="tabs" role="group" aria-label={t('account.choose')}>
        <button type="button" aria-pressed={mode === 'signUp'} onClick={() => setMode('signUp')}>
          {t('account.signUp')}
        </button>
        <button type="button" aria-pressed={mode === 'signIn'} onClick={() => setMode('signIn')}>
          {t('account.signIn')}
        </button>
      </div>
      <ErrorBox error={error} />
      <form onSubmit={submit}>
        {mode === 'signUp' && (
          <fieldset>
            <legend>{t('account.loginKind')}</legend>
            <label className="choice">
              <input
                type="radio"
                name="kind"
                checked={kind === 'username'}
                onChange={() => setKind('username')}
              />
              <span>{t('account.byUsername')}</span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="kind"
                checked={kind === 'email'}
                onChange={() => setKind('email')}
              />
              <span>{t('account.byEmail')}</span>
            </label>
          </fieldset>
        )}
        <label htmlFor="login">
          {mode === 'signIn'
            ? t('account.login')
            : kind === 'email'
              ? t('account.email')
              : t('account.username')}
        </label>
        {mode === 'signUp' && kind === 'username' && (
          <p className="hint" id="login-hint">
            {t('account.usernameHint')}
          </p>
        )}
        <input
          id="login"
          required
          autoComplete="username"
          type={mode === 'signUp' && kind === 'email' ? 'email' : 'text'}
          aria-describedby={mode === 'signUp' && kind === 'username' ? 'login-hint' : undefined}
          aria-invalid={badField(kind) || undefined}
          value={login}
          onChange={(e) => setLogin(e.target.value)}
        />
        <label htmlFor="password">{t('account.password')}</label>
        {mode === 'signUp' && (
          <p className="hint" id="password-hint">
            {t('account.passwordHint')}
          </p>
        )}
        <input
          id="password"
          type="password"
          required
          autoComplete={mode === 'signIn' ? 'current-password' : 'new-password'}
          aria-describedby={mode === 'signUp' ? 'password-hint' : undefined}
          aria-invalid={badField('password') || undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={signIn.fetching || signUp.fetching}>
          {mode === 'signIn' ? t('account.signIn') : t('account.create')}
        </button>
      </form>
    </Page>
  );
}

function Settings() {
  const { t } = useTranslation();
  const { user, setUser } = useApp();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changed, setChanged] = useState(false);
  const [change, runChange] = useMutation(ChangePassword);
  const [everywhere, runEverywhere] = useMutation(SignOutEverywhere);
  const [deletion, runDelete] = useMutation(DeleteMyAccount);
  const [deletePassword, setDeletePassword] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);

  const signOut = async () => {
    await session.signOut();
    setUser(null);
    navigate('/');
  };

  return (
    <Page title={t('account.title')}>
      <p>{t('account.signedInAs', { login: user!.login })}</p>
      <section aria-labelledby="lang-title">
        <h2 id="lang-title">{t('account.language')}</h2>
        <p className="hint">{t('account.languageHint')}</p>
        <LanguageSwitcher />
      </section>
      <section aria-labelledby="pw-title">
        <h2 id="pw-title">{t('account.changePassword')}</h2>
        <ErrorBox error={change.error} />
        {changed && <p role="status">{t('account.passwordChanged')}</p>}
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await runChange({ input: { currentPassword: current, newPassword: next } });
            if (r.data) {
              session.start(
                r.data.changePassword.accessToken,
                r.data.changePassword.accessTokenExpiresIn,
              );
              setChanged(true);
              setCurrent('');
              setNext('');
            }
          }}
        >
          <label htmlFor="pw-current">{t('account.currentPassword')}</label>
          <input
            id="pw-current"
            type="password"
            required
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <label htmlFor="pw-new">{t('account.newPassword')}</label>
          <p className="hint" id="pw-new-hint">
            {t('account.passwordHint')}
          </p>
          <input
            id="pw-new"
            type="password"
            required
            autoComplete="new-password"
            aria-describedby="pw-new-hint"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <button type="submit">{t('account.changePassword')}</button>
        </form>
      </section>
      <section aria-labelledby="out-title">
        <h2 id="out-title">{t('account.signOutTitle')}</h2>
        <ErrorBox error={everywhere.error} />
        <div className="actions">
          <button type="button" onClick={() => void signOut()}>
            {t('account.signOut')}
          </button>
          <button
            type="button"
            onClick={async () => {
              const r = await runEverywhere({});
              if (!r.error) await signOut();
            }}
          >
            {t('account.signOutEverywhere')}
          </button>
        </div>
      </section>
      <section aria-labelledby="delete-title" className="danger">
        <h2 id="delete-title">{t('account.deleteTitle')}</h2>
        <p>{t('account.deleteWhat')}</p>
        <ErrorBox error={deletion.error} />
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await runDelete({ input: { password: deletePassword } });
            if (r.data?.deleteMyAccount) {
              session.end();
              setUser(null);
              navigate('/');
            }
          }}
        >
          <label htmlFor="delete-password">{t('account.password')}</label>
          <input
            id="delete-password"
            type="password"
            required
            autoComplete="current-password"
            value={deletePassword}
            onChange={(e) => setDeletePassword(e.target.value)}
          />
          <label className="choice">
            <input
              type="checkbox"
              required
              checked={confirmDelete}
              onChange={(e) => setConfirmDelete(e.target.checked)}
            />
            <span>{t('account.deleteConfirm')}</span>
          </label>
          <button type="submit" className="danger" disabled={!confirmDelete}>
            {t('account.delete')}
          </button>
        </form>
      </section>
    </Page>
  );
}
