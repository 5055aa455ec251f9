import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app-context';
import { ErrorBox } from '../../components/ErrorBox';
import { Page } from '../../components/Layout';
import { ResetPasswordWithCode, SignIn } from '../../graphql/account';
import { session } from '../../lib/session';
import { useFragmentParams } from '../../lib/fragment';

/**
 * Set one's own password with a one-time code: the setup code of an account made at the info
 * point's desk (its slip's QR code opens this page with `#login=…&code=…`, never sent to the
 * server), a code staff gave, or a recovery code. Then signed in at once.
 */
export function SetPasswordWithCode() {
  const { t } = useTranslation();
  const { setUser } = useApp();
  const navigate = useNavigate();
  const fromSlip = useFragmentParams();
  const [login, setLogin] = useState(() => fromSlip.get('login') ?? '');
  const [code, setCode] = useState(() => fromSlip.get('code') ?? '');
  const [password, setPassword] = useState('');
  const [reset, runReset] = useMutation(ResetPasswordWithCode);
  const [signIn, runSignIn] = useMutation(SignIn);

  return (
    <Page title={t('deskCode.title')}>
      <p>{t('deskCode.intro')}</p>
      <ErrorBox error={reset.error ?? signIn.error} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const done = await runReset({
            input: { login: login.trim(), code: code.trim(), newPassword: password },
          });
          if (!done.data?.resetPasswordWithRecoveryCode) return;
          const res = (await runSignIn({ input: { login: login.trim(), password } })).data?.signIn;
          if (!res) return;
          session.start(res.accessToken, res.accessTokenExpiresIn);
          setUser(res.user);
          navigate('/account');
        }}
      >
        <label htmlFor="code-login">{t('account.login')}</label>
        <input
          id="code-login"
          required
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={login}
          onChange={(e) => setLogin(e.target.value)}
        />
        <label htmlFor="code-code">{t('deskCode.code')}</label>
        <input
          id="code-code"
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <label htmlFor="code-password">{t('deskCode.password')}</label>
        <p className="hint" id="code-password-hint">
          {t('account.passwordHint')}
        </p>
        <input
          id="code-password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          aria-describedby="code-password-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={reset.fetching || signIn.fetching}>
          {t('deskCode.submit')}
        </button>
      </form>
    </Page>
  );
}
