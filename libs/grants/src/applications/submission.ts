import { createHash } from 'node:crypto';
import type { TFunction } from 'i18next';
import { toWarsaw, warsawWallClock } from '@sasiad/core';
import type { GrantApplication } from './grant-application.schema';

type Content = Pick<
  GrantApplication,
  | 'title'
  | 'summary'
  | 'expectedResults'
  | 'thematicArea'
  | 'requestedGrosze'
  | 'budget'
  | 'schedule'
  | 'residents'
  | 'refugees'
>;

/** `MG/2027/0007`: the programme's prefix, the Warsaw year of the first submission, the number. */
export function confirmationNumber(seq: number, at: Date): string {
  return `MG/${toWarsaw(at).year}/${String(seq).padStart(4, '0')}`;
}

/**
 * The submitted content in a fixed order and shape (money as integers, times as ISO), so the
 * same content always gives the same checksum, whatever order the database returns keys in.
 * Attachments count by the SHA-256 of their bytes, sorted (not their names or upload order);
 * without attachments the shape is the one used before they counted, so earlier checksums
 * still verify.
 */
export function canonicalContent(number: string, c: Content, attachments: string[] = []): string {
  return JSON.stringify({
    number,
    title: c.title,
    summary: c.summary ?? '',
    expectedResults: c.expectedResults ?? '',
    thematicArea: c.thematicArea ?? '',
    requestedGrosze: c.requestedGrosze,
    budget: (c.budget ?? []).map((l) => [
      l.category,
      l.unit,
      l.quantity,
      l.unitCostGrosze,
      l.grantGrosze,
      l.ownMoneyGrosze,
      l.inKindGrosze,
      l.volunteerHours,
      l.volunteerRateGrosze,
    ]),
    schedule: (c.schedule ?? []).map((a) => [
      a.name,
      new Date(a.startsAt).toISOString(),
      new Date(a.endsAt).toISOString(),
    ]),
    residents: c.residents ?? 0,
    refugees: c.refugees ?? 0,
    ...(attachments.length > 0 ? { attachments: [...attachments].sort() } : {}),
  });
}

export function checksumOf(number: string, c: Content, attachments: string[] = []): string {
  return createHash('sha256')
    .update(canonicalContent(number, c, attachments))
    .digest('hex');
}

/** 1234567 grosze → "12 345,67 zł" (the same in all four languages). */
export function pln(grosze: number): string {
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  const zl = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${zl},${String(abs % 100).padStart(2, '0')} zł`;
}

/** The printable confirmation: plain text in the reader's language, ending with the checksum. */
export function summaryText(
  a: Content & { number?: string; checksum?: string; submittedAt?: Date },
  applicant: string,
  t: TFunction,
  attachments: { name: string; sha256: string }[] = [],
): string {
  const lines = [
    t('grants:summary.heading', { number: a.number ?? '—' }),
    `${t('grants:summary.applicant')}: ${applicant}`,
    `${t('grants:summary.title')}: ${a.title}`,
    `${t('grants:summary.submittedAt')}: ${a.submittedAt ? warsawWallClock(a.submittedAt) : '—'}`,
    `${t('grants:summary.requested')}: ${pln(a.requestedGrosze)}`,
    `${t('grants:summary.participants')}: ${a.residents} / ${a.refugees}`,
    '',
    t('grants:summary.budget'),
    ...(a.budget ?? []).map(
      (l, i) =>
        `${i + 1}. ${l.category}: ${l.quantity} ${l.unit} × ${pln(l.unitCostGrosze)}; ${t('grants:summary.grant')} ${pln(l.grantGrosze)}`,
    ),
    '',
    t('grants:summary.schedule'),
    ...(a.schedule ?? []).map(
      (s, i) =>
        `${i + 1}. ${s.name}: ${warsawWallClock(s.startsAt)} – ${warsawWallClock(s.endsAt)}`,
    ),
    '',
    ...(attachments.length > 0
      ? [
          t('grants:summary.attachments'),
          ...attachments.map((f, i) => `${i + 1}. ${f.name} (SHA-256 ${f.sha256})`),
          '',
        ]
      : []),
    `${t('grants:summary.checksum')} (SHA-256): ${a.checksum ?? '—'}`,
  ];
  return lines.join('\n');
}
