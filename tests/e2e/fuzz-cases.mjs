// Random cases for tests/e2e/fuzz.test.mjs, built with fast-check: an edition document (valid by
// construction, made invalid by one known mutation, or wild), how the server answers it, and the
// placeholder's data-* configuration (valid, or with one known bad attribute). Each case says
// what the widget must end in, from the documented rules (docs/format.md, docs/publisher-guide.md).
//
//   const cases = fuzzCases(seed, count);   // deterministic for a seed
//   case = { kind, note, attrs, fallback, answer: { status, type, body, declared }, expect }
//   expect = { outcome: 'render', id, lang, country, mark } | { outcome: 'error', reason, status }
//          | { outcome: 'config', attribute } | { outcome: 'render-or-invalid' }

import fc from 'fast-check';

const MAX_EDITION_BYTES = 2 * 1024 * 1024;

// ------------------------------------------------------------------------------------- text

/** One code point from any of the 17 planes (unassigned, private use, controls, lone surrogates). */
const anyCodePoint = fc.integer({ min: 0, max: 16 })
  .chain((plane) => fc.integer({ min: plane * 0x10000, max: plane * 0x10000 + 0xffff }))
  .map((cp) => String.fromCodePoint(cp));

/** Characters that make text hard: bidi controls, joiners, combining marks, quotes, markup. */
const trickyChar = fc.constantFrom(
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200d', '\u200e', '\u202e',
  '\u2066', '\u2069', '\u0301', '\u0308', '\u0361', '\ufeff', '\ufffd', '\ud800', '\udfff', '\u{1f600}',
  '\u{1f1e9}\u{1f1ea}', '\u{10ffff}', '"', "'", '<', '>', '&', '\\', '{lang}', '</script>', 'ß', 'ﬃ', 'İ',
);

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
/** A string of `min` to `max` characters from `chars`. */
const from = (chars, min, max) => fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max });

const asciiWord = from(LOWER + UPPER + DIGITS, 1, 12);

/** Text of up to `max` pieces, mixing words, spaces, tricky characters and every plane. */
function text(max = 12) {
  return fc.array(fc.oneof(
    { arbitrary: asciiWord, weight: 4 },
    { arbitrary: fc.constant(' '), weight: 3 },
    { arbitrary: trickyChar, weight: 2 },
    { arbitrary: anyCodePoint, weight: 2 },
  ), { maxLength: max }).map((pieces) => pieces.join(''));
}

/** Text that is not blank: it holds `mark`, so the rendered widget can be recognised. */
function markedText(mark, max = 12) {
  return fc.tuple(text(max), text(max)).map(([a, b]) => `${a} ${mark} ${b}`);
}

const codePoints = (s) => [...s].length;

// ---------------------------------------------------------------------------------- values

const lang = from(LOWER, 2, 3);
const country = from(UPPER, 2, 2);
const articleId = fc.oneof(from(LOWER + DIGITS + '-', 1, 40), fc.constant('a'.repeat(200)));

const urlChars = from(LOWER + UPPER + DIGITS + "._~%!$&'()*+,;=:@/-", 0, 30);
/** A URL the format allows: absolute http(s) in any case, or relative. */
const linkUrl = fc.oneof(
  fc.tuple(fc.constantFrom('https', 'http', 'HTTPS', 'Http'), fc.constantFrom('news.example', 'a.b.example', '127.0.0.1:9'), urlChars)
    .map(([scheme, host, path]) => `${scheme}://${host}/${path}`),
  // No colon before the first slash: that would be a scheme.
  fc.tuple(fc.constantFrom('', './', '../', '/', '#', '?q=1:2&'), from(LOWER + UPPER + DIGITS + "._~%!$&'()*+,;=@-", 1, 30))
    .map(([prefix, path]) => prefix + path),
);
/** A URL the format refuses. */
const badUrl = fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x',
  'a b.json', 'java\tscript:x', '', 'https://news.example/\n', 'mailto:x@news.example', 'file:///etc/hosts');

/** An RFC 3339 date-time for `millis` (Unix ms), in UTC or at an offset, maybe with a fraction. */
function rfc3339(millis, offsetMinutes, fraction, lower) {
  const local = new Date(millis + offsetMinutes * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  let out = local.slice(0, 19);
  if (fraction) out += local.slice(19, 23);
  if (offsetMinutes === 0 && !fraction) out += 'Z';
  else if (offsetMinutes === 0) out += '+00:00';
  else {
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    out += `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
  return lower ? out.replace('T', 't').replace('Z', 'z') : out;
}
const timeParts = fc.record({
  millis: fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }),
  offset: fc.constantFrom(0, 0, 60, -360, 330, 840, -720, 345),
  fraction: fc.boolean(),
  lower: fc.boolean(),
});

/** Any JSON value that is not `null` (for unknown fields), a few levels deep. */
const jsonJunk = fc.jsonValue({ maxDepth: 3 }).filter((v) => v !== null);

/** An array or object nested `depth` levels. */
function nested(depth, leaf = 1) {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? { n: value } : [value];
  return value;
}

/**
 * Stands for arrays nested `depth` levels in a document until it is serialized (deeper than
 * JSON.stringify goes): see `serialized`.
 */
const deep = (depth) => `@@deep:${depth}@@`;

/** `doc` as JSON text, `deep()` markers expanded. */
function serialized(doc, indent = 0) {
  return JSON.stringify(doc, null, indent)
    .replace(/"@@deep:(\d+)@@"/g, (_, depth) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`);
}

/** The value `make()` returns, made only when generated. */
const lazily = (make) => fc.constant(null).map(make);

/** `null` (which counts as absent) or a value. */
const maybe = (arb) => fc.option(arb, { nil: null, freq: 3 });

// ----------------------------------------------------------------------------- valid editions

const inline = (mark) => fc.oneof(
  text(6),
  fc.record({
    text: mark ? markedText(mark, 4) : text(6),
    em: maybe(fc.boolean()),
    strong: maybe(fc.boolean()),
    href: maybe(linkUrl),
  }, { requiredKeys: ['text'] }),
);

const content = fc.array(inline(), { minLength: 0, maxLength: 5 });

/** An HTML fragment as a CMS exports it, good or hostile. */
const html = fc.array(fc.oneof(
  text(4),
  fc.constantFrom('<p>', '</p>', '<em>x</em>', '<a href="https://news.example/">l</a>', '<img src="https://img.example/a.png" alt="">',
    '<script>window.__pwn&&__pwn()</script>', '<svg><g/onload=__pwn()>', '<table><tr><td>c', '<!--', '<ul><li>a<li>b</ul>',
    '<h2>h</h2>', '<a href="javascript:__pwn()">x</a>', '<style>*{display:none}</style>', '<iframe src=//x>', '&amp;&lt;&#0;&#x110000;'),
), { maxLength: 12 }).map((parts) => parts.join(''));

function knownBlock(id) {
  return fc.oneof(
    fc.record({ id: fc.constant(id), type: fc.constantFrom('paragraph', 'heading'), content }),
    fc.record({ id: fc.constant(id), type: fc.constant('quote'), content, cite: maybe(text(4)) }, { requiredKeys: ['id', 'type', 'content'] }),
    fc.record({
      id: fc.constant(id), type: fc.constant('image'), src: linkUrl, alt: text(6),
      caption: maybe(text(6)), credit: maybe(text(3)),
      width: maybe(fc.integer({ min: 0, max: 4294967295 })), height: maybe(fc.integer({ min: 0, max: 4294967295 })),
    }, { requiredKeys: ['id', 'type', 'src', 'alt'] }),
    fc.record({ id: fc.constant(id), type: fc.constant('html'), html }),
  );
}

/** A block of a type from a newer format: skipped (its v1 fields, if any, still well-typed). */
const unknownBlock = fc.record({
  type: fc.constantFrom('video', 'poll', 'Paragraph', '', 'html5', 'x'.repeat(300)),
  id: maybe(text(3)),
  payload: jsonJunk,
}, { requiredKeys: ['type'] });

/** Body blocks with unique, non-empty ids (any text, suffixed by position), one known at least. */
const body = fc.array(fc.tuple(text(3), fc.boolean()), { minLength: 1, maxLength: 8 })
  .chain((slots) => fc.tuple(...slots.map(([prefix, unknown], i) => {
    const id = `${prefix}#${i}`;
    return unknown && i > 0 ? unknownBlock : knownBlock(id);
  })));

const related = fc.array(fc.record({
  headline: text(8), url: linkUrl, image: maybe(linkUrl), source: maybe(text(3)),
  published: maybe(timeParts.map((t) => rfc3339(t.millis, t.offset, t.fraction, t.lower))),
}, { requiredKeys: ['headline', 'url'] }), { maxLength: 60 });

/** Other editions: unique lang-country pairs, this edition's among them. */
function editionLinks(selfLang, selfCountry) {
  return fc.tuple(
    fc.array(fc.record({ lang, country, url: linkUrl }), { maxLength: 6 }),
    fc.nat(),
    linkUrl,
  ).map(([others, at, url]) => {
    const seen = new Set([`${selfLang}-${selfCountry}`]);
    const links = others.filter((l) => !seen.has(`${l.lang}-${l.country}`) && seen.add(`${l.lang}-${l.country}`));
    links.splice(at % (links.length + 1), 0, { lang: selfLang, country: selfCountry, url });
    return links;
  });
}

/** A valid edition document (an object); `mark` is in its headline. */
function validEdition(mark) {
  return fc.record({ lang, country, id: articleId, published: timeParts }).chain((head) => fc.record({
    version: fc.constantFrom(1, 1.0),
    id: fc.constant(head.id),
    lang: fc.constant(head.lang),
    country: fc.constant(head.country),
    headline: fc.oneof(
      { arbitrary: markedText(mark), weight: 8 },
      // Exactly at the limit, in code points (astral characters are two UTF-16 units).
      { arbitrary: fc.constantFrom('x', '\u{1f600}', 'ä').map((c) => `${mark} ${c.repeat(1000 - codePoints(mark) - 1)}`), weight: 1 },
    ),
    standfirst: maybe(fc.oneof(text(20), fc.constant('s'.repeat(5000)))),
    published: fc.constant(rfc3339(head.published.millis, head.published.offset, head.published.fraction, head.published.lower)),
    updated: maybe(fc.tuple(fc.integer({ min: 0, max: 10 ** 10 }), fc.constantFrom(0, 120, -300))
      .map(([later, offset]) => rfc3339(head.published.millis + later, offset, true, false))),
    authors: maybe(fc.array(text(4), { maxLength: 4 })),
    source: fc.record({
      name: markedText('src', 3), url: linkUrl, logo: maybe(linkUrl), original_lang: maybe(lang),
    }, { requiredKeys: ['name', 'url'] }),
    body,
    editions: editionLinks(head.lang, head.country),
    related: maybe(related),
    all_news_url: maybe(linkUrl),
    // Fields of a newer format version are ignored; so is nesting well under the limit.
    future: maybe(fc.oneof(jsonJunk, fc.integer({ min: 1, max: 100 }).map((d) => nested(d)))),
  }, { requiredKeys: ['version', 'id', 'lang', 'country', 'headline', 'published', 'source', 'body', 'editions'] }));
}

// ---------------------------------------------------------------------------- invalid editions

/** A JSON value of another type than `value`'s. */
function otherType(value) {
  const kinds = {
    string: ['', 'text', '1'],
    number: [0, -1, 1.5, 1e308, 42],
    boolean: [true, false],
    array: [[], ['x'], [1]],
    object: [{}, { text: 'x' }],
  };
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const choices = Object.entries(kinds).filter(([k]) => k !== kind).flatMap(([, v]) => v);
  return fc.constantFrom(...choices);
}

/** What no inline run can be: a run is a string or an object with `text`. */
const notARun = fc.constantFrom(0, 1.5, true, false, [], ['x'], {}, { em: true });

/** Paths (arrays of keys) in `doc` to values that must have their type, with a sample of nested ones. */
function typedPaths(doc) {
  const paths = ['version', 'id', 'lang', 'country', 'headline', 'published', 'source', 'body', 'editions',
    'source.name', 'source.url'].map((p) => p.split('.'));
  for (const optional of ['standfirst', 'updated', 'authors', 'related', 'all_news_url']) {
    if (doc[optional] != null) paths.push([optional]);
  }
  doc.body.forEach((block, i) => {
    if (!['paragraph', 'heading', 'quote', 'image', 'html'].includes(block.type)) return;
    for (const key of Object.keys(block)) if (block[key] !== null) paths.push(['body', i, key]);
    (block.content ?? []).forEach((run, j) => {
      paths.push(['body', i, 'content', j]);
      if (typeof run === 'object') paths.push(['body', i, 'content', j, 'text']);
    });
  });
  doc.editions.forEach((_, i) => ['lang', 'country', 'url'].forEach((k) => paths.push(['editions', i, k])));
  (doc.related ?? []).slice(0, 3).forEach((_, i) => paths.push(['related', i, 'headline'], ['related', i, 'url']));
  return paths;
}

const get = (doc, path) => path.reduce((v, k) => v?.[k], doc);
function set(doc, path, value) {
  const copy = structuredClone(doc);
  const parent = get(copy, path.slice(0, -1));
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(path.at(-1), 1);
    else delete parent[path.at(-1)];
  } else parent[path.at(-1)] = value;
  return copy;
}

/** Required fields of v1, as paths, that `doc` has. */
function requiredPaths(doc) {
  const paths = ['version', 'id', 'lang', 'country', 'headline', 'published', 'source', 'body', 'editions',
    'source.name', 'source.url'].map((p) => p.split('.'));
  doc.body.forEach((block, i) => {
    const needs = { paragraph: ['id', 'content'], heading: ['id', 'content'], quote: ['id', 'content'], image: ['id', 'src', 'alt'], html: ['id', 'html'] }[block.type] ?? ['type'];
    needs.forEach((key) => paths.push(['body', i, key]));
  });
  doc.editions.forEach((_, i) => ['lang', 'country', 'url'].forEach((k) => paths.push(['editions', i, k])));
  return paths;
}

const blocksOf = (doc, types) => doc.body.map((b, i) => [b, i]).filter(([b]) => types.includes(b.type));

/** One mutation that makes `doc` invalid: [what it did, the document]. */
function breakEdition(doc) {
  const pick = (list) => fc.constantFrom(...list);
  const mutations = [
    pick(requiredPaths(doc)).map((p) => [`without ${p.join('.')}`, set(doc, p, undefined)]),
    pick(requiredPaths(doc)).map((p) => [`${p.join('.')}: null`, set(doc, p, null)]),
    pick(typedPaths(doc)).chain((p) => (p.at(-2) === 'content' ? notARun : otherType(get(doc, p)))
      .map((v) => [`${p.join('.')}: ${JSON.stringify(v)}`, set(doc, p, v)])),
    pick([2, 0, -1, 1.5, '1', 1e100, true]).map((v) => [`version ${JSON.stringify(v)}`, { ...doc, version: v }]),
    pick(['DE', 'deutsch', 'd', 'd1', '', 'de-DE', 'ää']).map((v) => [`lang ${v}`, { ...doc, lang: v }]),
    pick(['mx', 'MEX', 'M', '', 'M1']).map((v) => [`country ${v}`, { ...doc, country: v }]),
    pick(['Bad Id', '', 'a'.repeat(201), 'ümlaut', 'a_b']).map((v) => [`id ${v.slice(0, 20)}`, { ...doc, id: v }]),
    pick(['yesterday', '2025-13-01T00:00:00Z', '2025-07-04', '2025-02-30T00:00:00Z', '2025-07-04T24:00:00Z', '2025-07-04T10:00:00+24:00', '2025-07-04T10:00:00.Z'])
      .map((v) => [`published ${v}`, { ...doc, published: v }]),
    fc.constant(['updated before published', { ...doc, updated: rfc3339(Date.parse(doc.published.replace(/t/, 'T').replace(/z$/, 'Z')) - 1000, 0, true, false) }]),
    pick(['', '   ', '\u00a0\u2003', '\n\t']).map((v) => [`headline ${JSON.stringify(v)}`, { ...doc, headline: v }]),
    fc.integer({ min: 1001, max: 200_000 }).map((n) => [`a ${n}-character headline`, { ...doc, headline: 'h'.repeat(n) }]),
    fc.constant(['a 1,001-code-point headline of emoji', { ...doc, headline: '\u{1f600}'.repeat(1001) }]),
    fc.integer({ min: 5001, max: 100_000 }).map((n) => [`a ${n}-character standfirst`, { ...doc, standfirst: 's'.repeat(n) }]),
    fc.constant(['an empty body', { ...doc, body: [] }]),
    lazily(() => ['2,001 blocks', { ...doc, body: Array.from({ length: 2001 }, (_, i) => ({ id: `b${i}`, type: 'paragraph', content: ['x'] })) }]),
    lazily(() => ['501 editions', { ...doc, editions: [{ lang: doc.lang, country: doc.country, url: 'x' }, ...Array.from({ length: 500 }, (_, i) => ({ lang: 'aa', country: String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26)), url: `e${i}` }))] }]),
    fc.constant(['an edition listed twice', { ...doc, editions: [...doc.editions, { ...doc.editions[0] }] }]),
    fc.constant(['editions without this one', { ...doc, editions: doc.editions.filter((l) => l.lang !== doc.lang || l.country !== doc.country) }]),
    fc.constant(['a block id used twice', { ...doc, body: [...doc.body, { ...blocksOf(doc, ['paragraph', 'heading', 'quote', 'image', 'html'])[0][0] }] }]),
    fc.constant(['an empty block id', { ...doc, body: [{ id: '', type: 'paragraph', content: ['x'] }, ...doc.body] }]),
    fc.constant(['only unknown blocks', { ...doc, body: [{ type: 'video' }, { type: 'poll', id: 'p' }] }]),
    pick(['', '  ', '\u3000']).map((v) => [`source.name ${JSON.stringify(v)}`, { ...doc, source: { ...doc.source, name: v } }]),
    badUrl.map((v) => [`source.url ${JSON.stringify(v)}`, { ...doc, source: { ...doc.source, url: v } }]),
    badUrl.map((v) => [`editions[0].url ${JSON.stringify(v)}`, set(doc, ['editions', 0, 'url'], v)]),
    badUrl.map((v) => [`all_news_url ${JSON.stringify(v)}`, { ...doc, all_news_url: v }]),
    fc.tuple(badUrl, fc.constantFrom('paragraph', 'quote')).map(([v, type]) => [`a link run to ${JSON.stringify(v)}`, { ...doc, body: [...doc.body, { id: 'zz-link', type, content: [{ text: 't', href: v }] }] }]),
    pick([-1, 1.5, 4294967296, '12', 1e20]).map((v) => [`image width ${JSON.stringify(v)}`, { ...doc, body: [...doc.body, { id: 'zz-img', type: 'image', src: 'a.png', alt: '', width: v }] }]),
    // A v1 field is checked in a block of any type.
    pick([42, 'x', { a: 1 }, [7]]).map((v) => [`an unknown block's content ${JSON.stringify(v)}`, { ...doc, body: [...doc.body, { type: 'video', content: v }] }]),
    fc.integer({ min: 130, max: 100_000 }).map((d) => [`an unknown field nested ${d} deep`, { ...doc, future: deep(d) }]),
    fc.integer({ min: 130, max: 100_000 }).map((d) => [`content nested ${d} deep`, set(doc, ['body', 0, 'content'], deep(d))]),
  ].filter(Boolean);
  return fc.oneof(...mutations);
}

/**
 * Text that is not a JSON document or not an object: [what, text, surely invalid]. A character
 * inserted anywhere may land inside a string (or be whitespace), so that one may still be valid.
 */
function notAnEdition(doc) {
  const textOf = JSON.stringify(doc);
  return fc.oneof(
    fc.integer({ min: 0, max: textOf.length - 1 }).map((cut) => [`cut at ${cut} of ${textOf.length}`, textOf.slice(0, cut), true]),
    fc.constantFrom('', ' ', 'null', 'true', '42', '"text"', '[]', JSON.stringify([doc]), 'NaN', "{'version': 1}",
      '{"version": 1,}', '{"version": 1} trailing', '<!doctype html><p>Not found', '\ufeff{"version":1}', '{"version": 1 // c\n}')
      .map((t) => [`the text ${JSON.stringify(t.slice(0, 30))}`, t, true]),
    fc.tuple(fc.integer({ min: 0, max: textOf.length }), fc.constantFrom('\u0000', '}', '{', ']', ',', '"', '\\', '\n'))
      .map(([at, c]) => [`${JSON.stringify(c)} inserted at ${at}`, textOf.slice(0, at) + c + textOf.slice(at), false]),
  );
}

// --------------------------------------------------------------------------- wild documents

const FIELD_NAMES = ['version', 'id', 'lang', 'country', 'headline', 'standfirst', 'published', 'updated', 'authors',
  'source', 'name', 'url', 'logo', 'original_lang', 'body', 'type', 'content', 'text', 'em', 'strong', 'href', 'cite',
  'src', 'alt', 'caption', 'credit', 'width', 'height', 'html', 'editions', 'related', 'image', 'all_news_url'];

/** Objects made of the format's field names and values of any shape: valid or not, unknown. */
const wild = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(1, 'paragraph', 'de', 'MX', '2025-07-04T16:20:00Z', 'https://news.example/', 'x.json'),
    tie('object'),
    fc.array(tie('value'), { maxLength: 4 })),
  object: fc.dictionary(fc.constantFrom(...FIELD_NAMES), tie('value'), { maxKeys: 8 }),
})).object;

/** A document seeded from a valid one with random fields replaced by wild values. */
function wildened(doc) {
  return fc.array(fc.tuple(fc.constantFrom(...typedPaths(doc)), wild), { minLength: 1, maxLength: 4 })
    .map((edits) => edits.reduce((d, [path, value]) => (get(d, path.slice(0, -1)) == null ? d : set(d, path, value)), doc));
}

/** schema.org JSON-LD, mapped by the formats module: rendered or refused as invalid. */
const jsonLd = fc.record({
  '@context': fc.constantFrom('https://schema.org', 'http://schema.org/', 42),
  '@type': fc.constantFrom('NewsArticle', 'Article', ['NewsArticle'], 'Person'),
  headline: fc.oneof(markedText('ld'), fc.integer()),
  datePublished: fc.oneof(fc.constant('2025-07-04T16:20:00Z'), text(3)),
  inLanguage: fc.oneof(lang, text(2)),
  articleBody: text(30),
  publisher: fc.oneof(fc.record({ '@type': fc.constant('Organization'), name: text(3) }), text(3)),
  url: fc.oneof(linkUrl, badUrl),
  author: wild,
}, { requiredKeys: ['@context', '@type'] });

// ------------------------------------------------------------------------------ configuration

const anyCase = (s) => fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length })
  .map((upper) => [...s].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
const padded = (value) => fc.tuple(fc.constantFrom('', ' ', '\t', '\n '), fc.constantFrom('', ' ')).map(([a, b]) => a + value + b);

/** Optional attributes with values the guide allows (the loader and widget trim them). */
const goodOptions = fc.record({
  'ui-lang': fc.oneof(fc.constantFrom('en', 'de', 'AR', 'ja', 'Uk', 'es'), from(LOWER + UPPER, 2, 3)),
  theme: fc.constantFrom('light', 'dark', 'auto').chain(anyCase).chain(padded),
  related: fc.constantFrom('on', 'off', 'true', 'false', 'yes', 'no').chain(anyCase),
  loading: fc.constantFrom('lazy', 'eager'),
  mode: fc.constant('inline'),
  title: text(4),
  timeout: fc.integer({ min: 1, max: 120 }).map(String).chain(padded),
  unknown: text(3),
  'related-src': fc.constantFrom('/fz/feeds/none.json', 'https://127.0.0.1:9/feed.json'),
}, { requiredKeys: [] });

/** URLs refused in an attribute, which is trimmed first (so a trailing newline is no fault there). */
const refusedAttributeUrl = badUrl.filter((v) => v.trim() === v && v !== '');

/** One attribute the guide does not allow, and the attribute the error must name. */
const badOption = fc.oneof(
  fc.constantFrom('deutsch', 'd', 'd1', 'en-US', 'ü').map((v) => ['lang', v, 'data-lang']),
  fc.constantFrom('MEX', '1A', 'M', 'Mexico').map((v) => ['country', v, 'data-country']),
  fc.constantFrom('Bad Id', 'a'.repeat(201), 'a_b', 'ümlaut').map((v) => ['id', v, 'data-id']),
  fc.constantFrom('english', 'e', 'e1').map((v) => ['ui-lang', v, 'data-ui-lang']),
  fc.constantFrom('purple', 'night', 'lightdark').map((v) => ['theme', v, 'data-theme']),
  fc.constantFrom('maybe', '1', 'onn').map((v) => ['related', v, 'data-related']),
  fc.constantFrom('soon', 'never', 'eagerly').map((v) => ['loading', v, 'data-loading']),
  fc.constantFrom('popup', 'frame', 'iframes').map((v) => ['mode', v, 'data-mode']),
  fc.constantFrom('0', '121', '1.5', 'ten', '-5', '1e2', '99999999999').map((v) => ['timeout', v, 'data-timeout']),
  fc.constantFrom('other', 'page', 'yes').map((v) => ['jsonld', v, 'data-jsonld']),
  refusedAttributeUrl.map((v) => ['related-src', v, 'data-related-src']),
);

/**
 * The placeholder's data-* attributes for a case whose edition is served under `base` (any path
 * below it answers). With `broken`, one attribute is bad, or data-src is missing or unusable.
 */
function configuration(base, origin, edition, broken) {
  const template = fc.constantFrom('plain', 'absolute', 'template', 'query');
  const source = template.map((how) => {
    const attrs = {};
    if (how === 'plain') attrs.src = `${base}ed.json`;
    if (how === 'absolute') attrs.src = `${origin.replace('http:', 'HTTP:')}${base}ed.json`;
    if (how === 'query') attrs.src = `${base}ed.json?at=1:2#frag`;
    if (how === 'template') {
      attrs.src = `${base}{id}/{lang}-{country}.json`;
      attrs.id = edition.id;
      attrs.lang = edition.lang;
      attrs.country = edition.country;
    }
    return attrs;
  });
  const good = fc.tuple(source, goodOptions, fc.record({
    lang: from(LOWER + UPPER, 2, 3), country: from(LOWER + UPPER, 2, 2), id: from(LOWER + DIGITS + '-', 1, 20),
  }, { requiredKeys: [] })).map(([src, options, extra]) => ({ ...extra, ...options, ...src }));
  if (!broken) return good.map((attrs) => ({ attrs, expect: null }));
  return fc.oneof(
    fc.tuple(good, badOption).map(([attrs, [name, value, attribute]]) => {
      const out = { ...attrs, [name]: value };
      if (name === 'jsonld') delete out.src;
      return { attrs: out, expect: { outcome: 'config', attribute } };
    }),
    good.map((attrs) => {
      const { src, ...rest } = attrs;
      return { attrs: rest, expect: { outcome: 'config', attribute: 'data-src' } };
    }),
    fc.tuple(good, refusedAttributeUrl)
      .map(([attrs, src]) => ({ attrs: { ...attrs, src }, expect: { outcome: 'config', attribute: 'data-src' } })),
    fc.tuple(good, fc.constantFrom(['lang', 'data-lang'], ['country', 'data-country'], ['id', 'data-id'])).map(([attrs, [name, attribute]]) => {
      const out = { ...attrs, src: `${base}{${name}}.json` };
      delete out[name];
      return { attrs: out, expect: { outcome: 'config', attribute } };
    }),
  );
}

// ----------------------------------------------------------------------------------- cases

const bytes = (doc) => Buffer.byteLength(JSON.stringify(doc));
const json = (answerBody) => ({ status: 200, type: 'application/json; charset=utf-8', body: answerBody, declared: true });
const serialize = fc.constantFrom(0, 0, 0, 2, '\t').map((indent) => (doc) => serialized(doc, indent));

/** The fallback content a publisher puts in the placeholder (sometimes none). */
const fallback = fc.oneof(
  { arbitrary: text(6).map((t) => `<p class="fallback"><a href="https://news.example/">${t.replace(/[<&]/g, '')}x</a></p>`), weight: 4 },
  { arbitrary: fc.constant(''), weight: 1 },
);

function caseArbitrary(index, origin) {
  const base = `/fz/c${index}/`;
  const mark = `Hfz${index}q`;
  return validEdition(mark).chain((doc) => {
    const rendered = { outcome: 'render', id: doc.id, lang: doc.lang, country: doc.country, mark };
    const invalid = { outcome: 'error', reason: 'invalid', status: null };
    const kinds = [
      { weight: 30, arbitrary: serialize.map((s) => ['valid', 'a valid edition', json(s(doc)), rendered]) },
      { weight: 25, arbitrary: fc.tuple(breakEdition(doc), serialize).map(([[note, bad], s]) => ['invalid', note, json(s(bad)), invalid]) },
      { weight: 10, arbitrary: notAnEdition(doc).map(([note, t, surely]) => ['not-json', note, json(t), surely ? invalid : { outcome: 'render-or-invalid' }]) },
      { weight: 10, arbitrary: wildened(doc).map((d) => ['wild', 'a valid edition with wild values', json(JSON.stringify(d)), { outcome: 'render-or-invalid' }]) },
      { weight: 3, arbitrary: jsonLd.map((d) => ['json-ld', 'schema.org JSON-LD', json(JSON.stringify(d)), { outcome: 'render-or-invalid' }]) },
      { weight: 3, arbitrary: fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 64 * 1024 })).map(([declared, over]) => {
        const padding = 'p'.repeat(MAX_EDITION_BYTES - bytes(doc) + over);
        return ['too-large', `${over} bytes over the limit${declared ? '' : ', length not declared'}`,
          { ...json(JSON.stringify({ ...doc, padding })), declared }, { outcome: 'error', reason: 'too-large', status: null }];
      }) },
      { weight: 1, arbitrary: lazily(() => ['near-limit', 'a valid edition just under 2 MiB',
        json(JSON.stringify({ ...doc, padding: 'p'.repeat(MAX_EDITION_BYTES - bytes(doc) - 100) })), rendered]) },
      { weight: 4, arbitrary: fc.constantFrom('text/html', 'image/png', 'application/xml; charset=utf-8', 'text/javascript')
        .map((type) => ['content-type', `served as ${type}`, { status: 200, type, body: JSON.stringify(doc), declared: true },
          { outcome: 'error', reason: 'content-type', status: null }]) },
      { weight: 4, arbitrary: fc.constantFrom(400, 403, 404, 410, 451, 503)
        .map((status) => ['http', `HTTP ${status}`, { status, type: 'text/plain', body: `${status}`, declared: true, retryAfter: '0' },
          { outcome: 'error', reason: 'http', status }]) },
    ];
    return fc.tuple(fc.oneof(...kinds), fc.nat(9), fallback).chain(([[kind, note, answer, expect], roll, fallbackHtml]) =>
      configuration(base, origin, doc, roll === 0).map(({ attrs, expect: configExpect }) => ({
        index, kind: configExpect ? 'config' : kind, note: configExpect ? `bad configuration (${kind} edition)` : note,
        attrs, fallback: fallbackHtml, base, answer, expect: configExpect ?? expect,
      })));
  });
}

/** `count` cases for `seed`; case `i` is the same for a seed whatever `count` is. */
export function fuzzCases(seed, count, origin) {
  return Array.from({ length: count }, (_, i) => fc.sample(caseArbitrary(i, origin), { seed: (seed + i * 7919) | 0, numRuns: 1 })[0]);
}

/**
 * Cases that once went wrong, run in every run. Each is a valid edition (the same for every
 * seed) with the fault that was found, served plainly to an eager widget.
 */
export function regressionCases() {
  const doc = (mark) => fc.sample(validEdition(mark), { seed: 42, numRuns: 1 })[0];
  const invalid = { outcome: 'error', reason: 'invalid', status: null };
  const found = [
    // JSON.parse takes any nesting, and serde-wasm-bindgen skipped unknown fields unread, so the
    // widget rendered what the format (and the validator, with serde_json) refuses.
    ['an unknown field nested 200 deep', (d) => serialized({ ...d, future: deep(200) }), invalid],
    ['an unknown field nested 128 deep (the outer object counts)', (d) => serialized({ ...d, future: deep(127) }), invalid],
    ['an unknown field nested 127 deep', (d) => serialized({ ...d, future: deep(126) }), null],
  ];
  return found.map(([note, make, expect], i) => {
    const index = `r${i}`;
    const edition = doc(`Hfz${index}q`);
    return {
      index, kind: 'regression', note, base: `/fz/c${index}/`, fallback: '<p class="fallback">Fallback</p>',
      attrs: { src: `/fz/c${index}/ed.json`, loading: 'eager' },
      answer: json(make(edition)),
      expect: expect ?? { outcome: 'render', id: edition.id, lang: edition.lang, country: edition.country, mark: `Hfz${index}q` },
    };
  });
}
