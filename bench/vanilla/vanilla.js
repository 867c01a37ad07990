/*! A hand-written vanilla-JS baseline for Byline's benchmark (bench/, not shipped).
 *
 *   <script src="vanilla.js"></script>
 *   <div class="byline-article" data-src="data/editions/de-MX.json">fallback</div>
 *
 * Renders the same article JSON (docs/format.md) into a shadow root per placeholder, with the
 * same class names as Byline, so the benchmark can measure both with the same probes.
 * It is deliberately small and honest: what a competent developer would write by hand in an
 * afternoon. It does NOT do what Byline does beyond that: no lazy mounting, no retries,
 * timeouts or offline handling, no validation of the JSON, no typographic quotes, UI labels in
 * English and German only, no inert off-screen slides or live announcements, and it re-renders
 * the whole article (pickers included) on every switch. Read its numbers as a lower bound.
 */
(function () {
  'use strict';

  // One stylesheet object, adopted by every shadow root (no inline <style>, CSP-friendly).
  var CSS = [
    ':host{display:block;contain:layout style}',
    '*,*::before,*::after{box-sizing:border-box}',
    '.byline{max-width:46em;margin:0 auto;padding:1.25em;background:#fff;color:#1a1a1a;',
    '  font:400 1em/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}',
    'a{color:inherit}',
    '.byline-pickers{display:flex;flex-wrap:wrap;gap:.75em;margin-bottom:1em}',
    '.byline-picker{display:flex;flex-direction:column;gap:.25em;font-size:.875em}',
    '.byline-picker select{font:inherit;padding:.4em .6em;border:1px solid #d9d9d9;border-radius:6px;background:#fff}',
    '.byline-headline{margin:0 0 .5em;font:700 2em/1.2 Georgia,"Noto Serif",serif}',
    '.byline-standfirst{margin:0 0 .75em;font-size:1.15em;color:#333}',
    '.byline-meta{margin:0 0 1.5em;font-size:.8125em;color:#595959;display:flex;flex-wrap:wrap;gap:0 1em}',
    '.byline-body{font:1.0625em/1.65 Georgia,"Noto Serif",serif}',
    '.byline-paragraph{margin:0 0 1em}',
    '.byline-subheading{margin:1.5em 0 .5em;font-size:1.2em}',
    '.byline-quote{margin:1.5em 0;padding-inline-start:1em;border-inline-start:4px solid #c8102e;font-style:italic}',
    '.byline-quote p{margin:0}',
    '.byline-quote__cite{font:normal .8em system-ui,sans-serif;color:#595959;margin-top:.5em}',
    '.byline-figure{margin:1.5em 0}',
    '.byline-figure img{display:block;width:100%;height:auto;border-radius:6px;background:#f4f4f2}',
    '.byline-figure figcaption{font:.8125em/1.4 system-ui,sans-serif;color:#595959;margin-top:.5em}',
    '.byline-source{display:flex;align-items:center;gap:.75em;margin:1.5em 0;padding-top:1em;border-top:1px solid #d9d9d9;font-size:.875em}',
    '.byline-source img{border-radius:6px}',
    '.byline-source__text{display:flex;flex-wrap:wrap;gap:0 .5em}',
    '.byline-related__bar{display:flex;align-items:center;justify-content:space-between}',
    '.byline-related__title{margin:0;font-size:1.1em}',
    '.byline-arrow{width:2.5em;height:2.5em;border:1px solid #d9d9d9;border-radius:50%;background:#fff;cursor:pointer;font:inherit}',
    '.byline-carousel__track{display:grid;grid-auto-flow:column;grid-auto-columns:calc((100% - 2em)/3);gap:1em;',
    '  margin:.75em 0 0;padding:0 0 .75em;overflow-x:auto;scroll-snap-type:x mandatory;scroll-behavior:smooth}',
    '@media (prefers-reduced-motion:reduce){.byline-carousel__track{scroll-behavior:auto}}',
    '.byline-carousel__slide{scroll-snap-align:start;min-width:0}',
    '.byline-card{display:flex;flex-direction:column;gap:.5em;height:100%;text-decoration:none}',
    '.byline-card img{display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;border-radius:6px;background:#f4f4f2}',
    '.byline-card__headline{font:700 1em/1.35 Georgia,serif}',
    '.byline-card__meta{margin-top:auto;font-size:.8125em;color:#595959;display:flex;flex-wrap:wrap;gap:0 .5em}',
    '.byline-all-news{display:inline-block;margin-top:.75em;font-weight:600}',
  ].join('\n');
  var sheet = null;

  var LABELS = {
    en: { language: 'Choose language', country: 'Choose country', published: 'Published', updated: 'Updated',
      source: 'Source', translated: 'Translated from', related: 'Related news', previous: 'Previous',
      next: 'Next', all: 'All news' },
    de: { language: 'Sprache auswählen', country: 'Land auswählen', published: 'Veröffentlicht', updated: 'Aktualisiert',
      source: 'Quelle', translated: 'Übersetzt aus dem', related: 'Ähnliche Nachrichten', previous: 'Zurück',
      next: 'Weiter', all: 'Alle Nachrichten' },
  };

  // Language names in their own language, like Byline's table: Intl.DisplayNames would load
  // each language's locale data on first use (tens of ms for a handful of languages).
  var AUTONYMS = { de: 'Deutsch', en: 'English', es: 'Español', uk: 'Українська', ar: 'العربية', ja: '日本語',
    fr: 'Français', it: 'Italiano', pt: 'Português', pl: 'Polski', ru: 'Русский', tr: 'Türkçe', he: 'עברית', zh: '中文' };

  function styles() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    return sheet;
  }

  /** An element with an optional class and text; text is only ever set as text. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /** `ref` resolved against `base`, or null unless it is http(s) (no javascript: links). */
  function safeUrl(ref, base) {
    try {
      var url = new URL(ref, base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function externalLink(className, href, text) {
    var a = el('a', className, text);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  function image(className, src, alt, width, height) {
    var img = el('img', className);
    img.src = src;
    img.alt = alt;
    if (width) img.width = width;
    if (height) img.height = height;
    img.loading = 'lazy';
    img.decoding = 'async';
    return img;
  }

  function displayName(type, code, inLang) {
    try {
      return new Intl.DisplayNames([inLang], { type: type }).of(code) || code;
    } catch (e) {
      return code;
    }
  }

  function formatTime(iso, ui) {
    return new Date(iso).toLocaleString(ui, { dateStyle: 'long', timeStyle: 'short' });
  }

  /** Inline runs: strings, or { text, em, strong, href }. */
  function runs(content, base) {
    var fragment = document.createDocumentFragment();
    content.forEach(function (run) {
      if (typeof run === 'string') return fragment.append(run);
      var node = document.createTextNode(run.text);
      if (run.em) node = wrap('em', node);
      if (run.strong) node = wrap('strong', node);
      var href = run.href && safeUrl(run.href, base);
      if (href) node = wrap(externalLink('byline-link', href), node);
      fragment.append(node);
    });
    return fragment;
  }

  function wrap(outer, inner) {
    var node = typeof outer === 'string' ? el(outer) : outer;
    node.append(inner);
    return node;
  }

  function block(b, base) {
    var node;
    if (b.type === 'paragraph') node = wrap(el('p', 'byline-paragraph'), runs(b.content, base));
    else if (b.type === 'heading') node = wrap(el('h3', 'byline-subheading'), runs(b.content, base));
    else if (b.type === 'quote') {
      node = el('blockquote', 'byline-quote');
      node.append(wrap('p', runs(b.content, base)));
      if (b.cite) node.append(el('footer', 'byline-quote__cite', b.cite));
    } else if (b.type === 'image') {
      var src = safeUrl(b.src, base);
      if (!src) return null;
      node = el('figure', 'byline-figure');
      node.append(image('byline-figure__image', src, b.alt, b.width, b.height));
      if (b.caption || b.credit) {
        node.append(el('figcaption', 'byline-figure__caption', [b.caption, b.credit].filter(Boolean).join(' ')));
      }
    } else return null; // unknown block types are skipped, as the format allows
    node.dataset.blockId = b.id;
    return node;
  }

  function header(ed, ui, labels) {
    var head = el('header', 'byline-header');
    head.lang = ed.lang;
    head.append(el('h2', 'byline-headline', ed.headline));
    if (ed.standfirst) head.append(el('p', 'byline-standfirst', ed.standfirst));
    var meta = el('p', 'byline-meta');
    meta.append(el('span', null, labels.published + ' ' + formatTime(ed.published, ui)));
    if (ed.updated) meta.append(el('span', null, labels.updated + ' ' + formatTime(ed.updated, ui)));
    head.append(meta);
    return head;
  }

  function picker(name, label, options, current, onPick) {
    var wrapper = el('label', 'byline-picker');
    var select = el('select', 'byline-picker__select');
    select.name = name;
    options.forEach(function (option) {
      var node = el('option', null, option.label);
      node.value = option.value;
      if (option.lang) node.lang = option.lang;
      node.selected = option.value === current;
      select.append(node);
    });
    select.addEventListener('change', function () { onPick(select.value); });
    wrapper.append(el('span', 'byline-picker__label', label), select);
    return wrapper;
  }

  function unique(values) {
    return values.filter(function (value, i) { return values.indexOf(value) === i; });
  }

  function pickers(widget, ed, ui, labels) {
    var langs = unique(ed.editions.map(function (e) { return e.lang; }));
    var countries = unique(ed.editions.map(function (e) { return e.country; }));
    var box = el('div', 'byline-pickers');
    box.append(
      picker('language', labels.language, langs.map(function (lang) {
        return { value: lang, label: AUTONYMS[lang] || displayName('language', lang, lang), lang: lang };
      }), ed.lang, function (lang) { widget.choose(lang, ed.country); }),
      picker('country', labels.country, countries.map(function (country) {
        return { value: country, label: displayName('region', country, ui) };
      }), ed.country, function (country) { widget.choose(ed.lang, country); })
    );
    return box;
  }

  function source(ed, base, ui, labels) {
    var src = ed.source;
    var box = el('footer', 'byline-source');
    var logo = src.logo && safeUrl(src.logo, base);
    if (logo) box.append(image('byline-source__logo', logo, '', 40, 40));
    var text = el('div', 'byline-source__text');
    var original = safeUrl(src.url, base);
    text.append(el('span', 'byline-source__label', labels.source));
    text.append(original ? externalLink('byline-source__name', original, src.name) : el('span', null, src.name));
    if (src.original_lang && original) {
      var from = labels.translated + ' ' + displayName('language', src.original_lang, ui);
      text.append(externalLink('byline-source__translation', original, from));
    }
    box.append(text);
    return box;
  }

  function card(item, base, ui) {
    var href = safeUrl(item.url, base);
    var slide = el('div', 'byline-carousel__slide');
    if (!href) return slide;
    var a = externalLink('byline-card', href);
    var img = item.image && safeUrl(item.image, base);
    if (img) a.append(image('byline-card__image', img, '', 320, 180));
    a.append(el('span', 'byline-card__headline', item.headline));
    var meta = el('span', 'byline-card__meta');
    if (item.source) meta.append(el('span', null, item.source));
    if (item.published) meta.append(el('time', null, formatTime(item.published, ui)));
    a.append(meta);
    slide.append(a);
    return slide;
  }

  /** Related news in a scroll-snapping track; the arrows move one page of cards. */
  function related(ed, base, ui, labels) {
    var items = (ed.related || []).slice(0, 50);
    var all = ed.all_news_url && safeUrl(ed.all_news_url, base);
    if (!items.length && !all) return null;
    var section = el('section', 'byline-related');
    var bar = el('div', 'byline-related__bar');
    var track = el('div', 'byline-carousel__track');
    function arrow(className, label, text, direction) {
      var button = el('button', 'byline-arrow ' + className, text);
      button.type = 'button';
      button.setAttribute('aria-label', label);
      button.addEventListener('click', function () {
        track.scrollBy({ left: direction * track.clientWidth, behavior: reducedMotion() ? 'instant' : 'smooth' });
      });
      return button;
    }
    var controls = el('div', 'byline-related__controls');
    controls.append(arrow('byline-carousel__prev', labels.previous, '←', -1), arrow('byline-carousel__next', labels.next, '→', 1));
    bar.append(el('h3', 'byline-related__title', labels.related), controls);
    items.forEach(function (item) { track.append(card(item, base, ui)); });
    section.append(bar, track);
    if (all) section.append(externalLink('byline-all-news', all, labels.all + ' →'));
    return section;
  }

  function reducedMotion() {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  /** One widget: fetches editions (each once), renders the one shown. */
  function Widget(host) {
    this.host = host;
    // Like Byline: the shadow root and its styles at once, and a slot through which the
    // placeholder's own content shows until the article renders.
    this.root = host.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [styles()];
    this.root.append(document.createElement('slot'));
    this.cache = new Map(); // url -> edition, so switching back is instant
    this.url = null;
    this.edition = null;
    this.wanted = null;
  }

  Widget.prototype.load = function (url) {
    var self = this;
    self.wanted = url;
    var cached = self.cache.get(url);
    if (cached) return self.render(cached, url);
    fetch(url, { credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (edition) {
        self.cache.set(url, edition);
        if (self.wanted === url) self.render(edition, url); // a newer choice wins
      })
      .catch(function (error) {
        console.error('vanilla: cannot load ' + url + ': ' + error.message);
      });
  };

  /** Picks the edition for (lang, country), or the first one in `lang`. */
  Widget.prototype.choose = function (lang, country) {
    var editions = this.edition.editions;
    var match = editions.find(function (e) { return e.lang === lang && e.country === country; })
      || editions.find(function (e) { return e.lang === lang; })
      || editions.find(function (e) { return e.country === country; });
    var url = match && safeUrl(match.url, this.url);
    if (url) this.load(url);
  };

  Widget.prototype.render = function (ed, url) {
    this.edition = ed;
    this.url = url;
    var ui = this.host.getAttribute('data-ui-lang') || ed.lang;
    var labels = LABELS[ui] || LABELS.en;
    var article = el('article', 'byline');
    article.lang = ui;
    var body = el('div', 'byline-body');
    body.lang = ed.lang;
    ed.body.forEach(function (b) {
      var node = block(b, url);
      if (node) body.append(node);
    });
    article.append(pickers(this, ed, ui, labels), header(ed, ui, labels), body, source(ed, url, ui, labels));
    var carousel = related(ed, url, ui, labels);
    if (carousel) article.append(carousel);
    this.root.replaceChildren(article);
  };

  function mount(host) {
    if (host.__vanilla) return;
    var src = (host.getAttribute('data-src') || '')
      .replace('{lang}', host.getAttribute('data-lang') || '')
      .replace('{country}', host.getAttribute('data-country') || '');
    var url = safeUrl(src, location.href);
    if (!url) return console.error('vanilla: data-src is not an http(s) URL');
    host.__vanilla = new Widget(host);
    host.__vanilla.load(url);
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll('.byline-article'), mount);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
