// Deterministic synthetic corpora for the benchmark, built from real passages (FA-KES and the sample corpus).
//
// Realism that matters for cost: articles of realistic size (median ≈ 5,000 chars, log-normal spread), in many
// folders, with a mix of front matter and plain-text headers (title line, byline, dateline), many distinct
// names spelled several ways (so name resolution grows with the corpus, as it does in real archives), and
// stories covered by several outlets on nearby dates (so the event index has real links to find, not noise).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: small, fast, and identical on every machine, so a corpus is reproducible from its seed. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = [
  'Reuters',
  'Associated Press',
  'Agence France-Presse',
  'Al Jazeera',
  'BBC News',
  'The Guardian',
  'Ahram Online',
  'Daily Sabah',
  'Al-Monitor',
  'Middle East Eye',
  'Arab News',
  'The National',
  'Haaretz',
  'The Times of Israel',
  'Asharq Al-Awsat',
  'Kurdistan 24',
  'Rudaw',
  'Enab Baladi',
  'Syria Direct',
  'SANA',
  'TASS',
  'RT',
  'Sputnik',
  'Anadolu Agency',
  'Hurriyet Daily News',
  'Deutsche Welle',
  'France 24',
  'Le Monde',
  'The New York Times',
  'The Washington Post',
  'Los Angeles Times',
  'The Independent',
  'The Telegraph',
  'Financial Times',
  'Bloomberg',
  'Voice of America',
  'Radio Free Europe',
  'Xinhua',
  'Press TV',
  'Tehran Times',
  'Al Arabiya',
  'Gulf News',
  'Jordan Times',
  'The Daily Star',
  'Naharnet',
  'L’Orient Today',
  'Arab Weekly',
  'New Arab',
  'Zaman al-Wasl',
  'Orient News',
  'Hawar News',
  'North Press',
  'Levant24',
  'Syrian Observer',
  'Athr Press',
  'Baladi News',
  'Qasioun',
  'Step News',
  'Jesr Press',
  'Horriyet Press',
];
const FIRST = [
  'Ahmad',
  'Mohammed',
  'Omar',
  'Khaled',
  'Yusuf',
  'Hassan',
  'Ali',
  'Samir',
  'Walid',
  'Rami',
  'Fadi',
  'Nour',
  'Lina',
  'Rania',
  'Huda',
  'Salma',
  'Mariam',
  'Layla',
  'Tariq',
  'Ziad',
  'Bassam',
  'Hadi',
  'Ibrahim',
  'Jamil',
  'Karim',
  'Mustafa',
  'Nabil',
  'Qasim',
  'Said',
  'Wael',
  'Anna',
  'David',
  'Sarah',
  'Michael',
  'Elena',
  'Sergei',
  'Dmitry',
  'Mehmet',
  'Emine',
  'Recep',
  'Hakan',
  'John',
  'Laura',
  'Pierre',
  'Sophie',
  'Hans',
  'Ingrid',
  'Yaakov',
  'Tamar',
];
const SYL = [
  'al',
  'ba',
  'da',
  'far',
  'ha',
  'jal',
  'kar',
  'ma',
  'nas',
  'qa',
  'ra',
  'sha',
  'ta',
  'wa',
  'za',
  'mir',
  'din',
  'ran',
  'zur',
  'lev',
  'kov',
  'son',
  'man',
  'dar',
  'bek',
  'ouf',
  'idi',
  'oun',
  'ani',
  'ash',
];
const ROLES = [
  'a spokesman for',
  'the head of',
  'a commander in',
  'a senior official at',
  'the deputy director of',
  'an adviser to',
  'a researcher at',
  'the chairman of',
  'a member of',
  'the envoy of',
];
const ORG_A = ['Syrian', 'Northern', 'Free', 'United', 'National', 'Arab', 'Democratic', 'Revolutionary', 'Southern', 'Coastal'];
const ORG_B = ['Defence', 'Liberation', 'Relief', 'Reconstruction', 'Civil', 'Monitoring', 'Medical', 'Security', 'Legal', 'Media'];
const ORG_C = ['Council', 'Front', 'Brigade', 'Committee', 'Network', 'Authority', 'Union', 'Coalition', 'Agency', 'Centre'];
const PLACES = [
  'Aleppo',
  'Idlib',
  'Homs',
  'Hama',
  'Daraa',
  'Raqqa',
  'Deir ez-Zor',
  'Latakia',
  'Tartus',
  'Qamishli',
  'Manbij',
  'Afrin',
  'Douma',
  'Ghouta',
  'Palmyra',
  'Kobani',
  'Jisr al-Shughur',
  'Maarat al-Numan',
  'Saraqeb',
  'Azaz',
  'Al-Bab',
  'Tal Abyad',
  'Hasakah',
  'Suwayda',
  'Quneitra',
  'Zabadani',
  'Madaya',
  'Darayya',
  'Khan Shaykhun',
  'Bukamal',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Real passages: FA-KES bodies split into paragraph-sized runs of sentences, and the sample's paragraphs. */
export function loadSources(repoRoot) {
  const paras = [];
  const titles = [];
  const fakes = path.join(repoRoot, 'test/fixtures/fa-kes');
  for (const name of fs.readdirSync(fakes).sort()) {
    if (!name.endsWith('.md') || name === 'README.md') continue;
    const text = fs.readFileSync(path.join(fakes, name), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
    const body = (m ? text.slice(m[0].length) : text).trim();
    const title = m && /title:\s*"?(.*?)"?\s*$/m.exec(m[1]);
    if (title) titles.push(title[1].replace(/ - .*$/, ''));
    const sentences = body.split(/(?<=[.!?"])\s+(?=[A-Z"])/);
    const story = [];
    for (let i = 0; i < sentences.length; i += 4) story.push(sentences.slice(i, i + 4).join(' '));
    paras.push(story.filter((p) => p.length > 80));
  }
  const sample = path.join(repoRoot, 'corpus');
  for (const name of fs.readdirSync(sample).sort()) {
    const lines = fs
      .readFileSync(path.join(sample, name), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 80);
    titles.push(fs.readFileSync(path.join(sample, name), 'utf8').split(/\r?\n/)[0].slice(0, 100));
    paras.push(lines);
  }
  return { stories: paras.filter((s) => s.length > 0), titles };
}

export function generateCorpus({ repoRoot, outDir, count, seed = 42 }) {
  const marker = path.join(outDir, '.complete');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === `${count}:${seed}`) {
    return { reused: true, ...JSON.parse(fs.readFileSync(`${outDir}.stats.json`, 'utf8')) };
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const rnd = prng(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const { stories, titles } = loadSources(repoRoot);

  // A name pool that grows with the corpus, so the number of distinct entities scales like a real archive's.
  const surname = () => {
    const s = pick(SYL) + pick(SYL) + (rnd() < 0.5 ? pick(SYL) : '');
    return (rnd() < 0.3 ? 'al-' : '') + s[0].toUpperCase() + s.slice(1);
  };
  const people = [];
  for (let i = 0; i < Math.max(200, Math.floor(count / 4)); i++) people.push({ first: pick(FIRST), last: surname() });
  const orgs = [];
  for (let i = 0; i < Math.max(50, Math.floor(count / 40)); i++) {
    const name = `${pick(ORG_A)} ${pick(ORG_B)} ${pick(ORG_C)}`;
    orgs.push({
      name,
      acronym: name
        .split(' ')
        .map((w) => w[0])
        .join(''),
    });
  }
  // Spelling variants as outlets write them: with or without the article, hyphen or space, doubled letters.
  const variant = (last) => {
    const r = rnd();
    if (r < 0.15) return last.replace(/^al-/, 'Al ');
    if (r < 0.3) return last.replace(/^al-/, '');
    if (r < 0.4) return last.replace(/([aeiou])([rnlm])/, '$1$2$2');
    return last;
  };

  // Events: a story (real passages) at a date, in a place, with people and a group; covered by 1–6 articles.
  const day0 = Date.UTC(2012, 0, 1);
  const events = [];
  for (let i = 0; i < Math.ceil(count / 3); i++) {
    events.push({
      story: pick(stories),
      day: day0 + int(0, 365 * 8) * 86400000,
      place: pick(PLACES),
      people: [pick(people), pick(people), pick(people)],
      org: pick(orgs),
      toll: int(2, 120),
    });
  }

  const sizes = [];
  const folders = new Set();
  for (let n = 0; n < count; n++) {
    const ev = events[Math.floor(rnd() * rnd() * events.length)] ?? pick(events);
    const outlet = pick(OUTLETS);
    const date = new Date(ev.day + int(0, 2) * 86400000);
    const dateText = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
    const eventDay = new Date(ev.day);
    const [p1, p2, p3] = ev.people;
    const title = `${ev.toll} killed in ${ev.place}: ${pick(titles).slice(0, 70)}`;
    const author = `${pick(FIRST)} ${surname()}`;
    // Target length: log-normal around 5,000 characters (most 2k–12k).
    const target = Math.round(Math.exp(Math.log(4650) + 0.5 * gauss(rnd)));
    const paras = [];
    paras.push(
      `${ev.place.toUpperCase()} — At least ${ev.toll} people were killed in ${ev.place} on ${WEEKDAYS[eventDay.getUTCDay()]}, ` +
        `${MONTHS[eventDay.getUTCMonth()]} ${eventDay.getUTCDate()}, ${p1.first} ${p1.last}, ${pick(ROLES)} the ${ev.org.name} (${ev.org.acronym}), said.`,
    );
    const story = ev.story;
    const start = int(0, Math.max(0, story.length - 1));
    for (let k = 0; k < story.length && paras.join('\n\n').length < target * 0.6; k++) paras.push(story[(start + k) % story.length]);
    let guard = 0;
    while (paras.join('\n\n').length < target && guard++ < 40) {
      const r = rnd();
      if (r < 0.25) {
        const who = pick([p1, p2, p3]);
        paras.push(
          `"${pick(pick(stories)).slice(0, 160).replace(/"/g, '')}," ${variant(who.last)} told ${outlet}. ${who.first} ${variant(who.last)} is ${pick(ROLES)} the ${pick(orgs).name}.`,
        );
      } else if (r < 0.35) {
        paras.push(
          `The ${ev.org.acronym} said ${variant(p2.last)} and ${p3.first} ${p3.last} had met in ${pick(PLACES)} on ${WEEKDAYS[int(0, 6)]}. ${pick(pick(stories))}`,
        );
      } else {
        paras.push(pick(pick(stories)));
      }
    }
    let text;
    const style = rnd();
    if (style < 0.5) {
      text =
        `---\ntitle: "${title.replace(/"/g, '')}"\noutlet: ${outlet}\ndate: ${date.toISOString().slice(0, 10)}\nauthor: ${author}\n---\n\n` +
        paras.join('\n\n') +
        '\n';
    } else if (style < 0.85) {
      text =
        `${title}\nBy ${author}\n${dateText}\n\n` + paras.join('\n\n') + `\n\n© ${date.getUTCFullYear()} ${outlet}. All rights reserved.\n`;
    } else {
      text = `${title}\n\n` + paras.join('\n') + '\n';
    }
    sizes.push(text.length);
    const slug = outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const folder = `${slug}/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    folders.add(folder);
    const dir = path.join(outDir, folder);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${String(n).padStart(6, '0')}-${ev.place.toLowerCase().replace(/[^a-z]+/g, '-')}.${rnd() < 0.7 ? 'md' : 'txt'}`),
      text,
    );
  }
  sizes.sort((a, b) => a - b);
  const stats = { count, seed, folders: folders.size, medianChars: sizes[sizes.length >> 1], totalChars: sizes.reduce((a, b) => a + b, 0) };
  fs.writeFileSync(`${outDir}.stats.json`, JSON.stringify(stats));
  fs.writeFileSync(marker, `${count}:${seed}`);
  return { reused: false, ...stats };
}

function gauss(rnd) {
  // Box–Muller on the seeded generator.
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}
