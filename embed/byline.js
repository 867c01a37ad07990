/*! Byline loader: one script tag, any number of placeholders.
 *
 *   <script async src="https://widgets.example/byline.js"></script>
 *   <div class="byline-article" data-src="https://news.example/a/{lang}-{country}.json"
 *        data-lang="de" data-country="MX">fallback</div>
 *
 * Loads the WebAssembly module once (relative to this script's own URL, so it can live on a
 * CDN), mounts one independent widget per placeholder, lazily by default, and offers
 * window.Byline.load(element?) / .destroy(element) plus a pre-load queue:
 *   window.byline = window.byline || []; byline.push(["load", element]);
 * It creates no inline script or style, so it works under strict CSP and Trusted Types.
 */
(function () {
  'use strict';
  if (window.Byline && window.Byline.version) return; // included twice: the first one serves

  // Milestones of the cold path, for the benchmark (bench/) and the browser's profiler:
  // byline:loader-start, byline:glue (glue module evaluated), byline:wasm (instantiated), and
  // byline:formats-glue, byline:formats-wasm for the formats module. Every browser that runs
  // this loader (fetch, import()) has performance.mark.
  function mark(name) {
    performance.mark('byline:' + name);
  }
  mark('loader-start');

  var SELECTOR = '.byline-article';
  var script = document.currentScript;
  var base = new URL('.', (script && script.src) || location.href).href;
  var widgetOrigin = new URL(base).origin;
  var mounted = new Map(); // placeholder -> WidgetHandle, or an iframe record
  var waiting = new Map(); // placeholder -> true while waiting to come into view
  var observer = null;
  var lastShown = new WeakMap(); // placeholder -> {url, lang, country} of its last render
  var liveGlue = null; // the widget module's glue whose instance is running
  var generation = 1; // which instance: 2 and up after restarts
  var restartedAt = -Infinity; // when the module was last restarted after a panic
  var dead = null; // the reason, once the module has panicked twice: never call it again

  function emit(el, name, detail) {
    el.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: detail }));
  }

  function setting(el, name) {
    var own = el.getAttribute('data-' + name);
    if (own) return own.trim();
    var meta = document.querySelector('meta[name="byline:' + name + '"]');
    return meta ? (meta.getAttribute('content') || '').trim() : '';
  }

  // A WebAssembly module next to this script, compiled while it streams in (a server that
  // sends another content type gets it compiled once downloaded).
  function compileWasm(name) {
    return fetch(base + name + '_bg.wasm').then(function (response) {
      if (!response.ok) throw new Error(response.url + ' answered HTTP ' + response.status);
      if (/^application\/wasm\b/.test(response.headers.get('Content-Type') || '')) {
        return WebAssembly.compileStreaming(response);
      }
      return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }

  // A wasm-bindgen module next to this script, initialised: its glue from `glueUrl`, its
  // compiled code from `wasm` (a promise of a WebAssembly.Module). The wasm download starts
  // with the glue's, not after it. `tag` prefixes its milestones (mark above).
  function importWasm(glueUrl, wasm, tag) {
    wasm.catch(function () {}); // reported through init below, if the glue loads at all
    return import(glueUrl).then(function (glue) {
      mark(tag + 'glue');
      return glue.default({ module_or_path: wasm }).then(function () {
        mark(tag + 'wasm');
        return glue;
      });
    });
  }

  // `load` once per page, however many callers; a failed load is tried again on the next call.
  function once(load) {
    var promise = null;
    return function () {
      if (!promise) {
        promise = load().catch(function (error) {
          promise = null;
          throw error;
        });
      }
      return promise;
    };
  }

  // One widget module instance for the page, however many placeholders. Its compiled code is
  // kept: after a panic, a new instance of it starts without a download. Each instance has
  // its own glue (the same file, imported under a fragment of its own: a separate module
  // record, so nothing of the aborted instance is shared with the new one).
  var widgetWasm = null;
  function widgetGlueUrl() {
    return base + 'byline-widget.js' + (generation > 1 ? '#' + generation : '');
  }
  function startWidgetModule(tag) {
    return importWasm(widgetGlueUrl(), widgetWasm, tag).then(function (glue) {
      glue.setFormatsLoader(loadFormats);
      glue.setPrefetched(takePrefetched);
      liveGlue = glue;
      return glue;
    });
  }
  var widgetModule = once(function () {
    widgetWasm = compileWasm('byline-widget');
    return startWidgetModule('');
  });

  // The JSON-LD and JSON Feed module: the widget calls this only when a page uses those formats
  // (src/formats.rs), so other pages never download it.
  var loadFormats = once(function () {
    return importWasm(base + 'byline-formats.js', compileWasm('byline-formats'), 'formats-');
  });

  // The article's first request starts with the module's download rather than after it: for
  // a plain data-src (no {lang}/{country} template) the loader fetches it, as privately as the
  // widget would (no cookies, referrer cut to the origin), and the widget's first request for
  // that URL takes the response (src/prefetch.rs).
  var prefetched = new Map(); // absolute URL -> { response, controller }, taken once
  function prefetch(el) {
    var src = setting(el, 'src');
    if (!src || src.indexOf('{') !== -1 || setting(el, 'jsonld')) return;
    var url;
    try {
      url = new URL(src, document.baseURI);
    } catch (error) {
      return; // the widget reports the bad attribute
    }
    if (!/^https?:$/.test(url.protocol) || prefetched.has(url.href)) return;
    var controller = new AbortController();
    var response = fetch(url.href, {
      credentials: 'omit',
      referrerPolicy: 'strict-origin-when-cross-origin',
      signal: controller.signal,
    });
    response.catch(function () {}); // the widget sees the failure when it takes the response
    prefetched.set(url.href, { response: response, controller: controller });
  }
  // The widget's signal (a newer choice, its time limit) then aborts the request, body included.
  function takePrefetched(url, signal) {
    var entry = prefetched.get(url);
    if (!entry) return undefined;
    prefetched.delete(url);
    var abort = function () { entry.controller.abort(signal.reason); };
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    return entry.response;
  }

  function explain(error) {
    var text = String((error && error.message) || error);
    if (/wasm-unsafe-eval|Content Security Policy|CompileError/i.test(text)) {
      return "the page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to script-src (" + text + ')';
    }
    return 'the widget could not be loaded from ' + base + ' (' + text + ')';
  }

  // Without the module: the placeholder's own content shows through an empty slot.
  function showFallback(el) {
    if (!el.shadowRoot) return;
    el.shadowRoot.replaceChildren(document.createElement('slot'));
    el.shadowRoot.adoptedStyleSheets = [];
  }

  function mountInline(el) {
    if (dead) {
      emit(el, 'error', { reason: 'panic', message: dead });
      return;
    }
    mounted.set(el, 'pending');
    prefetch(el);
    el.addEventListener('render', rememberShown);
    widgetModule().then(
      function (glue) {
        // Destroyed meanwhile, or the module restarted (the restart mounts it).
        if (mounted.get(el) !== 'pending' || glue !== liveGlue) return;
        mountWith(glue, el, undefined);
      },
      function (error) {
        mounted.delete(el);
        var message = 'Byline: ' + explain(error);
        console.error(message);
        emit(el, 'error', { reason: 'wasm', message: message });
      }
    );
  }

  // `resume`: the edition to start at instead of the configured one, after a restart.
  function mountWith(glue, el, resume) {
    try {
      mounted.set(el, glue.mount(el, resume));
    } catch (error) {
      if (isModuleTrap(error)) onPanic(error);
      else mounted.delete(el); // mount() already logged and emitted the reason
    }
  }

  // What a restart resumes: the edition each widget showed last, as its render event said.
  function rememberShown(event) {
    var el = event.currentTarget;
    var detail = event.detail;
    if (event.target !== el || mounted.get(el) === 'pending' || !detail || typeof detail.url !== 'string') return;
    lastShown.set(el, { url: detail.url, lang: detail.lang, country: detail.country });
  }

  // Iframe mode, for hosts that cannot allow WebAssembly: the widget runs in a frame from its
  // own origin and reports its height. Messages are origin-checked both ways.
  function mountFrame(el) {
    var params = new URLSearchParams();
    for (var i = 0; i < el.attributes.length; i++) {
      var attr = el.attributes[i];
      if (attr.name.indexOf('data-') === 0 && attr.name !== 'data-mode') params.set(attr.name.slice(5), attr.value);
    }
    params.set('src', new URL(setting(el, 'src') || '', location.href).href);
    params.set('origin', location.origin);
    // In the frame, 'self' would be the widget's origin: it is the page's host here.
    var imageHosts = setting(el, 'image-hosts');
    if (imageHosts) params.set('image-hosts', imageHosts.replace(/'self'/gi, location.host));
    var root = el.shadowRoot || el.attachShadow({ mode: 'open' });
    var fallback = document.createElement('slot');
    var frame = document.createElement('iframe');
    frame.src = base + 'frame.html#' + params.toString();
    frame.title = setting(el, 'title') || 'Article';
    frame.setAttribute('scrolling', 'no');
    // The Share control: the reader's share sheet, else the clipboard (never without a click).
    frame.allow = 'web-share; clipboard-write';
    frame.style.cssText = 'display:block;width:100%;height:0;border:0;';
    root.replaceChildren(fallback, frame);
    function onMessage(event) {
      if (event.origin !== widgetOrigin || event.source !== frame.contentWindow) return;
      var data = event.data || {};
      if (typeof data.type !== 'string' || data.type.indexOf('byline:') !== 0) return;
      var name = data.type.slice(7);
      if (name === 'resize') frame.style.height = Math.ceil(Number(data.detail && data.detail.height) || 0) + 'px';
      if (name === 'render') fallback.hidden = true;
      if (name === 'error' && !data.detail.kept) fallback.hidden = false;
      emit(el, name, data.detail);
    }
    window.addEventListener('message', onMessage);
    mounted.set(el, {
      frame: true,
      destroy: function () {
        window.removeEventListener('message', onMessage);
        showFallback(el);
      },
      free: function () {},
    });
  }

  function mount(el) {
    if (mounted.has(el)) return;
    waiting.delete(el);
    if (observer) observer.unobserve(el);
    if (setting(el, 'mode') === 'iframe') mountFrame(el);
    else mountInline(el);
  }

  // From the moment the loader sees an inline placeholder, it is as tall as the widget's
  // loading state, so a reader who jumps to it (an anchor, scrollIntoView) sees nothing move
  // when the widget mounts. The height is a zero-width float in the widget's font size (the
  // reader's default, as in the widget), beside the slot through which the placeholder's own
  // content shows as before. The widget replaces both when it mounts (src/hooks/
  // use_shadow_root.rs); if it cannot mount (an `error` event) or is destroyed first, the
  // placeholder is given back as it was.
  var RESERVE_CSS = '.byline-reserve{display:flow-root}' +
    '.byline-reserve__height{all:initial;float:left;width:0;height:72.5em}';
  var reserveSheet = null;
  function reserve(el) {
    if (setting(el, 'mode') === 'iframe') return;
    try {
      if (!reserveSheet) {
        reserveSheet = new CSSStyleSheet();
        reserveSheet.replaceSync(RESERVE_CSS);
      }
      var root = el.shadowRoot || el.attachShadow({ mode: 'open' });
      if (root.childNodes.length > 1) return; // not an empty root or the fallback's slot
      var box = document.createElement('div');
      var height = document.createElement('div');
      box.className = 'byline-reserve';
      height.className = 'byline-reserve__height';
      box.append(height, document.createElement('slot'));
      root.replaceChildren(box);
      root.adoptedStyleSheets = [reserveSheet];
    } catch (error) {
      // No constructable stylesheets, or no shadow root here: the widget reports the latter.
    }
  }
  // Until the widget has taken the root over.
  function unreserve(el) {
    var box = el.shadowRoot && el.shadowRoot.firstChild;
    if (box && box.className === 'byline-reserve') showFallback(el);
  }
  document.addEventListener('error', function (event) { unreserve(event.target); });

  function watch(el) {
    if (mounted.has(el) || waiting.has(el)) return;
    reserve(el);
    if (setting(el, 'loading') === 'eager' || !('IntersectionObserver' in window)) return mount(el);
    if (!observer) {
      observer = new IntersectionObserver(
        function (entries) {
          entries.forEach(function (entry) {
            if (entry.isIntersecting) mount(entry.target);
          });
        },
        { rootMargin: '400px 0px' }
      );
    }
    waiting.set(el, true);
    observer.observe(el);
  }

  /** Mounts every placeholder in `root` (default: the document), or `root` itself. */
  function load(root) {
    root = root || document;
    if (root.matches && root.matches(SELECTOR)) return watch(root);
    Array.prototype.forEach.call(root.querySelectorAll(SELECTOR), watch);
  }

  /** Removes the widget from `el`; its own content shows again. */
  function destroy(el) {
    if (observer) observer.unobserve(el);
    waiting.delete(el);
    unreserve(el);
    var handle = mounted.get(el);
    mounted.delete(el);
    lastShown.delete(el);
    if (handle && handle !== 'pending') {
      try {
        handle.destroy();
        handle.free();
      } catch (error) {
        if (!isModuleTrap(error)) throw error;
        onPanic(error);
      }
    }
  }

  // A panic (or any other trap) aborts the WebAssembly instance that every widget on the page
  // shares. Release builds abort without unwinding or hooks, so the trap is recognised here:
  // a WebAssembly.RuntimeError thrown through our code.
  function isModuleTrap(error) {
    return typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError &&
      String(error.stack).indexOf(base) !== -1;
  }

  // A trap that went through the glue of an instance already replaced: not a new panic.
  function isFromReplacedInstance(error) {
    var stack = String(error.stack);
    return stack.indexOf(base + 'byline-widget.js') !== -1 && stack.indexOf(widgetGlueUrl() + ':') === -1;
  }

  // The first panic restarts the module: a new instance of the compiled code (no download),
  // every inline widget mounted again at the edition it showed, each told once through an
  // `error` event. A second panic within a minute means the fault comes back: every widget
  // goes back to its placeholder's content for good. Iframe widgets run in their own frame.
  function onPanic(error) {
    if (dead) return;
    var now = Date.now();
    if (now - restartedAt < 60000 || !widgetWasm) return stop(error);
    restartedAt = now;
    var message = 'Byline restarted after an internal error (' + error + ')';
    console.error(message);
    var widgets = [];
    var handles = [];
    mounted.forEach(function (handle, el) {
      if (handle.frame) return;
      widgets.push(el);
      if (handle !== 'pending') handles.push(handle);
      mounted.set(el, 'pending');
    });
    liveGlue = null;
    // Best effort, so the aborted instance stops its requests, timers and listeners: its own
    // memory may be inconsistent, so whatever it throws now is ignored.
    handles.forEach(function (handle) {
      try {
        handle.destroy();
        handle.free();
      } catch (ignored) {}
    });
    generation += 1;
    var restart = startWidgetModule('restart-');
    widgetModule = function () { return restart; };
    restart.then(function (glue) {
      widgets.forEach(function (el) {
        if (mounted.get(el) !== 'pending') return; // destroyed meanwhile
        if (el.shadowRoot) el.shadowRoot.replaceChildren();
        emit(el, 'error', { reason: 'panic', message: message, restarted: true });
        mountWith(glue, el, lastShown.get(el));
      });
    }, stop);
  }

  // Every inline widget goes back to its placeholder's content, and the module is never called
  // again.
  function stop(error) {
    if (dead) return;
    dead = 'Byline stopped after an internal error (' + error + ')';
    console.error(dead);
    liveGlue = null;
    Array.from(mounted).forEach(function (entry) {
      var el = entry[0];
      if (entry[1].frame) return;
      mounted.delete(el);
      showFallback(el);
      emit(el, 'error', { reason: 'panic', message: dead, restarted: false });
    });
  }

  // Traps in callbacks (events, timers, fetches) reach the page as uncaught errors.
  function onUncaught(event) {
    var error = event.error || event.reason;
    if (!isModuleTrap(error)) return;
    event.preventDefault(); // handled: the reader sees the widget again, the console our message
    if (!isFromReplacedInstance(error)) onPanic(error);
  }
  window.addEventListener('error', onUncaught);
  window.addEventListener('unhandledrejection', onUncaught);

  function run(command) {
    if (typeof command === 'function') return command(window.Byline);
    if (Array.isArray(command) && typeof window.Byline[command[0]] === 'function') {
      return window.Byline[command[0]].apply(null, command.slice(1));
    }
    console.error('Byline: unknown command in window.byline queue', command);
  }

  window.Byline = { version: '0.1.0', load: load, destroy: destroy };
  var queued = Array.isArray(window.byline) ? window.byline : [];
  window.byline = { push: run };
  queued.forEach(run);

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { load(); });
  } else {
    load();
  }
})();
