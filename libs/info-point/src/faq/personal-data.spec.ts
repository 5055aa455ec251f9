import { findPersonalData } from './personal-data';

describe('personal data in FAQ texts', () => {
  it('finds e-mail addresses', () => {
    expect(findPersonalData('Napisz do olena.k+uk@gmail.com w tej sprawie')).toEqual(['email']);
    expect(findPersonalData('Пишіть на олена@пошта.укр')).toEqual(['email']);
    expect(findPersonalData('Twitter @urzad_lodz')).toEqual([]);
  });

  it('finds phone numbers in the ways people write them', () => {
    for (const phone of [
      '+48 600 100 200',
      '+48600100200',
      '600-100-200',
      '600100200',
      '(42) 638 43 00',
      '+380 67 123 45 67',
    ])
      expect(findPersonalData(`Dzwoń: ${phone}.`)).toEqual(['phone']);
  });

  it('finds an 11-digit PESEL-like number, without also calling it a phone', () => {
    expect(findPersonalData('Mój PESEL to 85010112345.')).toEqual(['pesel']);
    expect(findPersonalData('номер 850101123456')).toEqual(['phone']); // 12 digits: not a PESEL
  });

  it('finds links with query parameters, not plain links', () => {
    expect(findPersonalData('Zobacz https://mos.cudzoziemcy.gov.pl/sprawa?id=12345')).toEqual([
      'urlWithQuery',
    ]);
    expect(findPersonalData('www.example.org/form?token=abc')).toEqual(['urlWithQuery']);
    expect(findPersonalData('Wniosek: https://www.gov.pl/web/udsc/karta-pobytu')).toEqual([]);
    expect(findPersonalData('Czy to https://www.gov.pl/web/udsc?')).toEqual([]);
  });

  it('leaves ordinary texts alone: dates, amounts, legal references, postcodes', () => {
    for (const text of [
      'Termin: 12.03.2024 10:00, pokój 114.',
      'Mikrogrant do 5 000 zł, w 2025 r. 15 projektów.',
      'Art. 114 ust. 1 ustawy o cudzoziemcach (Dz.U. 2023 poz. 519).',
      'Urząd, ul. Piotrkowska 104, 90-926 Łódź.',
      'Карта побиту на 3 роки коштує 440 злотих.',
    ])
      expect(findPersonalData(text)).toEqual([]);
  });

  it('reports every kind found, once each', () => {
    expect(
      findPersonalData('a@b.pl, +48 600 100 200, 85010112345, https://x.pl/?u=1, c@d.pl'),
    ).toEqual(['email', 'pesel', 'phone', 'urlWithQuery']);
  });
});
