import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';

/** The code as text (to read out or type) and as a QR code (to scan at the door). */
export function RegistrationCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then((m) =>
      m.toDataURL(code, { margin: 2, width: 240 }).then((url) => live && setQr(url)),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return (
    <section className="access-code" aria-labelledby="reg-code-title">
      <h2 id="reg-code-title">{t('events.codeTitle')}</h2>
      <p>{t('events.codeText')}</p>
      <p className="code big" data-testid="registration-code">
        {code}
      </p>
      {qr && <img src={qr} width={240} height={240} alt={t('events.qrAlt', { code })} />}
      <div className="actions">
        <CopyButton text={code} />
        <button type="button" onClick={() => window.print()}>
          {t('ask.print')}
        </button>
      </div>
    </section>
  );
}
