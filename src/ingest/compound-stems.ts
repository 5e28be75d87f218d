// First elements of hyphenated compound adjectives that Russian and Kazakh strategy
// documents use, so that a line break right after their hyphen keeps it
// («туристско-|рекреационный», «научно-|исследовательский», «әлеуметтік-|экономикалық»).
// Chosen by hand from the sector and measure vocabulary in ../shared/DOMAIN.md and from
// the Russian rule that compound adjectives built from coordinate parts are hyphenated
// (e.g. «социально-экономический», «научно-технический»); the Kazakh ones are the halves
// of paired terms in official Kazakh («әлеуметтік-экономикалық», «ғылыми-зерттеу»).
// The document's own vocabulary is consulted first (see hyphenation.ts); this list only
// decides when a compound occurs nowhere else in the document.
export const COMPOUND_STEMS: ReadonlySet<string> = new Set([
  // Russian
  'социально', 'экономически', 'научно', 'туристско', 'горно', 'транспортно', 'информационно',
  'финансово', 'военно', 'историко', 'культурно', 'оптово', 'частно',
  'государственно', 'муниципально', 'опытно', 'учебно', 'производственно', 'технико',
  'торгово', 'промышленно', 'медико', 'санаторно', 'рекреационно', 'жилищно',
  'инженерно', 'химико', 'физико', 'организационно', 'правово', 'нормативно',
  'эколого', 'социокультурно', 'спортивно', 'культурно-досугово', 'выставочно', 'логистико',
  'административно', 'гостинично', 'ресторанно', 'финансово-кредитно', 'аграрно',
  'лечебно', 'биофармацевтическо', 'научно-образовательно', 'инновационно', 'проектно',
  'строительно', 'северо', 'юго', 'западно', 'восточно', 'центрально',
  // Kazakh
  'әлеуметтік', 'ғылыми', 'ақпараттық', 'туристік', 'көлік', 'тау', 'агроөнеркәсіптік',
  'өндірістік', 'экономикалық', 'мәдени', 'ғылыми-техникалық', 'инновациялық',
  'индустриялық', 'техникалық', 'қоғамдық',
]);
