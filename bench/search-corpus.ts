// The search evaluation corpus (issue 7): knowledge articles in Korean and English across the
// demo products, generated deterministically from the topics of `search-corpus-topics.ts` crossed
// with products, versions and phrasings. Every article has a stable key naming what it is about
// (`license-activation.hardware-change.pi-server.2018-sp3.ko`), which the query set refers to.
import { CORPUS_PRODUCTS, CORPUS_TOPICS, type CauseText, type CorpusCause, type CorpusProduct, type CorpusTopic } from './search-corpus-topics';

export { CORPUS_PRODUCTS, CORPUS_TOPICS } from './search-corpus-topics';

export type CorpusLanguage = 'ko' | 'en';

export interface CorpusArticle {
  /** Stable id: topic.cause.product.version.language. */
  key: string;
  topic: string;
  cause: string;
  /** The product the article is about (its product tag); null for the customer portal. */
  product: string | null;
  version: string | null;
  language: CorpusLanguage;
  title: string;
  summary: string;
  issue: string;
  environment: string;
  resolution: string;
  visibility: 'customers' | 'public';
  verified: boolean;
  updatedAt: Date;
}

/** The corpus is dated relative to this moment; the quality harness runs its clock at it. */
export const CORPUS_NOW = new Date('2026-03-02T00:00:00.000Z');
export const CORPUS_SEED = 20260302;

const DAY_MS = 86_400_000;

/** mulberry32: a small seeded generator, so the corpus is the same on every machine. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

interface Slots {
  P: string;
  V: string;
  C: string;
  OS: string;
  CODE: string | undefined;
}

/** Fills the placeholders; in Korean, `^` becomes a space or nothing as this article's writer spaces compounds. */
function fill(template: string, slots: Slots, joined: boolean): string {
  const text = template.replace(/\{(P|V|C|OS|CODE)\}/g, (_, name: keyof Slots) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`corpus template needs {${name}}: ${template}`);
    return value;
  });
  return text.replace(/\^/g, joined ? '' : ' ');
}

const TITLE_PATTERNS: Record<CorpusLanguage, Record<CorpusTopic['kind'], ((t: string, p: string, v: string) => string)[]>> = {
  en: {
    problem: [(t, p, v) => `${p} ${v}: ${t}`, (t, p, v) => `${t} (${p} ${v})`, (t, p) => `${p}: ${t}`],
    info: [(t, p, v) => `${p} ${v}: ${t}`, (t, p, v) => `${t} - ${p} ${v}`, (t, p) => `${p}: ${t}`],
  },
  ko: {
    problem: [(t, p, v) => `${p} ${v} ${t}`, (t, p) => `[${p}] ${t}`, (t, p, v) => `${p} ${v}에서 ${t}`],
    info: [(t, p, v) => `${p} ${v} ${t}`, (t, p) => `[${p}] ${t}`, (t, p, v) => `${p} ${t} (${v})`],
  },
};

const CLOSERS: Record<CorpusLanguage, Record<CorpusTopic['kind'], string[]>> = {
  en: {
    problem: ['This article explains the cause and the fix.', 'Follow the steps below to resolve it.', 'The steps below apply to {P} {V}.'],
    info: ['This article answers the most common questions.', 'See the steps below.'],
  },
  ko: {
    problem: ['이 문서는 원인과 해결 방법을 설명합니다.', '아래 절차에 따라 해결할 수 있습니다.', '아래 절차는 {P} {V} 기준입니다.'],
    info: ['자주 묻는 내용을 정리했습니다.', '아래 절차를 참고하세요.'],
  },
};

const LABELS = {
  en: { issue: 'Error message', product: 'Product', component: 'Component', system: 'Operating system', model: 'Model', appliesTo: 'Applies to', reference: 'Reference', portal: 'Customer portal' },
  ko: { issue: '오류 메시지', product: '제품', component: '구성 요소', system: '운영 체제', model: '모델', appliesTo: '적용 대상', reference: '참고', portal: '고객 포털' },
};

function writeArticle(
  random: () => number,
  topic: CorpusTopic,
  cause: CorpusCause,
  product: CorpusProduct | null,
  version: string | null,
  language: CorpusLanguage,
  keySuffix: string,
): CorpusArticle {
  const text: CauseText = cause[language];
  const joined = random() < 0.35;
  const versionLabel = version ? `${product?.versionPrefix ?? ''}${version}` : '';
  const productLabel = product ? (language === 'ko' ? product.ko : product.name) : '';
  const slots: Slots = {
    P: productLabel,
    V: versionLabel,
    C: product ? (topic.components?.[product.name] ?? product.component) : '',
    OS: product ? pick(random, product.systems) : '',
    CODE: cause.code,
  };
  const labels = LABELS[language];
  const title = product ? pick(random, TITLE_PATTERNS[language][topic.kind])(fill(text.title, slots, joined), productLabel, versionLabel) : fill(text.title, slots, joined);
  const closer = product ? pick(random, CLOSERS[language][topic.kind]) : CLOSERS[language].info[0]!;
  const summary = `${fill(text.cause, slots, joined)} ${fill(closer, slots, joined)}`;
  const symptom = cause.symptom?.[language] ?? topic[language].symptom;
  const issue = [fill(symptom, slots, joined), ...(cause.code ? [`${labels.issue}: \`${cause.code}\``] : [])].join('\n\n');
  const environment = product
    ? [`- ${labels.product}: ${productLabel} ${versionLabel}`, `- ${labels.component}: ${slots.C}`, `- ${product.devices ? labels.model : labels.system}: ${slots.OS}`].join('\n')
    : `- ${labels.product}: ${labels.portal}`;
  const kb = `KB${String(10_000 + Math.floor(random() * 90_000)).padStart(6, '0')}`;
  const applies = product ? [`${labels.appliesTo}: ${productLabel} ${versionLabel}`] : [];
  const resolution = [
    ...text.steps.map((step, i) => `${i + 1}. ${fill(step, slots, joined)}`),
    '',
    ...applies.map((line) => `- ${line}`),
    `- ${labels.reference}: ${kb}`,
  ].join('\n');
  const key = [topic.id, cause.id, product ? slug(product.name) : 'portal', version ? slug(version) : 'all', language].join('.') + keySuffix;
  return {
    key,
    topic: topic.id,
    cause: cause.id,
    product: product?.name ?? null,
    version,
    language,
    title,
    summary,
    issue,
    environment,
    resolution,
    visibility: random() < 0.25 ? 'public' : 'customers',
    verified: random() < 0.6,
    updatedAt: new Date(CORPUS_NOW.getTime() - Math.floor(random() * 1_400) * DAY_MS - Math.floor(random() * DAY_MS)),
  };
}

/**
 * The corpus: every topic × cause × product it applies to × every version of that product ×
 * Korean and English, each article phrased, spaced and dated by the seeded generator. `round`
 * above 0 gives another phrasing of the same articles with keys suffixed `#<round>` (the speed
 * bench stacks rounds to reach 100,000 articles with a realistic vocabulary).
 */
export function generateCorpus(options: { round?: number } = {}): CorpusArticle[] {
  const round = options.round ?? 0;
  const random = createRandom(CORPUS_SEED + round * 7_919);
  const products = new Map(CORPUS_PRODUCTS.map((p) => [p.name, p]));
  const articles: CorpusArticle[] = [];
  for (const topic of CORPUS_TOPICS) {
    for (const cause of topic.causes) {
      for (const productName of topic.products) {
        const product = productName === null ? null : products.get(productName);
        if (product === undefined) throw new Error(`unknown corpus product ${productName}`);
        for (const version of product ? product.versions : [null]) {
          for (const language of ['ko', 'en'] as const) {
            articles.push(writeArticle(random, topic, cause, product, version, language, round ? `#${round}` : ''));
          }
        }
      }
    }
  }
  return articles;
}
