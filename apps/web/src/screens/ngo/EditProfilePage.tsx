import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { NgoProfile, UpdateNgoProfile } from '../../graphql/ngo-centre';
import { useApp } from '../../app-context';
import { describeError } from '../../lib/errors';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../lib/language';
import { invalidRegistryFields, normalizeRegistryNumber } from './registry-numbers';
import { Field } from './NgoField';
import './ngo.css';

const tags = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The organisation's admin edits its profile: name, registry numbers (changed ones are verified
 * again by the centre), contact, languages, fields, districts and the description in the
 * reader's language (other languages keep theirs). Only what changed is sent.
 */
export function EditProfilePage() {
  const { t, i18n } = useTranslation();
  const { organisationId = '' } = useParams();
  const { user, language } = useApp();
  const [res] = useQuery({
    query: NgoProfile,
    variables: { organisationId },
    pause: !user,
    requestPolicy: 'network-only',
  });
  const p = res.data?.ngoProfile;
  const initial = p && {
    name: p.organisation.name,
    krs: p.krs ?? '',
    nip: p.nip ?? '',
    regon: p.regon ?? '',
    email: p.organisation.contact.email ?? '',
    phone: p.organisation.contact.phone ?? '',
    website: p.organisation.contact.website ?? '',
    fields: p.fieldsOfActivity.join(', '),
    districts: p.districts.join(', '),
    // a fallback text is another language's: not the reader's to edit here
    description: p.description && !p.description.isFallback ? p.description.text : '',
    languages: p.languages.join(','),
  };
  const [v, setV] = useState<NonNullable<typeof initial> | null>(null);
  useEffect(() => {
    if (initial && !v) setV(initial);
  }, [initial, v]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [upd, update] = useMutation(UpdateNgoProfile);
  const summary = useRef<HTMLDivElement>(null);

  if (!p || !v || !initial)
    return (
      <Page title={t('ngo.edit.title')}>
        {res.error ? <ErrorBox error={res.error} /> : <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const set = (key: keyof typeof v) => (value: string) => {
    setSaved(false);
    setV({ ...v, [key]: value });
  };
  const languages = v.languages ? (v.languages.split(',') as Language[]) : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!v.name.trim()) found.name = t('ngo.register.required', { field: t('ngo.register.name') });
    for (const f of invalidRegistryFields(v))
      found[f] = t('ngo.register.badNumber', { number: f.toUpperCase() });
    setProblems(found);
    if (Object.keys(found).length) return setTimeout(() => summary.current?.focus());
    const changed = (k: keyof typeof v) => v[k] !== initial[k];
    const contactChanged = changed('email') || changed('phone') || changed('website');
    const r = await update({
      input: {
        organisationId,
        name: changed('name') ? v.name.trim() : undefined,
        krs: changed('krs') ? normalizeRegistryNumber(v.krs) || undefined : undefined,
        nip: changed('nip') ? normalizeRegistryNumber(v.nip) || undefined : undefined,
        regon: changed('regon') ? normalizeRegistryNumber(v.regon) || undefined : undefined,
        contact: contactChanged
          ? {
              email: v.email.trim() || undefined,
              phone: v.phone.trim() || undefined,
              website: v.website.trim() || undefined,
            }
          : undefined,
        languages: changed('languages') ? languages : undefined,
        fieldsOfActivity: changed('fields') ? tags(v.fields) : undefined,
        districts: changed('districts') ? tags(v.districts) : undefined,
        description:
          changed('description') && v.description.trim()
            ? [{ lang: language, text: v.description.trim() }]
            : undefined,
      },
    });
    if (r.error) {
      const shown = describeError(r.error, t);
      const fromApi: Record<string, string> = {};
      for (const f of shown.fields) fromApi[f.field] = shown.message;
      setProblems(fromApi);
      if (Object.keys(fromApi).length) setTimeout(() => summary.current?.focus());
    } else setSaved(true);
  };

  const list = Object.entries(problems);
  return (
    <Page title={t('ngo.edit.title')}>
      <p>
        <Link to={`/ngo/${organisationId}/manage`}>{p.organisation.name}</Link>
      </p>
      <p className="hint">{t('ngo.edit.numbersAgain')}</p>
      {list.length > 0 && (
        <div ref={summary} role="alert" tabIndex={-1} className="error-box">
          <p>{t('ngo.register.fix')}</p>
          <ul>
            {list.map(([field, text]) => (
              <li key={field}>
                <a href={`#edit-${field}`}>{text}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorBox error={list.length ? undefined : upd.error} />
      <form onSubmit={submit} noValidate>
        <Field
          id="edit-name"
          label={t('ngo.register.name')}
          value={v.name}
          onChange={set('name')}
          problem={problems.name}
        />
        <fieldset>
          <legend>{t('ngo.register.numbers')}</legend>
          {(['krs', 'nip', 'regon'] as const).map((f) => (
            <Field
              key={f}
              id={`edit-${f}`}
              label={f.toUpperCase()}
              value={v[f]}
              onChange={set(f)}
              problem={problems[f]}
              inputMode="numeric"
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('ngo.register.contactLegend')}</legend>
          <Field
            id="edit-email"
            label={t('ngo.profile.email')}
            type="email"
            value={v.email}
            onChange={set('email')}
            problem={problems.email}
          />
          <Field
            id="edit-phone"
            label={t('ngo.profile.phone')}
            type="tel"
            value={v.phone}
            onChange={set('phone')}
            problem={problems.phone}
          />
          <Field
            id="edit-website"
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
                  set('languages')(
                    (e.target.checked ? [...languages, l] : languages.filter((x) => x !== l)).join(
                      ',',
                    ),
                  )
                }
              />
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </fieldset>
        <Field
          id="edit-fields"
          label={t('ngo.profile.fields')}
          hint={t('ngo.register.tagsHint')}
          value={v.fields}
          onChange={set('fields')}
        />
        <Field
          id="edit-districts"
          label={t('ngo.profile.districts')}
          hint={t('ngo.register.tagsHint')}
          value={v.districts}
          onChange={set('districts')}
        />
        <div className="field">
          <label htmlFor="edit-description">
            {t('ngo.edit.description', { language: t(`language.in.${i18n.language}`) })}
          </label>
          <textarea
            id="edit-description"
            rows={4}
            value={v.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        </div>
        {saved && (
          <p role="status" className="notice">
            {t('ngo.edit.saved')}
          </p>
        )}
        <button type="submit" className="primary" disabled={upd.fetching}>
          {t('ngo.edit.save')}
        </button>
      </form>
    </Page>
  );
}
