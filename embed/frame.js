/* Byline iframe mode, inside the frame: builds the placeholder from the URL fragment the
 * loader wrote, and reports the widget's events (height included) to the embedding page,
 * and only to the origin that page declared. */
(function () {
  'use strict';
  var params = new URLSearchParams(location.hash.slice(1));
  var parentOrigin = params.get('origin');
  if (!parentOrigin || window.parent === window) return;
  var el = document.createElement('div');
  el.className = 'byline-article';
  params.forEach(function (value, name) {
    if (name !== 'origin' && /^[a-z-]+$/.test(name)) el.setAttribute('data-' + name, value);
  });
  el.setAttribute('data-loading', 'eager');
  var kept = false;
  ['ready', 'render', 'error', 'languagechange', 'countrychange', 'resize', 'listen', 'compare', 'share'].forEach(function (name) {
    el.addEventListener(name, function (event) {
      if (name === 'render') kept = true;
      var detail = Object.assign({}, event.detail || {});
      if (name === 'error') detail.kept = kept;
      window.parent.postMessage({ type: 'byline:' + name, detail: detail }, parentOrigin);
    });
  });
  document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(el); });
})();
