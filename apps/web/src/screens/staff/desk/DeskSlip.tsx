import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ErrorBox } from '../../../components/ErrorBox';
import { formatDateTime } from '../../../lib/format';
import type { Language } from '../../../lib/language';
import { personTexts } from './slip-texts';

/** The person's texts once loaded (null meanwhile). */
export function usePersonTexts(lang: Language): TFunction | null {
  const [loaded, setLoaded] = useState<{ lang: Language; t: TFunction } | null>(null);
  useEffect(() => {
    let live = true;
    void personTexts(lang).then((t) => live && setLoaded({ lang, t }));
    return () => {
      live = false;
    };
  }, [lang]);
  return loaded?.lang === lang ? loaded.t : null;
}

function useQr(link: string): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then((m) =>
      m.toDataURL(link, { margin: 2, width: 220 }).then((url) => live && setQr(url)),
    );
    return () => {
      live = false;
    };
  }, [link]);
  return qr;
}

export interface SlipContent {
  kind: 'question' | 'account';
  /** The code as the person types it (an access code grouped by four, or 12 digits). */
  code: string;
  /** Where the QR code leads (the code in the fragment). */
  link: string;
  /** The address to type, without the code. */
  address: string;
  login?: string;
  until?: string | null;
}

/**
 * The slip handed to the person: in their language (with `lang`), the code in large type, its
 * QR code, and where to use it. Printing shows only the slip (desk.css); the buttons are the
 * staff member's, in the console's language.
 */
export function DeskSlip({
  slip,
  language,
  onNext,
}: {
  slip: SlipContent;
  language: Language;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const pt = usePersonTexts(language);
  const qr = useQr(slip.link);
  if (!pt) return <p role="status">{t('common.loading')}</p>;
  const question = slip.kind === 'question';
  return (
    <div className="desk-done">
      <p className="notice ok" role="status">
        {question ? t('staff.desk.done.question') : t('staff.desk.done.account')}
      </p>
      <section
        className="desk-slip"
        lang={language}
        aria-labelledby="desk-slip-title"
        data-testid="desk-slip"
      >
        <h2 id="desk-slip-title">
          {question ? pt('staff.desk.slip.questionTitle') : pt('staff.desk.slip.accountTitle')}
        </h2>
        {slip.login && (
          <p>
            {pt('staff.desk.slip.login')}{' '}
            <strong className="code" data-testid="desk-slip-login">
              {slip.login}
            </strong>
          </p>
        )}
        <p className="desk-slip-label">
          {question ? pt('staff.desk.slip.code') : pt('staff.desk.slip.setupCode')}
        </p>
        <p className="code big" data-testid="desk-slip-code">
          {slip.code}
        </p>
        {qr && (
          <img
            src={qr}
            width={220}
            height={220}
            alt={pt('staff.desk.slip.qrAlt', { url: slip.address })}
          />
        )}
        <p>
          {question
            ? pt('staff.desk.slip.questionHow', { url: slip.address })
            : pt('staff.desk.slip.accountHow', { url: slip.address })}
        </p>
        {slip.until && (
          <p>
            {question
              ? pt('staff.desk.slip.expected', { date: formatDateTime(slip.until, language) })
              : pt('staff.desk.slip.validUntil', { date: formatDateTime(slip.until, language) })}
          </p>
        )}
        <p className="warning">
          {question ? pt('staff.desk.slip.keep') : pt('staff.desk.slip.keepAccount')}
        </p>
      </section>
      <div className="actions desk-actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('staff.desk.print')}
        </button>
        <button type="button" onClick={onNext}>
          {t('staff.desk.next')}
        </button>
      </div>
    </div>
  );
}

/** A consent text shown twice: in the person's language (to read) and the staff member's. */
export function BilingualText({
  personLanguage,
  personText,
  staffLanguage,
  staffText,
  id,
}: {
  personLanguage: Language;
  personText: string;
  staffLanguage: Language;
  staffText: string;
  id: string;
}) {
  const { t } = useTranslation();
  const pt = usePersonTexts(personLanguage);
  return (
    <div className="desk-consent" id={id}>
      <blockquote lang={personLanguage} data-testid={`${id}-person`}>
        <p className="desk-consent-label">{pt?.('staff.desk.consent.forPerson')}</p>
        <p>{personText}</p>
      </blockquote>
      {staffLanguage !== personLanguage && (
        <blockquote lang={staffLanguage}>
          <p className="desk-consent-label">{t('staff.desk.consent.forYou')}</p>
          <p>{staffText}</p>
        </blockquote>
      )}
    </div>
  );
}

/**
 * The consent part of a desk form: what the person agrees to, in their language (and in the staff
 * member's when it differs), and the box the staff member ticks once the person said yes.
 */
export function DeskConsent({
  id,
  personLanguage,
  staffLanguage,
  texts,
  error,
  checked,
  onChange,
}: {
  id: string;
  personLanguage: Language;
  staffLanguage: Language;
  /** The wording in both languages, once loaded. */
  texts: { person: string; staff: string } | undefined;
  /** Why the wording could not be loaded. */
  error: CombinedError | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('staff.desk.consent.title')}</legend>
      {texts ? (
        <BilingualText
          id={id}
          personLanguage={personLanguage}
          personText={texts.person}
          staffLanguage={staffLanguage}
          staffText={texts.staff}
        />
      ) : (
        <ErrorBox error={error} />
      )}
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={id}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{t('staff.desk.consent.given')}</span>
      </label>
    </fieldset>
  );
}
