import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { RegisterOrganisation } from '../../graphql/ngo-centre';
import { useApp } from '../../app-context';
import { describeError } from '../../lib/errors';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../lib/language';
import { invalidRegistryFields, normalizeRegistryNumber } from './registry-numbers';
import { LEGAL_FORMS, NEEDS_KRS } from './ngo-labels';
import { Field } from './NgoField';
import './ngo.css';

type LegalForm = (typeof LEGAL_FORMS)[number];
const tags = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** An organisation or initiative group registers itself; the centre verifies it afterwards. */
export function RegisterPage() {
  const { t } = useTranslation();
  const { user, language } = useApp();
  const navigate = useNavigate();
  const [v, setV] = useState({
    name: '',
    legalForm: 'INITIATIVE_GROUP' as LegalForm,
    krs: '',
    nip: '',
    regon: '',
    street: '',
    postalCode: '',
    city: '',
    email: '',
    phone: '',
    website: '',
    fields: '',
    districts: '',
    description: '',
  });
  const [languages, setLanguages] = useState<Language[]>([language]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [res, register] = useMutation(RegisterOrganisation);
  const summary = useRef<HTMLDivElement>(null);
  const set = (key: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [key]: value }));

  if (!user)
    return (
      <Page title={t('ngo.register.title')}>
        <p>
          <Link className="button primary" to="/account?next=/ngo/register">
            {t('ngo.directory.signInToRegister')}
          </Link>
        </p>
      </Page>
    );

  const showProblems = (found: Record<string, string>) => {
    setProblems(found);
    if (Object.keys(found).length) setTimeout(() => summary.current?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!v.name.trim()) found.name = t('ngo.register.required', { field: t('ngo.register.name') });
    if (!v.street.trim())
      found.street = t('ngo.register.required', { field: t('ngo.register.street') });
    if (!/^\d{2}-\d{3}$/.test(v.postalCode.trim())) found.postalCode = t('ngo.register.postalCode');
    if (!v.city.trim()) found.city = t('ngo.register.required', { field: t('ngo.register.city') });
    if (NEEDS_KRS.has(v.legalForm) && !v.krs.trim()) found.krs = t('ngo.register.krsRequired');
    for (const f of invalidRegistryFields(v))
      found[f] = t('ngo.register.badNumber', { number: f.toUpperCase() });
    if (Object.keys(found).length) return showProblems(found);
    showProblems({});
    const contact = {
      email: v.email.trim() || undefined,
      phone: v.phone.trim() || undefined,
      website: v.website.trim() || undefined,
    };
    const r = await register({
      input: {
        name: v.name.trim(),
        legalForm: v.legalForm,
        krs: normalizeRegistryNumber(v.krs) || undefined,
        nip: normalizeRegistryNumber(v.nip) || undefined,
        regon: normalizeRegistryNumber(v.regon) || undefined,
        address: { street: v.street.trim(), postalCode: v.postalCode.trim(), city: v.city.trim() },
        contact: contact.email || contact.phone || contact.website ? contact : undefined,
        baseLanguage: language,
        languages,
        fieldsOfActivity: tags(v.fields),
        districts: tags(v.districts),
        description: v.description.trim()
          ? [{ lang: language, text: v.description.trim() }]
          : undefined,
      },
    });
    if (r.error) {
      // the API's own check (same digits) names the field: mark it too
      const shown = describeError(r.error, t);
      const fromApi: Record<string, string> = {};
      for (const f of shown.fields) fromApi[f.field] = shown.message;
      setProblems(fromApi);
      return;
    }
    if (r.data) navigate(`/ngo/${r.data.registerOrganisation.organisationId}/manage`);
  };

  const list = Object.entries(problems);
  return (
    <Page title={t('ngo.register.title')}>
      <p>{t('ngo.register.intro')}</p>
      {list.length > 0 && (
        <div ref={summary} role="alert" tabIndex={-1} className="error-box">
          <p>{t('ngo.register.fix')}</p>
          <ul>
            {list.map(([field, text]) => (
              <li key={field}>
                <a href={`#reg-${field}`}>{text}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorBox error={list.length ? undefined : res.error} />
      <form onSubmit={submit} noValidate>
        <Field
          id="reg-name"
          label={t('ngo.register.name')}
          value={v.name}
          onChange={set('name')}
          problem={problems.name}
          autoComplete="organization"
        />
        <div className="field">
          <label htmlFor="reg-legalForm">{t('ngo.legalForm.label')}</label>
          <select
            id="reg-legalForm"
            value={v.legalForm}
            onChange={(e) => set('legalForm')(e.target.value)}
          >
            {LEGAL_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`ngo.legalForm.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('ngo.register.numbers')}</legend>
          <p className="hint">{t('ngo.register.numbersHint')}</p>
          <Field
            id="reg-krs"
            label="KRS"
            value={v.krs}
            onChange={set('krs')}
            problem={problems.krs}
            inputMode="numeric"
          />
          <Field
            id="reg-nip"
            label="NIP"
            value={v.nip}
            onChange={set('nip')}
            problem={problems.nip}
            inputMode="numeric"
          />
          <Field
            id="reg-regon"
            label="REGON"
            value={v.regon}
            onChange={set('regon')}
            problem={problems.regon}
            inputMode="numeric"
          />
        </fieldset>
        <fieldset>
          <legend>{t('ngo.register.addressLegend')}</legend>
          <Field
            id="reg-street"
            label={t('ngo.register.street')}
            value={v.street}
            onChange={set('street')}
            problem={problems.street}
            autoComplete="street-address"
          />
          <Field
            id="reg-postalCode"
            label={t('ngo.register.postalCodeLabel')}
            value={v.postalCode}
            onChange={set('postalCode')}
            problem={problems.postalCode}
            hint="00-000"
            autoComplete="postal-code"
          />
          <Field
            id="reg-city"
            label={t('ngo.register.city')}
            value={v.city}
            onChange={set('city')}
            problem={problems.city}
            autoComplete="address-level2"
          />
        </fieldset>
        <fieldset>
          <legend>{t('ngo.register.contactLegend')}</legend>
          <Field
            id="reg-email"
            label={t('ngo.profile.email')}
            type="email"
            value={v.email}
            onChange={set('email')}
            problem={problems.email}
          />
          <Field
            id="reg-phone"
            label={t('ngo.profile.phone')}
            type="tel"
            value={v.phone}
            onChange={set('phone')}
            problem={problems.phone}
          />
          <Field
            id="reg-website"
            label={t('ngo.profile.website')}
            type="url"
            value={v.website}
            onChange={set('website')}
            problem={problems.website}
          />
        </fieldset>
        <fieldset>
          <legend>{t('ngo.profile.languages')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="choice">
              <input
                type="checkbox"
                checked={languages.includes(l)}
                onChange={(e) =>
                  setLanguages((old) =>
                    e.target.checked ? [...old, l] : old.filter((x) => x !== l),
                  )
                }
              />
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </fieldset>
        <Field
          id="reg-fields"
          label={t('ngo.profile.fields')}
          hint={t('ngo.register.tagsHint')}
          value={v.fields}
          onChange={set('fields')}
          problem={problems.fieldsOfActivity}
        />
        <Field
          id="reg-districts"
          label={t('ngo.profile.districts')}
          hint={t('ngo.register.tagsHint')}
          value={v.districts}
          onChange={set('districts')}
          problem={problems.districts}
        />
        <div className="field">
          <label htmlFor="reg-description">{t('ngo.register.description')}</label>
          <textarea
            id="reg-description"
            rows={4}
            value={v.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={res.fetching}>
          {t('ngo.register.submit')}
        </button>
      </form>
    </Page>
  );
}
