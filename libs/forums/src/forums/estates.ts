import { Language } from '@sasiad/core';

/**
 * The six Białystok housing estates of "Moja ulica, moje osiedle, moje miasto" (sample data
 * loaded by `npm run cli -- seed-forums`). Estate names are proper names and stay in Polish, as
 * on the street signs; the descriptions are written for readers of each language.
 */
export interface EstateSeed {
  key: string;
  name: string;
  city: string;
  description: Record<Language, string>;
}

export const BIALYSTOK_ESTATES: EstateSeed[] = [
  {
    key: 'bema',
    name: 'Bema',
    city: 'Białystok',
    description: {
      pl: 'Forum Aktywnych Mieszkańców osiedla Bema, noszącego imię generała Józefa Bema. Spacerujemy, rozmawiamy i zbieramy pomysły, które forum przekaże władzom osiedla i miasta.',
      uk: 'Форум активних мешканців мікрорайону Bema, названого на честь генерала Юзефа Бема. Ми гуляємо, розмовляємо й збираємо ідеї, які форум передасть владі мікрорайону та міста.',
      be: 'Форум актыўных жыхароў мікрараёна Bema, названага ў гонар генерала Юзафа Бема. Мы гуляем, размаўляем і збіраем ідэі, якія форум перадасць уладам мікрараёна і горада.',
      ru: 'Форум активных жителей микрорайона Bema, названного в честь генерала Юзефа Бема. Мы гуляем, разговариваем и собираем идеи, которые форум передаст властям микрорайона и города.',
    },
  },
  {
    key: 'tysiaclecia',
    name: 'Tysiąclecia',
    city: 'Białystok',
    description: {
      pl: 'Forum Aktywnych Mieszkańców osiedla Tysiąclecia. Zapraszamy na spacery tematyczne po podwórkach i na rozmowy o tym, jak się tu żyje i co warto zmienić.',
      uk: 'Форум активних мешканців мікрорайону Tysiąclecia. Запрошуємо на тематичні прогулянки подвір’ями та на розмови про те, як тут живеться і що варто змінити.',
      be: 'Форум актыўных жыхароў мікрараёна Tysiąclecia. Запрашаем на тэматычныя прагулкі па дварах і на размовы пра тое, як тут жывецца і што варта змяніць.',
      ru: 'Форум активных жителей микрорайона Tysiąclecia. Приглашаем на тематические прогулки по дворам и на разговоры о том, как здесь живётся и что стоит изменить.',
    },
  },
  {
    key: 'przyjazn',
    name: 'Przyjaźń',
    city: 'Białystok',
    description: {
      pl: 'Forum Aktywnych Mieszkańców osiedla Przyjaźń – nazwa zobowiązuje. Na grach terenowych i spotkaniach mieszkańcy od lat i ci, którzy przyjechali niedawno, poznają się bliżej.',
      uk: 'Форум активних мешканців мікрорайону Przyjaźń («Дружба») — назва зобов’язує. На польових іграх і зустрічах ті, хто живе тут давно, і ті, хто приїхав нещодавно, ближче знайомляться.',
      be: 'Форум актыўных жыхароў мікрараёна Przyjaźń («Сяброўства») — назва абавязвае. На палявых гульнях і сустрэчах тыя, хто жыве тут даўно, і тыя, хто прыехаў нядаўна, бліжэй знаёмяцца.',
      ru: 'Форум активных жителей микрорайона Przyjaźń («Дружба») — название обязывает. На полевых играх и встречах те, кто живёт здесь давно, и те, кто приехал недавно, знакомятся ближе.',
    },
  },
  {
    key: 'piasta',
    name: 'Piasta',
    city: 'Białystok',
    description: {
      pl: 'Forum Aktywnych Mieszkańców osiedla Piasta. Na warsztatach i spacerach zbieramy wspomnienia mieszkańców i pomysły na wspólną przestrzeń – opowiedzmy razem historię naszego osiedla.',
      uk: 'Форум активних мешканців мікрорайону Piasta. На майстер-класах і прогулянках ми збираємо спогади мешканців та ідеї для спільного простору — розкажімо разом історію нашого мікрорайону.',
      be: 'Форум актыўных жыхароў мікрараёна Piasta. На майстар-класах і прагулках мы збіраем успаміны жыхароў і ідэі для агульнай прасторы — раскажам разам гісторыю нашага мікрараёна.',
      ru: 'Форум активных жителей микрорайона Piasta. На мастер-классах и прогулках мы собираем воспоминания жителей и идеи для общего пространства — расскажем вместе историю нашего микрорайона.',
    },
  },
  {
    key: 'bialostoczek',
    name: 'Białostoczek',
    city: 'Białystok',
    description: {
      pl: 'Forum Aktywnych Mieszkańców osiedla Białostoczek, dawnego przedmieścia z własną tradycją. Na spotkaniach mieszkańców rozmawiamy o tym, czego osiedle potrzebuje dziś.',
      uk: 'Форум активних мешканців мікрорайону Białostoczek — колишнього передмістя з власними традиціями. На зустрічах мешканців говоримо про те, чого мікрорайону бракує сьогодні.',
      be: 'Форум актыўных жыхароў мікрараёна Białostoczek — былога прадмесця з уласнымі традыцыямі. На сустрэчах жыхароў гаворым пра тое, чаго мікрараёну не хапае сёння.',
      ru: 'Форум активных жителей микрорайона Białostoczek — бывшего предместья со своими традициями. На встречах жителей говорим о том, чего микрорайону не хватает сегодня.',
    },
  },
  {
    key: 'tbs',
    name: 'TBS',
    city: 'Białystok',
    description: {
      pl: 'Forum Aktywnych Mieszkańców osiedla TBS (Towarzystwa Budownictwa Społecznego), gdzie wiele rodzin zamieszkało niedawno. Poznajmy się i porozmawiajmy o miejscu, w którym żyjemy.',
      uk: 'Форум активних мешканців мікрорайону TBS (соціального житла), де багато родин оселилися нещодавно. Познайомимося й поговоримо про місце, в якому живемо.',
      be: 'Форум актыўных жыхароў мікрараёна TBS (сацыяльнага жылля), дзе шмат сем’яў пасялілася нядаўна. Пазнаёмімся і пагаворым пра месца, у якім жывём.',
      ru: 'Форум активных жителей микрорайона TBS (социального жилья), где многие семьи поселились недавно. Давайте познакомимся и поговорим о месте, в котором мы живём.',
    },
  },
];
