// Closed word classes the name finder needs. These are general English/Arabic-name conventions (titles,
// function words, calendar words, organisation and place head nouns), not facts about any corpus.

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Capitalised words that open sentences or headlines but never name anyone (compared lower-case). */
export const STOPWORDS = set(`
gmt utc ngo ngos tags
a an the this that these those there here it its he she they we i you me him her his hers our ours their theirs
my your who whom whose which what when where why how whether if then than so but and or nor yet for of in on at
by to from with without within into onto over under after before during since until while as also only even just
still already however meanwhile moreover furthermore therefore thus hence instead additionally nevertheless
nonetheless otherwise indeed perhaps maybe yesterday today tomorrow tonight last next earlier later now never
always often sometimes some many most much more few several all any each every both either neither no not none
other another such same own one two three four five six seven eight nine ten first second third fourth fifth
about above across against along amid among around behind below beneath beside besides between beyond despite
down inside near off out outside through throughout toward towards up upon via per according although though
because unless once whereas whatever whoever elsewhere overall finally lastly recently currently initially
be is are was were been being am do does did has have had having can could may might must shall should will
would let lets please yes oh ok okay mr mrs ms dr sir madam dear re fw thanks thank good great new old
`);

export const MONTHS = set(`
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
`);

export const DAYS = set(`
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
`);

/** Head titles: "President", "Minister", "Cardinal" … A name after a run ending in one of these is a person. */
export const TITLE_HEADS = set(`
president presidents minister ministers secretary secretaries cardinal king queen prince princess crown sheikh
shaikh sheik emir amir general gen colonel col major maj lieutenant lt captain capt sergeant sgt brigadier
admiral marshal commander mr mrs ms dr senator sen rep representative ambassador envoy spokesman spokeswoman
spokesperson pope imam ayatollah chancellor premier governor mayor judge patriarch bishop archbishop father
sultan chairman chairwoman chair director speaker leader chief professor prof dame lord lady sir mufti rabbi
reverend rev pastor caliph vice-president deputy-director counsellor adviser advisor coordinator
secretary-general director-general attorney-general governor-general under-secretary undersecretary
attorney sheriff deputy detective officer inspector superintendent constable trooper prosecutor coach
commissioner councilman councilwoman councillor congressman congresswoman assemblyman
`);

/** Words that qualify a following title ("Deputy Foreign Minister", "Former President"). */
export const TITLE_MODIFIERS = set(`
deputy vice foreign defense defence interior prime former acting senior supreme grand state finance justice
health information economy energy oil education culture intelligence security army military first interim
assistant associate executive special high chief top outgoing incoming then late retired
`);

/** Lower-case role words linking an organisation to a person: "HTS leader Abu Mohammed al-Julani". */
export const ROLE_WORDS = set(`
leader chief head spokesman spokeswoman spokesperson commander founder president minister envoy official
director chairman secretary ambassador correspondent editor reporter analyst researcher expert founder emir
mufti general negotiator representative adviser advisor member activist
`);

/** Lower-case name particles that sit between capitalised parts ("Deir ez-Zor", "Walid al Moualem"). */
export const PARTICLES = set(
  `al el ad ar as ash at az ad an ed en er es et ez ud ul bin ibn bint de del della di da dos das du van von der den le la`,
);

/** Articles dropped from comparison keys: "al-Assad" and "Assad", "Deir ez-Zor" and "Deir Zor" compare equal. */
export const KEY_ARTICLES = set(`al el ad ar as ash at az an ed en er es et ez ud ul`);

/** Connectors allowed inside a name only after an organisation head: "Observatory for Human Rights". */
export const CONNECTORS = set(`of for the and`);

/**
 * "in" joins a name only between an organisation's head and the regions it names ("Islamic State in Iraq and the
 * Levant"); extraction keeps it as a token to ask that, and lets it end a name everywhere else.
 */
export const REGION_CONNECTOR = 'in';

/** Head nouns that make a multi-word name an organisation. */
export const GROUP_HEADS = set(`
front army forces force party council coalition organisation organization observatory ministry corps brigade
brigades battalion battalions movement union agency committee church group network times news post press
institute university bank fund alliance assembly command guard guards units unit state service services
commission court parliament government administration department office authority association federation league
foundation society company corporation tribunal mission division regiment squad militia militias commission
academy college
bureau center centre program programme initiative congress senate cabinet police hezbollah hamas taliban
watch international crescent helmets cross frontieres borders magazine channel radio television tv agency
committees councils agencies organisations organizations movements parties ministries factions networks unions
staff
`);

/**
 * Words that close an outlet's or company's name without changing what it names: "Sputnik News" is Sputnik,
 * "Al Arabiya English" is Al Arabiya, "Microsoft Corp" is Microsoft, "Anadolu Agency" is Anadolu.
 */
export const ORGANISATION_SUFFIXES = set(`
news network tv television channel radio online english corp corporation inc co ltd llc plc agency
`);

/** A surface written with an Arabic article ("Al-Manar", "al Manar"): a name, not a given name alone. */
export const ARTICLE_OPENS = /^(?:al|el)[-‐‑ ]/i;

/** Head nouns that make a multi-word name a place. */
export const PLACE_HEADS = set(`
heights province city governorate sea gulf river mountains mountain valley airport base square street road
island islands strait peninsula desert lake district region republic kingdom emirates states east west north
south coast border crossing camp dam hospital mosque prison plain plains countryside suburb suburbs house
`);

/** Arabic toponym openers: "Deir", "Tal", "Ras", "Jabal", "Bab", "Kafr", "Ain" start place names. */
// Also the words for suburb ("Dahiyet al-Assad" is a place named after a person), bridge, fortress and village.
export const PLACE_OPENERS = set(
  `deir tal tel ras jabal jebel bab kafr kfar ain wadi khan maarat marj beit dahiyet dahiyat dahiya jisr qalaat qaryat`,
);

/** Lower-case words after a name that mark its kind. */
export const NEXT_PLACE = set(`
province city town village villages governorate countryside district region neighbourhood neighborhood suburb
suburbs area areas airport base border capital enclave outskirts port coast desert crossing camp
towns cities provinces districts regions neighbourhoods neighborhoods
`);
export const NEXT_GROUP = set(`
group groups militia militias organisation organization movement party faction factions rebels jihadists
militants terrorists alliance coalition brigade brigades affiliate network
`);
/** Prepositions before a name that mark a place. */
export const PREV_PLACE = set(`in near across outside around into towards toward from at`);
export const PREV_PLACE_STRONG = set(`in near across outside around into`);

/** Nationality adjectives that do not follow the -ian/-ean/-ese pattern, and every "-ish" one (a closed set). */
export const DEMONYMS = set(`
israeli iraqi saudi yemeni qatari emirati pakistani kuwaiti omani bahraini somali afghan thai iraqi
kurdish turkish french dutch greek swiss german british spanish polish danish irish welsh scottish arab arabic islamic islamist jihadist zionist sunni shiite shia alawite
swedish finnish english jewish flemish cornish moorish
druze western eastern northern southern central american european african asian soviet russian syrian
`);

/**
 * A nationality adjective as written: listed in DEMONYMS, or capitalised and ending in -ian/-ean/-ese ("Iranian",
 * "Lebanese"; not "Athletic").
 */
export function isNationalityWord(word: string): boolean {
  return DEMONYMS.has(word.toLowerCase()) || /^\p{Lu}\p{Ll}+(?:ian|ean|ese)$/u.test(word);
}

/** Generic organisation words ignored when comparing group names ("Nusra Front" = "Jabhat al-Nusra"). */
/** Generic words that translate one another, so "Jaish al-Fateh" = "Fateh Army" but not "Liwa al-Fateh". */
export const GENERIC_CLASS: Readonly<Record<string, string>> = {
  front: 'front',
  jabhat: 'front',
  jabha: 'front',
  army: 'army',
  jaish: 'army',
  jaysh: 'army',
  jeish: 'army',
  movement: 'movement',
  harakat: 'movement',
  haraka: 'movement',
  brigade: 'brigade',
  brigades: 'brigade',
  liwa: 'brigade',
  battalion: 'battalion',
  battalions: 'battalion',
  katiba: 'battalion',
  corps: 'corps',
  faylaq: 'corps',
  failaq: 'corps',
  feilaq: 'corps',
  filaq: 'corps',
};

export const GROUP_GENERIC = set(`
front jabhat jabha army jaish jaysh jeish group movement harakat haraka brigade brigades liwa battalion battalions
katiba organisation organization party militia tv channel television corps faylaq failaq feilaq filaq
`);

/** Adjectives that cannot by themselves distinguish one group from another. */
export const GENERIC_ADJ = set(`
syrian islamic arab national free democratic new united popular revolutionary islamist kurdish iraqi turkish
great greater supreme special central people peoples liberation resistance army state
islam sham levant jihad ansar mujahideen allah
`);

/** Kept out of acronym mentions: all-caps English words and units. */
export const CAPS_NOT_ACRONYM = set(`i a am pm ok tv id ad bc ce km kg mm cm ii iii iv vi vii viii ix xi xii re`);

/**
 * Well-known true synonyms a transliteration key cannot find (different words for one referent).
 * Kept deliberately small: each row is one referent, compared by name key (see normalize.ts).
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  // The jihadist group that declared a caliphate in 2014: Arabic acronym "Daesh" and English acronyms.
  [
    'islamic state',
    'is',
    'isis',
    'isil',
    'daesh',
    'daish',
    'islamic state of iraq and the levant',
    'islamic state of iraq and syria',
    'islamic state in iraq and the levant',
    'islamic state of iraq and levant',
    'islamic state in iraq and levant',
    'islamic state in iraq and syria',
    'islamic state of iraq and sham',
    'islamic state organisation',
    'islamic state organization',
  ],
  // The country: "US", "USA", "U.S." and "United States" are the same referent.
  ['united states', 'us', 'usa', 'united states of america'],
  ['united kingdom', 'uk'],
  ['united nations', 'un'],
];

/** Single words that name an organisation by themselves (as "Hamas" does; "Hezbollah" is never a person or place). */
export const GROUP_NAMES = set(`hezbollah hizbollah hizballah hizbullah hamas taliban`);

/**
 * Arabic generic words that open organisation names ("Ahrar al-Sham", "Jaish al-Islam", "Faylaq al-Rahman",
 * "Ansar al-Islam", "Jund al-Aqsa", "Hayat Tahrir al-Sham").
 */
export const GROUP_OPENERS = set(`
ahrar ansar jund faylaq failaq saraya kataib asaib usbat thuwar fursan jabhat jabha jaish jaysh jeish harakat haraka
liwa katiba katibat hayat hayaat tahrir
`);

/** Countries (compared by name key, see normalize.ts): a country is a place whatever the words around it say. */
export const COUNTRIES = set(`
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina
burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark
djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland
israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania
mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal
netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland
portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkiye
turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
`);
/** Countries named by more than one word, by name key. */
export const COUNTRY_PHRASES = new Set([
  'united states',
  'united kingdom',
  'saudi arabia',
  'united arab emirates',
  'south africa',
  'north korea',
  'south korea',
  'new zealand',
  'sri lanka',
  'costa rica',
  'el salvador',
  'sierra leone',
  'south sudan',
  'ivory coast',
  'east timor',
  'czech republic',
  'dominican republic',
  'central african republic',
  'papua new guinea',
  'north macedonia',
  'united states of america',
  'great britain',
  'gaza strip',
  'west bank',
]);

/** Whether a name key is a country's, of one word or more ("syria", "saudi arabia"). */
export const isCountryKey = (key: string): boolean => COUNTRIES.has(key) || COUNTRY_PHRASES.has(key);

/**
 * British spellings of the English words that recur inside organisation and place names, with the American spelling
 * each is keyed as: "Aleppo Media Centre" and "Aleppo Media Center" are one name written in two house styles. Only
 * these words, and only inside names of two words or more ("Centre" alone says nothing). "Labour" is left out on
 * purpose: the Labour Party (UK) and the Labor Party (Australia) are two parties. "Defence" is left to the
 * transliteration folding, which already joins it to "Defense" (keyed here, it split "Civil Defence" off the White Helmets).
 */
export const BRITISH_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['centre', 'center'],
  ['centres', 'centers'],
  ['theatre', 'theater'],
  ['theatres', 'theaters'],
  ['organisation', 'organization'],
  ['organisations', 'organizations'],
  ['offence', 'offense'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['neighbourhood', 'neighborhood'],
  ['neighbourhoods', 'neighborhoods'],
  ['armoured', 'armored'],
  ['harbour', 'harbor'],
]);
