import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { RegisterInformalGroup } from '../../graphql/grants';

interface Member {
  fullName: string;
  birthDate: string;
}

/**
 * An informal group of at least three adults: named members (stored encrypted), the reader as
 * its contact person, and their consent, confirmed by the contact person.
 */
export function GroupForm({ onRegistered }: { onRegistered: (groupId: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [street, setStreet] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [city, setCity] = useState('');
  const [members, setMembers] = useState<Member[]>(
    Array.from({ length: 3 }, () => ({ fullName: '', birthDate: '' })),
  );
  const [contact, setContact] = useState(0);
  const [consent, setConsent] = useState(false);
  const [res, register] = useMutation(RegisterInformalGroup);
  const set = (i: number, patch: Partial<Member>) =>
    setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <form
      className="grant-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await register({
          input: {
            name: name.trim(),
            place: { street: street.trim(), postalCode: postalCode.trim(), city: city.trim() },
            members: members.map((m) => ({ fullName: m.fullName.trim(), birthDate: m.birthDate })),
            contactMember: contact,
          },
        });
        if (r.data) onRegistered(r.data.registerInformalGroup.id);
      }}
    >
      <p className="hint">{t('grants.group.hint')}</p>
      <ErrorBox error={res.error} />
      <label htmlFor="group-name">{t('grants.group.name')}</label>
      <input
        id="group-name"
        required
        maxLength={150}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor="group-street">{t('grants.group.street')}</label>
      <input
        id="group-street"
        required
        maxLength={150}
        value={street}
        onChange={(e) => setStreet(e.target.value)}
      />
      <div className="grant-pair">
        <div>
          <label htmlFor="group-postal">{t('grants.group.postalCode')}</label>
          <input
            id="group-postal"
            required
            pattern="\d{2}-\d{3}"
            placeholder="15-001"
            value={postalCode}
            onChange={(e) => setPostalCode(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="group-city">{t('grants.group.city')}</label>
          <input
            id="group-city"
            required
            maxLength={80}
            value={city}
            onChange={(e) => setCity(e.target.value)}
          />
        </div>
      </div>
      <fieldset>
        <legend>{t('grants.group.members')}</legend>
        {members.map((m, i) => (
          <div key={i} className="grant-line" data-testid="member">
            <label htmlFor={`member-${i}-name`}>{t('grants.group.memberName', { n: i + 1 })}</label>
            <input
              id={`member-${i}-name`}
              required
              maxLength={120}
              autoComplete="off"
              value={m.fullName}
              onChange={(e) => set(i, { fullName: e.target.value })}
            />
            <label htmlFor={`member-${i}-birth`}>{t('grants.group.birthDate', { n: i + 1 })}</label>
            <input
              id={`member-${i}-birth`}
              type="date"
              required
              value={m.birthDate}
              onChange={(e) => set(i, { birthDate: e.target.value })}
            />
            <label className="choice">
              <input
                type="radio"
                name="contact"
                checked={contact === i}
                onChange={() => setContact(i)}
              />
              <span>{t('grants.group.isContact', { n: i + 1 })}</span>
            </label>
            {members.length > 3 && (
              <button
                type="button"
                onClick={() => {
                  setMembers(members.filter((_, j) => j !== i));
                  setContact(0);
                }}
              >
                {t('grants.group.remove', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          onClick={() => setMembers([...members, { fullName: '', birthDate: '' }])}
        >
          {t('grants.group.add')}
        </button>
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          required
          checked={consent}
          onChange={(e) => setConsent(e.target.checked)}
        />
        <span>{t('grants.group.consent')}</span>
      </label>
      <button type="submit" className="primary" disabled={res.fetching}>
        {t('grants.group.register')}
      </button>
    </form>
  );
}
