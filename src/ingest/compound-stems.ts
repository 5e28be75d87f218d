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
  'строительно', 'северо', 'юго', 'западно', 'восточно', 'центрально', 'кузнечно',
  // Kazakh
  'әлеуметтік', 'ғылыми', 'ақпараттық', 'туристік', 'көлік', 'тау', 'агроөнеркәсіптік',
  'өндірістік', 'экономикалық', 'мәдени', 'ғылыми-техникалық', 'инновациялық',
  'индустриялық', 'техникалық', 'қоғамдық',
]);

// First parts written with a hyphen before any word, so that they never fuse with the next
// one: «бизнес-план», «мастер-класс», «интернет-магазин», «медиа-холдинг», «вице-мэр»,
// «экс-глава». From the rules of Russian spelling (Правила русской орфографии и пунктуации,
// 2006, § 120: вице-, лейб-, обер-, штаб-, унтер-, экс-) and the first parts the Russian
// Spelling Dictionary (В. В. Лопатин, 2012) writes with a hyphen (бизнес-, блок-, веб-,
// интернет-, медиа-, мастер-, мини-, пресс-, топ-, шоу-, экспресс-, онлайн-); the line-end
// cases come from strategy documents («мастер-|классов», «бизнес-|инкубатор»).
export const PRODUCTIVE_FIRST_PARTS: ReadonlySet<string> = new Set([
  'бизнес', 'блок', 'веб', 'вице', 'интернет', 'лейб', 'мастер', 'медиа', 'мини', 'обер', 'онлайн',
  'офлайн', 'пресс', 'топ', 'унтер', 'шоу', 'штаб', 'экс', 'экспресс',
]);

// First parts that Russian spelling always writes solid with what follows («технопарк»,
// «агрохолдинг», «энергосбережение»), although many of them are words of their own: the rules
// of Russian spelling (Правила русской орфографии и пунктуации, 2006, § 117: слитно пишутся
// сложные слова с первой частью авиа-, авто-, агро-, аэро-, био-, вело-, гидро-, гео-, кино-,
// макро-, микро-, мото-, нео-, радио-, стерео-, теле-, фото-, электро- и т. п.), plus the
// elements of that kind strategy texts use (энерго-, нефте-, газо-, нано-, техно-, эко-).
// A line-end hyphen after one of them is a hyphenation break.
export const SOLID_FIRST_PARTS: ReadonlySet<string> = new Set([
  'авиа', 'авто', 'агро', 'аэро', 'био', 'вело', 'гео', 'гидро', 'кино', 'макро', 'микро', 'мото', 'нео',
  'радио', 'стерео', 'теле', 'фото', 'электро', 'энерго', 'нефте', 'газо', 'нано', 'техно', 'эко', 'термо',
  'видео', 'аудио', 'мега', 'евро', 'инфо', 'спорт',
]);
