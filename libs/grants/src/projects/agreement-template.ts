import { createHash } from 'node:crypto';
import { warsawWallClock } from '@sasiad/core';
import { pln } from '../applications/submission';

export interface AgreementFacts {
  number: string;
  operator: string;
  applicant: string;
  title: string;
  grantedGrosze: number;
  startsAt: Date;
  endsAt: Date;
  reportDueAt: Date;
  budget: { category: string; grantGrosze: number }[];
  annex: number;
}

const day = (d: Date) => warsawWallClock(d).slice(0, 10);

/**
 * The agreement in Polish, the legal language (a reader gets a summary in their own language
 * beside it). A template, not legal advice: the operator's lawyer owns the wording.
 */
export function agreementText(f: AgreementFacts): string {
  return [
    `UMOWA O PRZYZNANIE MIKROGRANTU nr ${f.number}${f.annex > 0 ? ` (tekst jednolity po aneksie nr ${f.annex})` : ''}`,
    '',
    `zawarta pomiędzy ${f.operator} (Operator) a ${f.applicant} (Realizator).`,
    '',
    `§ 1. Operator przyznaje Realizatorowi mikrogrant w wysokości ${pln(f.grantedGrosze)} na realizację projektu „${f.title}”.`,
    `§ 2. Projekt zostanie zrealizowany w okresie od ${day(f.startsAt)} do ${day(f.endsAt)}; udział w nim jest bezpłatny dla uczestników.`,
    '§ 3. Środki z mikrograntu zostaną wydatkowane zgodnie z budżetem:',
    ...f.budget.map((l, i) => `   ${i + 1}) ${l.category}: ${pln(l.grantGrosze)}`),
    '§ 4. Mikrogrant jest wypłacany w transzach po zatwierdzeniu przez Operatora i jego służby finansowe.',
    `§ 5. Realizator złoży sprawozdanie końcowe do ${day(f.reportDueAt)} i zwróci środki niewykorzystane lub wydane niezgodnie z umową.`,
    '§ 6. Zmiany budżetu wymagają zgody Operatora, z wyjątkiem przesunięć mieszczących się w limicie określonym w regulaminie naboru; zatwierdzone zmiany stanowią aneks do umowy.',
  ].join('\n');
}

export function textChecksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
