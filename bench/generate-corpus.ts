/**
 * Deterministic generator of seed-shaped curated-content items for benchmarks and tests.
 *
 * Every item mirrors the shape of a real curated-news item: 40+ keys, nested objects
 * (featuredImage, htmlMetaData, openGraphMetaData, twitterMetaData, link), a list of
 * relatedOfferings objects, folded `>-` strings, single-quoted dates, nulls and an HTML or
 * Markdown body. Values come from small vocabularies so facets have realistic, low
 * cardinality. Item `i` depends only on `(i, seed)`, so any item can be regenerated alone.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Kinds of deliberate problems `writeCorpus` can plant for validator tests. */
export type DefectKind = 'impossible-date' | 'duplicate-slug' | 'drifted-mirror' | 'yaml-syntax' | 'missing-title';

/** One planted problem: the file it is in, its kind, and the field concerned. */
export interface PlantedDefect {
  /** Path of the defective file relative to the corpus folder, with `/` separators. */
  relPath: string;
  kind: DefectKind;
  /** Dotted path of the field concerned, e.g. `openGraphMetaData.ogdescription`. */
  field?: string;
  /** For `duplicate-slug`: the relPath of the (valid) item whose slug was reused. */
  duplicateOf?: string;
}

/** One generated item: where it goes under the corpus folder and its full file text. */
export interface CorpusItem {
  relPath: string;
  text: string;
}

/** Options for {@link writeCorpus}. */
export interface WriteCorpusOptions {
  /** PRNG seed; the same seed and count always produce the same bytes. Default 1. */
  seed?: number;
  /** Plant the known set of defects (see {@link planDefects}). Default false. */
  defects?: boolean;
}

/** Summary returned by {@link writeCorpus}. */
export interface WriteCorpusResult {
  files: number;
  bytes: number;
  planted: PlantedDefect[];
}

/** Items per leaf folder. */
export const ITEMS_PER_FOLDER = 200;
/** Default seed. */
export const DEFAULT_SEED = 1;

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seed for item `i`, mixed so neighbouring items get unrelated streams. */
function itemSeed(i: number, seed: number): number {
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(seed | 0, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

interface Rng {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(list: readonly T[]) => T;
  pickSome: <T>(list: readonly T[], min: number, max: number) => T[];
  hex: (n: number) => string;
}

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const pickSome = <T>(list: readonly T[], min: number, max: number): T[] => {
    const n = Math.min(list.length, int(min, max));
    const pool = list.slice();
    const out: T[] = [];
    for (let k = 0; k < n; k++) {
      const j = Math.floor(next() * pool.length);
      out.push(pool[j] as T);
      pool.splice(j, 1);
    }
    return out;
  };
  const hex = (n: number): string => {
    let s = '';
    for (let k = 0; k < n; k++) s += Math.floor(next() * 16).toString(16);
    return s;
  };
  return { next, int, pick, pickSome, hex };
}

// ---------------------------------------------------------------------------------------------
// Vocabularies (small on purpose: facets should have low cardinality)

const CATEGORIES = [
  'KLAS: Patient Portals',
  'KLAS: Revenue Cycle',
  'KLAS: Population Health',
  'KLAS: Telehealth',
  'KLAS: Clinical Decision Support',
  'KLAS: Imaging',
  'Health Tech: Interoperability',
  'Health Tech: Cybersecurity',
  'Health Tech: Artificial Intelligence',
  'Health Tech: Remote Monitoring',
  'Health Tech: Practice Management',
  'Health Tech: Patient Engagement',
  'Policy: Price Transparency',
  'Policy: Information Blocking',
  'Data: Analytics',
  'Data: Cloud Infrastructure',
] as const;

interface Outlet {
  name: string;
  brand: string;
  host: string;
  section: string;
}

const OUTLETS: readonly Outlet[] = [
  {
    name: 'Clinical Systems Daily',
    brand: 'clinicalsystems',
    host: 'news.example.com',
    section: 'news',
  },
  {
    name: 'Health Ledger',
    brand: 'healthledger',
    host: 'healthledger.example.org',
    section: 'story',
  },
  {
    name: 'Provider Tech Review',
    brand: 'providertech',
    host: 'providertech.example.net',
    section: 'article',
  },
  {
    name: 'Digital Care Wire',
    brand: 'digitalcarewire',
    host: 'wire.example.com',
    section: 'video',
  },
  {
    name: 'The Informatics Brief',
    brand: 'informaticsbrief',
    host: 'brief.example.org',
    section: 'blog',
  },
  {
    name: 'Payer Platform Weekly',
    brand: 'payerplatform',
    host: 'payer.example.net',
    section: 'news',
  },
];

const SOURCES = ['open-project-curations', 'rss-ingest', 'editor-submitted', 'partner-feed', 'newsletter-import'] as const;

const STATUSES = ['', 'draft', 'published', 'review'] as const;
const SUBS = ['brief', 'feature', 'video', 'roundup'] as const;
const TAGS = ['News', 'Analysis', 'Interview', 'Video', 'Funding', 'Regulation', 'Research', 'Opinion'] as const;

const AUTHORS = [
  'Priya Raman',
  'Tomasz Lewandowski',
  'Adaeze Okafor',
  'Marcus Hale',
  'Lena Fischer',
  'Julio Castillo',
  'Hana Sato',
  'Grace Mbeki',
  'Oren Weiss',
  'Sofia Marchetti',
] as const;

const ORGS = [
  'Regional health systems',
  'Community hospitals',
  'Rural clinics',
  'Academic medical centers',
  'Large payers',
  'Independent practices',
  'State Medicaid programs',
  'Pediatric networks',
  'Behavioral health providers',
  'Ambulatory surgery centers',
] as const;

const VERBS = ['expand', 'rethink', 'pilot', 'consolidate', 'scale back', 'double down on', 'standardize', 'modernize', 'audit', 'outsource'] as const;

const TOPICS = [
  'patient portal support',
  'prior authorization automation',
  'remote patient monitoring',
  'FHIR-based data exchange',
  'ambient clinical documentation',
  'ransomware recovery planning',
  'price transparency tooling',
  'virtual nursing programs',
  'claims denial analytics',
  'cloud EHR hosting',
  'clinical decision support alerts',
  'identity matching across networks',
] as const;

const QUALIFIERS = [
  'after a difficult year',
  'as budgets tighten',
  'under new federal rules',
  'with mixed early results',
  'amid staffing shortages',
  'ahead of open enrollment',
  'following a vendor merger',
  'as adoption climbs',
] as const;

const ROLES = [
  'chief information officer',
  'director of customer support',
  'VP of clinical informatics',
  'chief medical information officer',
  'head of revenue cycle',
  'security operations lead',
] as const;

const FIRMS = ['Northwind Health', 'Contoso Clinical', 'Fabrikam Care', 'Tailspin Medical', 'Litware Health IT', 'Adatum Systems'] as const;

interface Offering {
  label: string;
  slug: string;
  offeringId: number;
  categories: readonly string[];
}

const OFFERING_NAMES = [
  'Patient 360 Analytics',
  'Patient E-Statements',
  'Patient Pay Services',
  'Empower Portal & Engagement Suite',
  'Simple Practice Portal',
  'ClearPath Prior Auth',
  'VitalsLink RPM',
  'ScribeWave Ambient Notes',
  'FHIR Bridge Gateway',
  'DenialIQ',
  'ShieldOps Recovery',
  'CareCloud Hosting',
  'NurseView Virtual Care',
  'MatchPoint Identity',
  'PriceLens Estimator',
  'AlertTune CDS',
  'TeleVisit Pro',
  'PopHealth Navigator',
  'ImageShare Exchange',
  'ClaimStream Analytics',
  'InfoBlock Compliance Kit',
  'DataLake for Providers',
  'Scheduler Plus',
  'Referral Loop',
] as const;

function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const OFFERINGS: readonly Offering[] = OFFERING_NAMES.map((label, k) => ({
  label,
  slug: slugify(label),
  offeringId: 11000 + k * 37,
  categories: [CATEGORIES[(k * 5) % CATEGORIES.length] as string, ...(k % 3 === 0 ? [CATEGORIES[(k * 7 + 3) % CATEGORIES.length] as string] : [])],
}));

/** Top-level sections; each holds 10 years x 12 months of folders before the next one is used. */
const SECTIONS = ['news', 'briefs', 'features', 'analysis', 'archive'] as const;
const FIRST_YEAR = 2016;
const MONTHS_PER_SECTION = 120;

// ---------------------------------------------------------------------------------------------
// YAML emit helpers

const PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9 ,.()/&-]*$/;
const RESERVED = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|y|n|~)$/i;

/** A scalar as plain when obviously safe, otherwise single-quoted. */
function q(s: string): string {
  if (PLAIN_SAFE.test(s) && !RESERVED.test(s) && !s.endsWith(' ')) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

/** Always single-quoted (dates, timestamps, URLs, the empty string). */
function sq(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** `key: >-` folded block, words wrapped to ~80 columns at the given indent. */
function folded(lines: string[], indent: string, key: string, text: string): void {
  lines.push(`${indent}${key}: >-`);
  const inner = `${indent}  `;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  let line = '';
  for (const w of words) {
    if (line.length > 0 && inner.length + line.length + 1 + w.length > 80) {
      lines.push(inner + line);
      line = w;
    } else {
      line = line.length > 0 ? `${line} ${w}` : w;
    }
  }
  if (line.length > 0) lines.push(inner + line);
}

function list(lines: string[], indent: string, key: string, values: readonly string[]): void {
  lines.push(`${indent}${key}:`);
  for (const v of values) lines.push(`${indent}  - ${q(v)}`);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// ---------------------------------------------------------------------------------------------
// Item model

interface ItemModel {
  i: number;
  id: number;
  relPath: string;
  slug: string;
  title: string;
  description: string;
  date: string; // YYYY-MM-DD
  year: number;
  month: number;
  day: number;
  lines: string[]; // full file, one entry per line
}

/** Folder (relative) for item i: ~ITEMS_PER_FOLDER items per leaf folder. */
function folderFor(i: number): { dir: string; year: number; month: number } {
  const k = Math.floor(i / ITEMS_PER_FOLDER);
  const m = k % MONTHS_PER_SECTION;
  const s = Math.floor(k / MONTHS_PER_SECTION);
  const year = FIRST_YEAR + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const base = SECTIONS[s % SECTIONS.length] as string;
  const section = s < SECTIONS.length ? base : `${base}-${Math.floor(s / SECTIONS.length) + 1}`;
  return { dir: `${section}/${year}/${pad2(month)}`, year, month };
}

function buildItem(i: number, seed: number): ItemModel {
  const r = makeRng(itemSeed(i, seed));
  const { dir, year, month } = folderFor(i);
  const day = r.int(1, 28);
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  const id = 10000 + i;

  const outlet = r.pick(OUTLETS);
  const org = r.pick(ORGS);
  const verb = r.pick(VERBS);
  const topic = r.pick(TOPICS);
  const qualifier = r.pick(QUALIFIERS);
  const title = r.next() < 0.4 ? `${org} ${verb} ${topic} ${qualifier}` : `${org} ${verb} ${topic}`;
  const titleSlug = slugify(`${org} ${verb} ${topic}`);
  const urlSlug = slugify(`${verb} ${topic}`);
  const slug = `${outlet.brand}-${titleSlug}-${id}`;
  const person = r.pick(AUTHORS);
  const role = r.pick(ROLES);
  const firm = r.pick(FIRMS);
  const description =
    `${person}, ${role} at ${firm}, explains why ${org.toLowerCase()} ${verb} ${topic} ${qualifier}` +
    (r.next() < 0.5 ? `, and what the first ${r.int(3, 18)} months taught them.` : '.');
  const url = `https://${outlet.host}/${outlet.section}/${urlSlug}-${id}`;
  const imageUrl = `https://${outlet.host}/files/${urlSlug.slice(0, 16)}-${id}.jpg`;
  const hh = r.int(6, 20);
  const mm = r.int(0, 59);
  const ss = r.int(0, 59);
  const offset = r.pick(['-04:00', '-05:00', '-07:00', '+00:00', '+01:00']);
  const published = `${date}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}${offset}`;
  const lastMod = `${year}-${pad2(month)}-${pad2(Math.min(28, day + 1))}T${pad2(r.int(0, 23))}:${pad2(r.int(0, 59))}:${pad2(r.int(0, 59))}.${String(r.int(0, 999999)).padStart(6, '0')}Z`;
  const uuid = `${r.hex(8)}-${r.hex(4)}-5${r.hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${r.hex(3)}-${r.hex(12)}`;
  const categories = r.pickSome(CATEGORIES, 1, 3);
  const tags = r.pickSome(TAGS, 1, 3);
  // 1-6 related offerings, skewed towards fewer (mean ~2.7).
  const related = [r.pick(OFFERINGS)];
  for (let extra = Math.floor(r.next() * r.next() * 6); extra > 0; extra--) {
    const o = r.pick(OFFERINGS);
    if (!related.includes(o)) related.push(o);
  }
  const workPackage = 5000 + ((i * 7919) % 90000);
  const attachment = 10000 + ((i * 104729) % 900000);

  const L: string[] = ['---'];
  L.push(`aliases: /news/${titleSlug}`);
  L.push('archetype: curated-content');
  list(L, '', 'author', [person]);
  L.push('basePath: /news/');
  L.push('breadcrumbLinks:', '  - /', '  - /news/', "  - ''");
  list(L, '', 'breadcrumbs', ['Home', 'News', title]);
  list(L, '', 'categories', categories);
  list(
    L,
    '',
    'categorySlug',
    categories.map((c) => c.toLowerCase()),
  );
  list(
    L,
    '',
    'categoryUrl',
    categories.map((c) => `topic/${slugify(c)}`),
  );
  list(
    L,
    '',
    'categoryLabel',
    categories.map((c) => c.replace(/^[^:]*:\s*/, '')),
  );
  L.push('contentCategories: folio-curated-news');
  L.push('institution: null');
  L.push('offering: null');
  L.push('layOut: single');
  L.push(`date: ${sq(date)}`);
  folded(L, '', 'description', description);
  L.push('favIconImage: null');
  L.push('featuredImage:');
  L.push(`  alt: ${q(title)}`);
  L.push('  format: JPEG');
  L.push(`  href: ${uuid}-featuredImage.jpeg`);
  L.push('  size:', `    - ${r.pick([480, 720, 1080])}`, `    - ${r.pick([640, 1280, 1920])}`);
  L.push(`  valid: ${r.next() < 0.9 ? 'true' : 'false'}`);
  L.push(`  workPackage: ${workPackage}`);
  L.push('  wpAttachment:');
  L.push(`    fileName: ${r.pick(['Curated_Featured_Image.jpg', 'hero.jpg', 'thumbnail.jpg'])}`);
  L.push(`    link: /api/v3/attachments/${attachment}/content`);
  L.push('featuredPdf: null');
  L.push('htmlMetaData:');
  L.push('  author: null');
  folded(L, '  ', 'description', description);
  L.push(`  generator: ${sq(r.pick(['Drupal 7 (http://drupal.org)', 'WordPress 6.2', 'Ghost 5.0', 'Hugo 0.111.3']))}`);
  L.push(`  viewport: ${sq('width=device-width, initial-scale=1.0')}`);
  L.push(`  articlemodified_time: ${sq(published)}`);
  L.push(`  articlepublished_time: ${sq(published)}`);
  L.push(`  msvalidate.01: ${r.hex(32).toUpperCase()}`);
  folded(L, '  ', 'ogdescription', description);
  L.push(`  ogimage: ${sq(imageUrl)}`);
  L.push(`  ogsite_name: ${q(outlet.name)}`);
  L.push(`  ogtitle: ${q(title)}`);
  L.push('  ogtype: article');
  L.push(`  ogupdated_time: ${sq(published)}`);
  folded(L, '  ', 'ogurl', url);
  L.push(`  yandex-verification: ${r.hex(16)}`);
  L.push('  robots: null', '  fbapp_id: null', '  oglocale: null', '  fbadmins: null');
  L.push('  articlepublisher: null', '  google-site-verification: null', '  keywords: null');
  L.push(`id: ${id}`);
  L.push('identifier: News');
  L.push(`lastMod: ${sq(lastMod)}`);
  L.push('link:');
  L.push(`  brand: ${outlet.host}`);
  folded(L, '  ', 'href', url);
  folded(L, '  ', 'original', url);
  folded(L, '', 'href', url);
  folded(L, '', 'original', url);
  L.push('mastHead: NEWS');
  L.push(`mdName: ${uuid}.md`);
  L.push('openGraphMetaData:');
  folded(L, '  ', 'ogdescription', description);
  L.push(`  ogtitle: ${q(title)}`);
  folded(L, '  ', 'ogurl', url);
  L.push(`  ogimage: ${sq(imageUrl)}`);
  L.push(`  ogsite_name: ${q(outlet.name)}`);
  L.push('  ogtype: article');
  L.push(`  ogupdated_time: ${sq(published)}`);
  L.push('  ogimageheight: null');
  L.push('openProjectCustomFields:');
  folded(L, '  ', 'cleanUrl', url);
  list(L, '  ', 'medigyTopics', categories);
  folded(L, '  ', 'sourceUrl', url);
  L.push('openProjectWorkPackageType: Curated Content');
  L.push('searchCategory: News');
  L.push(`slug: ${slug}`);
  L.push(`source: ${r.pick(SOURCES)}`);
  L.push(`status: ${sq(r.pick(STATUSES))}`);
  L.push(`sub: ${r.pick(SUBS)}`);
  list(L, '', 'tags', tags);
  L.push(`title: ${q(title)}`);
  L.push(`via: ${sq(r.next() < 0.7 ? ' ' : outlet.name)}`);
  L.push('insights_description: null');
  L.push('insights_name: null');
  L.push('viaLink: null');
  L.push('relatedOfferings:');
  for (const o of related) {
    L.push(`  - label: ${q(o.label)}`);
    L.push(`    permalink: /offering/${o.slug}`);
    list(L, '    ', 'categories', o.categories);
    L.push(`    offeringId: ${o.offeringId}`);
  }
  L.push('twitterMetaData:');
  L.push('  twittercard: summary_large_image');
  folded(L, '  ', 'twitterdescription', description);
  L.push(`  twittertitle: ${q(title)}`);
  L.push(`  twitterimage: ${sq(imageUrl)}`);
  folded(L, '  ', 'twitterurl', url);
  L.push('---');

  // Body: HTML (like scraped items) or Markdown (like hand-edited ones).
  const para = (): string =>
    `${r.pick(ORGS)} report that ${r.pick(TOPICS)} ${r.pick(['cut turnaround times', 'raised satisfaction scores', 'exposed data-quality gaps', 'required new governance', 'shifted work to nights'])} ` +
    `in ${r.int(2, 40)} of ${r.int(41, 90)} sites, according to ${r.pick(FIRMS)}. ${r.pick(AUTHORS)} notes that ${r.pick(QUALIFIERS)} the picture may change.`;
  if (r.next() < 0.5) {
    L.push(`<p>${description}</p>`);
    for (let k = r.int(1, 2); k > 0; k--) L.push(`<p>${para()}</p>`);
    L.push(`<p>Read the original at <a href="${url}">${outlet.name}</a>.</p>`);
  } else {
    L.push(`## ${title}`, '', description, '');
    for (let k = r.int(1, 2); k > 0; k--) L.push(para(), '');
    L.push('Key points:', '');
    for (const t of r.pickSome(TOPICS, 2, 4)) L.push(`- ${t}`);
    L.push('', `Source: [${outlet.name}](${url})`);
  }
  L.push('');

  return {
    i,
    id,
    relPath: `${dir}/${slug}.md`,
    slug,
    title,
    description,
    date,
    year,
    month,
    day,
    lines: L,
  };
}

// ---------------------------------------------------------------------------------------------
// Defects

/** One planned defect: item index, kind, field, and (duplicate-slug) the index whose slug is reused. */
export interface DefectPlanEntry {
  index: number;
  kind: DefectKind;
  field: string;
  /** For duplicate-slug: the index of the item whose slug is reused. */
  source?: number;
}

/**
 * Indices at which `writeCorpus(..., { defects: true })` plants each defect kind for a corpus
 * of `count` items. Positions depend only on `count`. Kinds that do not fit (count < 6) are
 * dropped, in order from the end of the list.
 */
export function planDefects(count: number): DefectPlanEntry[] {
  const kinds: Array<{ kind: DefectKind; field: string }> = [
    { kind: 'impossible-date', field: 'date' },
    { kind: 'duplicate-slug', field: 'slug' },
    { kind: 'drifted-mirror', field: 'openGraphMetaData.ogdescription' },
    { kind: 'yaml-syntax', field: 'title' },
    { kind: 'missing-title', field: 'title' },
  ];
  // Slots 1..5 of 6 equal parts; slot 0 stays clean and provides the duplicate-slug source.
  const plan: DefectPlanEntry[] = [];
  const used = new Set<number>([0]);
  kinds.forEach((k, n) => {
    const index = Math.floor(((n + 1) * count) / (kinds.length + 1)) + n;
    if (index >= count || used.has(index)) return;
    used.add(index);
    plan.push(k.kind === 'duplicate-slug' ? { index, ...k, source: 0 } : { index, ...k });
  });
  return plan;
}

function findLine(lines: string[], prefix: string, from = 0): number {
  for (let k = from; k < lines.length; k++) if ((lines[k] as string).startsWith(prefix)) return k;
  throw new Error(`generate-corpus: no line starting with ${JSON.stringify(prefix)}`);
}

/** Replace a `>-` block starting at line k (its header and continuation lines). */
function replaceFolded(lines: string[], k: number, indent: string, key: string, text: string): void {
  let end = k + 1;
  while (end < lines.length && (lines[end] as string).startsWith(`${indent}  `)) end++;
  const repl: string[] = [];
  folded(repl, indent, key, text);
  lines.splice(k, end - k, ...repl);
}

function applyDefect(item: ItemModel, d: DefectPlanEntry, seed: number): void {
  const L = item.lines;
  switch (d.kind) {
    case 'impossible-date': {
      const k = findLine(L, 'date: ');
      L[k] = `date: '${item.year}-02-30'`;
      return;
    }
    case 'duplicate-slug': {
      const other = buildItem(d.source ?? 0, seed);
      const k = findLine(L, 'slug: ');
      L[k] = `slug: ${other.slug}`;
      return;
    }
    case 'drifted-mirror': {
      const og = findLine(L, 'openGraphMetaData:');
      const k = findLine(L, '  ogdescription: >-', og);
      replaceFolded(L, k, '  ', 'ogdescription', `${item.description} Updated with a correction from the vendor.`);
      return;
    }
    case 'yaml-syntax': {
      // An unclosed double quote: no other double quote occurs in the front matter, so the
      // scalar runs to the end of the front matter and every YAML parser rejects it.
      const k = findLine(L, 'title: ');
      L[k] = `title: "${item.title}`;
      return;
    }
    case 'missing-title': {
      const k = findLine(L, 'title: ');
      L.splice(k, 1);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Generate item `i` of the corpus for `seed` (default {@link DEFAULT_SEED}): its relative path
 * (`<section>/<year>/<month>/<slug>.md`, {@link ITEMS_PER_FOLDER} per folder) and its text.
 * Pure and deterministic; never contains planted defects.
 */
export function generateCorpusItem(i: number, seed: number = DEFAULT_SEED): CorpusItem {
  const item = buildItem(i, seed);
  return { relPath: item.relPath, text: item.lines.join('\n') };
}

/**
 * Write `count` generated items under `dir` (created as needed) and return the number of
 * files, total bytes and, with `defects: true`, the defects planted (see {@link planDefects}).
 * The same `count`, `seed` and `defects` always produce byte-identical files.
 */
export async function writeCorpus(dir: string, count: number, opts: WriteCorpusOptions = {}): Promise<WriteCorpusResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const plan = opts.defects ? planDefects(count) : [];
  const byIndex = new Map<number, DefectPlanEntry>(plan.map((d) => [d.index, d]));
  const planted: PlantedDefect[] = [];
  const made = new Map<string, Promise<unknown>>();
  let bytes = 0;
  let files = 0;

  const CONCURRENCY = 32;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const item = buildItem(i, seed);
      const d = byIndex.get(i);
      if (d) {
        applyDefect(item, d, seed);
        const p: PlantedDefect = {
          relPath: item.relPath,
          kind: d.kind,
          field: d.field,
        };
        if (d.kind === 'duplicate-slug') p.duplicateOf = buildItem(d.source ?? 0, seed).relPath;
        planted.push(p);
      }
      const slash = item.relPath.lastIndexOf('/');
      const folder = item.relPath.slice(0, slash);
      let ready = made.get(folder);
      if (!ready) {
        ready = mkdir(join(dir, ...folder.split('/')), { recursive: true });
        made.set(folder, ready);
      }
      await ready;
      const buf = Buffer.from(item.lines.join('\n'), 'utf8');
      await writeFile(join(dir, ...item.relPath.split('/')), buf);
      bytes += buf.length;
      files++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.max(1, count)) }, worker));
  planted.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, bytes, planted };
}
