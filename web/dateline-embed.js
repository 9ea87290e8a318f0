/*
 * dateline-embed.js: starts every Dateline widget on a page.
 *
 *   <div data-dateline="https://example.org/dist/anchorage-summit/" data-mode="companion"></div>
 *   <script src="https://example.org/dist/dateline-embed.js" async></script>
 *
 * Implemented: [X] idempotent auto-start of [data-dateline] elements, including ones added later
 *              [X] each article's module script loaded and its wasm compiled once per page
 *              [X] one canvas, module instance and WebGL context per widget
 *              [X] ResizeObserver sizing, data-theme (light|dark|auto, live prefers-color-scheme)
 *              [X] `dateline:ready` and `dateline:select` events; element.dateline.state(), select(), targets()
 *              [X] #quote=<id> / #speaker=<id> on the standalone page (read at start, kept in sync)
 *              [X] copy link to the selection (clipboard, within the click's user activation)
 *              [X] starts when near the viewport; no frames while off screen
 *              [X] WebGL context loss: the HTML article returns if the context does not come back
 *              [X] no WebGL2 (or shaders that do not link): the module says so and the HTML
 *                  article is shown (a script embed's fetched one too)
 *              [X] forced-colors: the HTML article, not the canvas
 *              [X] DOM mirror: quotes, people and places as buttons in the semantic article
 *                  (a script embed fetches it: <slug>/article.html, from the compiler),
 *                  kept in sync with the canvas (aria-pressed, focus ring, aria-live announcement)
 *              [X] iframes: dateline-frame.js (next to this file) is loaded only when the page
 *                  has [data-dateline-frame] elements or is the standalone page inside a frame
 *              [X] single file: data-dateline="inline" takes the module registered by an inline
 *                  script and the wasm from <script type="application/octet-stream"
 *                  data-dateline-wasm> (base64, data-encoding="gzip" if compressed)
 *              [X] URLs in markup are data: every URL loaded or framed is http(s) on this
 *                  script's own origin, or on an origin the page lists on this script's tag,
 *                  <script src=".../dateline-embed.js" data-dateline-origins="https://a.example …">;
 *                  anything else is refused with one console message and the element is left
 *                  as it was (see docs/hosting.md)
 *              [X] the fetched article is rebuilt from an allowlist of elements and
 *                  attributes: no script, handler, URL or style survives
 *              [X] a script embed brings its own styles into a shadow root: the host's CSS
 *                  (resets, frameworks) cannot size or show its parts, and it needs no
 *                  stylesheet of its own on the page
 *              [X] before the widget draws, the element's own content (the snippet's
 *                  headline link, what readers without JavaScript get) shows in a box of
 *                  the widget's height (data-heights="<width>:<height> …" from the editor
 *                  page; the snippet's own <style> reserves it before this script runs)
 *                  marked aria-busy
 */
(function () {
  'use strict';
  // A second copy of this script only rescans; an element named DatelineEmbed is not a copy.
  if (window.DatelineEmbed && typeof window.DatelineEmbed.scan === 'function') { window.DatelineEmbed.scan(); return; }

  // Markup can shadow document properties (<img name="currentScript">): the
  // getter on Document.prototype reads the real one.
  var me = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript').get.call(document);
  if (!(me instanceof HTMLScriptElement)) me = null;
  var embedSrc = me ? me.src : '';
  var allowedOrigins = trustedOrigins(embedSrc, me && me.getAttribute('data-dateline-origins'));
  var refused = typeof WeakSet === 'function' ? new WeakSet() : null;
  var frameScript = null;
  var scripts = {};  // module script URL -> Promise of its factory
  var wasm = {};     // wasm URL -> Promise of a compiled WebAssembly.Module
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  // The origins whose files may become code in this page: this script's own
  // (an inline copy: the page's), and those the page lists on the script tag.
  function trustedOrigins(src, listed) {
    var origins = [];
    var own = httpOrigin(src || location.href);
    if (own) origins.push(own);
    String(listed || '').split(/\s+/).forEach(function (entry) {
      var origin = entry && httpOrigin(entry);
      if (origin && entry.replace(/\/$/, '') === origin) origins.push(origin);
    });
    return origins;
  }

  function httpOrigin(url) {
    try {
      var u = new URL(url);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : '';
    } catch (e) { return ''; }
  }

  // Resolves a URL from markup; null unless it is http(s) on a trusted origin
  // with no credentials. The URL parser, not a pattern, decides the scheme,
  // so case, whitespace and control characters change nothing.
  function allowedUrl(raw) {
    var u;
    try { u = new URL(String(raw), documentBase()); } catch (e) { return null; }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.username || u.password || allowedOrigins.indexOf(u.origin) < 0) return null;
    return u;
  }

  function documentBase() {
    var base = Object.getOwnPropertyDescriptor(Node.prototype, 'baseURI').get.call(document);
    return typeof base === 'string' ? base : location.href;
  }

  // One message per refused element, however often the page is scanned.
  function refuse(el, attribute, value) {
    if (refused) { if (refused.has(el)) return; refused.add(el); }
    console.error('dateline: refused ' + attribute + '="' + String(value).slice(0, 200) + '": only http(s) URLs on ' +
                  (allowedOrigins.join(' ') || 'no origin') + ' are loaded; add an origin with data-dateline-origins ' +
                  'on the dateline-embed.js script tag (docs/hosting.md)');
  }

  // A fetch the browser blocks (CORS, offline, a bad certificate) says only
  // "Failed to fetch": the message names the URL and the likely fix.
  function load(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('dateline: cannot load ' + url + ' (HTTP ' + response.status + ')');
      return response;
    }, function () {
      throw new Error('dateline: cannot load ' + url + ': the request failed or was blocked ' +
                      '(from another origin the server must send Access-Control-Allow-Origin; docs/hosting.md)');
    });
  }

  // The first failure of a widget is its story; the rest follow from it.
  function report(el, err) {
    if (el.__datelineReported) return;
    el.__datelineReported = true;
    console.error(err && /^dateline:/.test(err.message) ? err.message : err);
  }

  // The script embed's styles, inside its shadow root (constructed sheets
  // are not inline styles to a host's CSP). The standalone page links dateline.css.
  var SHADOW_CSS =
    ':host{display:block;position:relative;box-sizing:border-box}' +
    '.dateline-canvas{display:block;box-sizing:content-box;width:100%;max-width:none;height:0;margin:0;padding:0;border:0;outline:none}' +
    '.dateline-canvas:focus-visible{outline:2px solid #1a66cc;outline-offset:2px}' +
    '.dateline-placeholder{position:absolute;inset:0;overflow:hidden;padding:16px;border-radius:4px;background:#f2f2f0}' +
    '@media (prefers-color-scheme:dark){.dateline-placeholder{background:#1d1d1d}}' +
    ':host(.dateline--live) .dateline-placeholder{display:none}' +
    ':host(.dateline--fallback) .dateline-placeholder{position:static;background:none;padding:0}' +
    '.dateline-article--fetched{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;' +
    'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}' +
    ':host(.dateline--fallback) .dateline-article--fetched{position:static;display:flow-root;width:auto;height:auto;margin:0;' +
    'overflow:visible;clip:auto;clip-path:none;white-space:normal;line-height:1.5}' +
    ':host(.dateline--fallback) .dateline-canvas{display:none}' +
    '.dateline-mirror-button{all:unset;cursor:pointer}' +
    '.dateline-live{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}' +
    '@media (forced-colors:active){.dateline-canvas{display:none}}';
  var shadowSheet = null;

  // The element's shadow root with the embed's styles; the element itself
  // when it cannot have one (an <a>, say), as before.
  function shadowOf(el) {
    if (!el.attachShadow || el.shadowRoot) return el;
    var root;
    try { root = el.attachShadow({ mode: 'open' }); } catch (e) { return el; }
    if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function') {
      if (!shadowSheet) { shadowSheet = new CSSStyleSheet(); shadowSheet.replaceSync(SHADOW_CSS); }
      root.adoptedStyleSheets = [shadowSheet];
    } else if (embedSrc) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('dateline.css', embedSrc).href;
      root.appendChild(link);
    }
    // What the page put inside the element (the snippet's headline link)
    // shows until the widget draws, and again if it cannot.
    var placeholder = document.createElement('div');
    placeholder.className = 'dateline-placeholder';
    placeholder.appendChild(document.createElement('slot'));
    root.appendChild(placeholder);
    return root;
  }

  // The height the widget will have at the element's width, from the
  // editor's measurements (data-heights="320:1510 375:1450 …"), so the page
  // does not shift when it draws.
  function reservedHeight(el) {
    var pairs = (el.getAttribute('data-heights') || '').split(/[\s,]+/).map(function (p) {
      var m = /^(\d+):(\d+)$/.exec(p);
      return m ? [Number(m[1]), Number(m[2])] : null;
    }).filter(Boolean).sort(function (a, b) { return a[0] - b[0]; });
    if (!pairs.length) return 0;
    var w = el.getBoundingClientRect().width;
    for (var i = 1; i < pairs.length; i++) {
      if (w <= pairs[i][0]) {
        var a = pairs[i - 1], b = pairs[i], t = Math.max(0, (w - a[0]) / (b[0] - a[0]));
        return Math.round(a[1] + t * (b[1] - a[1]));
      }
    }
    return pairs[w < pairs[0][0] ? 0 : pairs.length - 1][1];
  }

  function loadFactory(url) {
    if (!scripts[url]) {
      scripts[url] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = url;
        s.async = true;
        s.onload = function () {
          var factory = self.DatelineModules && self.DatelineModules[s.src];
          if (typeof factory === 'function') resolve(factory); else reject(new Error('dateline: ' + url + ' did not register a module'));
        };
        s.onerror = function () { reject(new Error('dateline: cannot load ' + url)); };
        document.head.appendChild(s);
      });
    }
    return scripts[url];
  }

  function compileWasm(url) {
    if (!wasm[url]) {
      wasm[url] = load(url).then(function (response) {
        return WebAssembly.compileStreaming && /wasm/.test(response.headers.get('Content-Type') || '')
          ? WebAssembly.compileStreaming(response)
          : response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
      });
    }
    return wasm[url];
  }

  function option(el, name, fallback) {
    if (el.hasAttribute('data-url-options')) {
      var fromUrl = new URLSearchParams(location.search).get(name);
      if (fromUrl) return fromUrl;
    }
    return el.getAttribute('data-' + name) || fallback;
  }

  // In forced-colors mode (Windows high contrast) the reader's colours must
  // win; a canvas cannot follow them, so the HTML article stays the page.
  var forcedColors = window.matchMedia ? window.matchMedia('(forced-colors: active)') : null;

  function start(el) {
    if (el.dateline) return;  // already started: running twice must be harmless
    var src = el.getAttribute('data-dateline') || './';
    var base = '';  // '' = the inline module of the single file
    if (src !== 'inline') {
      var url = allowedUrl(src);
      if (!url) { refuse(el, 'data-dateline', src); return; }
      url.search = '';
      url.hash = '';
      base = url.href;
      if (base.charAt(base.length - 1) !== '/') base += '/';
    }
    // A script embed arrives without its article; the standalone and
    // offline pages hold it, styled by the page's dateline.css.
    var root = el.querySelector('.dateline-article') || !base ? el : shadowOf(el);
    if (forcedColors && forcedColors.matches) {
      el.dateline = { state: function () { return null; } };
      el.classList.add('dateline--fallback');
      if (root !== el) fetchArticle(el, root, base + 'article.html');
      return;
    }
    // The snippet's <style> may have reserved the height already (before
    // this script ran); otherwise the script does, from the same table.
    var reserved = root !== el ? reservedHeight(el) : 0;
    if (reserved && !parseFloat(getComputedStyle(el).minHeight)) el.style.minHeight = reserved + 'px';
    el.setAttribute('aria-busy', 'true');
    var theme = option(el, 'theme', 'auto');
    var state = { selected: null, mode: option(el, 'mode', 'full'), theme: theme, frames: 0 };
    var canvas = document.createElement('canvas');
    canvas.className = 'dateline-canvas';
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Interactive view of this article. The article follows as text.');
    root.insertBefore(canvas, root.firstChild);
    var module = null;
    var urlOptions = el.hasAttribute('data-url-options');

    // Hands a string to the module through its input buffer.
    function callWithString(fn, text) {
      module.stringToUTF8(String(text), module._dateline_input(), 512);
      return fn();
    }

    var host = {
      mode: state.mode,
      selected: function (type, id, fragment) {
        state.selected = type ? { type: type, id: id } : null;
        if (urlOptions && history.replaceState) {
          history.replaceState(null, '', fragment ? '#' + fragment : location.pathname + location.search);
        }
        if (host.mirror) host.mirror.selected(type, id);
        el.dispatchEvent(new CustomEvent('dateline:select', { bubbles: true, detail: { type: type || null, id: id || null } }));
      },
      copyLink: function (fragment) {
        var url = location.href.split('#')[0] + (fragment ? '#' + fragment : '');
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).catch(function () { /* denied: nothing to undo */ });
        }
      },
      contentHeight: function (px) { canvas.style.height = px + 'px'; },
      frame: function () { state.frames++; },
      unavailable: function () { fallBack(el, canvas); },
      dark: function () { return theme === 'dark' || (theme === 'auto' && !!darkQuery && darkQuery.matches); },
      ready: function (firstFrameMs, slug) {
        el.classList.add('dateline--live');
        el.style.minHeight = '0px';  // the canvas has the height now; the snippet's reservation must not linger
        el.removeAttribute('aria-busy');
        el.dispatchEvent(new CustomEvent('dateline:ready', {
          bubbles: true, detail: { slug: slug, firstFrameMs: firstFrameMs }
        }));
      }
    };
    el.dateline = {
      state: function () { return { selected: state.selected, mode: state.mode, theme: theme, frames: state.frames }; },
      select: function (type, id) {
        if (!module) return false;
        return callWithString(module._dateline_select_fragment, type ? type + '=' + id : '') === 1;
      },
      targets: function () {
        return module ? JSON.parse(module.UTF8ToString(module._dateline_targets())) : [];
      }
    };

    function mirror() {
      host.mirror = connectMirror(root, function (type, id) { el.dateline.select(type, id); },
                                  function (fragment) { if (module) callWithString(module._dateline_focus_fragment, fragment); });
      if (host.mirror && state.selected) host.mirror.selected(state.selected.type, state.selected.id);
    }
    // A script embed arrives empty: its article (the same HTML the standalone
    // page holds) is fetched at once, so screen readers and find-in-page have
    // it even before the widget nears the viewport.
    if (root === el) mirror();
    else fetchArticle(el, root, base + 'article.html').then(mirror);

    whenNear(el, function () {
      var attachContext = manageContext(el, canvas);
      boot(el, base, canvas, host, function (m) {
        module = m;
        attachContext();
        new ResizeObserver(function () { module._dateline_resize(); }).observe(canvas);
        if (urlOptions && location.hash.length > 1) callWithString(module._dateline_select_fragment, location.hash.slice(1));
        if (darkQuery && theme === 'auto') {
          darkQuery.addEventListener('change', function () { module._dateline_wake(); });
        }
        // No frames while off screen; input and resizes wait for the return.
        new IntersectionObserver(function (entries) {
          module._dateline_set_visible(entries[entries.length - 1].isIntersecting ? 1 : 0);
        }).observe(canvas);
      });
    });
  }

  // The compiler's <article> is rebuilt element by element from an
  // allowlist: a response that is not what the compiler wrote (a tampered
  // file, a hostile server on an allowed origin) cannot bring a script, a
  // handler, a URL or a style into the page. DOMParser's document is inert,
  // and none of its nodes are adopted.
  var SAFE_ELEMENTS = /^(article|section|header|footer|aside|h[1-6]|p|ul|ol|li|blockquote|q|cite|span|strong|em|b|i|small|sub|sup|abbr|time|br|figure|figcaption)$/;
  var SAFE_ATTRIBUTES = /^(lang|dir|datetime|title|data-(quote|speaker|place))$/;
  var INERT_CONTENT = /^(script|style|template|noscript|textarea|title|xmp|iframe|noembed|noframes|object|embed|svg|math|select)$/;

  function rebuild(node, depth) {
    if (node.nodeType === 3) return document.createTextNode(node.data);
    if (node.nodeType !== 1 || depth > 32) return null;
    var name = node.localName;
    if (INERT_CONTENT.test(name)) return null;
    // Inside a host page the host's own <h1> leads: the article's headings
    // step down one level so the page's outline stays the host's.
    if (/^h[1-5]$/.test(name)) name = 'h' + (Number(name.charAt(1)) + 1);
    var out = SAFE_ELEMENTS.test(name) && node.namespaceURI === 'http://www.w3.org/1999/xhtml'
      ? document.createElement(name) : document.createDocumentFragment();
    if (out.nodeType === 1) {
      for (var a = 0; a < node.attributes.length; a++) {
        var attr = node.attributes[a];
        if (SAFE_ATTRIBUTES.test(attr.name)) out.setAttribute(attr.name, attr.value);
      }
      // Only the compiler's own class names: nothing that host styles or
      // this script's state classes (dateline--live) would act on.
      var classes = (node.getAttribute('class') || '').split(/\s+/).filter(function (c) { return /^dateline-[a-z]+(-[a-z]+)*$/.test(c); });
      if (classes.length) out.setAttribute('class', classes.join(' '));
    }
    for (var child = node.firstChild; child; child = child.nextSibling) {
      var copy = rebuild(child, depth + 1);
      if (copy) out.appendChild(copy);
    }
    return out;
  }

  function fetchArticle(el, root, url) {
    return load(url).then(function (response) {
      return response.text();
    }).then(function (html) {
      var parsed = new DOMParser().parseFromString(html, 'text/html').querySelector('article.dateline-article');
      var article = parsed && rebuild(parsed, 0);
      if (!article || article.nodeType !== 1) throw new Error('dateline: no article in ' + url);
      article.classList.add('dateline-article--fetched');
      root.appendChild(article);
    }).catch(function (err) { report(el, err); });
  }

  function boot(el, base, canvas, host, started) {
    var wasmUrl = base + 'dateline.wasm';
    // The wasm downloads and compiles (off the main thread) while the module
    // script loads, instead of after it.
    var compiled = base ? compileWasm(wasmUrl) : compileInlineWasm();
    compiled.catch(function () { /* reported where it is awaited */ });
    var factoryReady = base ? loadFactory(base + 'dateline.js') : inlineFactory();
    factoryReady.then(function (factory) {
      return factory({
        canvas: canvas,
        datelineHost: host,
        instantiateWasm: function (imports, receive) {
          compiled
            .then(function (module) { return WebAssembly.instantiate(module, imports); })
            .then(function (instance) { receive(instance); })
            .catch(function (err) { fallBack(el, canvas); report(el, err); });
          return {};
        }
      });
    }).then(started).catch(function (err) {
      fallBack(el, canvas);
      report(el, err);
    });
  }

  // The HTML article is the page (a script embed's fetched one shows too):
  // the reader loses nothing but the canvas.
  function fallBack(el, canvas) {
    if (canvas.__datelineContext) canvas.__datelineContext.state = 'gone';  // no longer counted
    canvas.remove();
    el.classList.add('dateline--fallback');
    el.style.minHeight = '0px';
    el.removeAttribute('aria-busy');
  }

  // Starts `fn` once the element is within a screen of the viewport, so a
  // widget far down a long article costs nothing until the reader nears it.
  function whenNear(el, fn) {
    if (!window.IntersectionObserver) { fn(); return; }
    var io = new IntersectionObserver(function (entries) {
      if (!entries[entries.length - 1].isIntersecting) return;
      io.disconnect();
      fn();
    }, { rootMargin: '100% 0px' });
    io.observe(el);
  }

  // ---- WebGL contexts ----------------------------------------------------
  // Chromium keeps 16 live WebGL contexts per page and drops the oldest, for
  // good, when a 17th is made (docs/browser-notes.md). So widgets far from
  // the viewport give theirs back (loseContext) before another widget needs
  // one, and take it back (restoreContext) as they come near again; the
  // platform layer rebuilds its GL objects when the context returns. 12
  // leaves room for the host's own canvases and for iframes.
  var MAX_LIVE_CONTEXTS = 12;
  var contexts = [];  // per started widget: { ext, state: booting|live|released|lost, near, seen }

  function countLive() {
    return contexts.filter(function (c) { return c.state === 'booting' || c.state === 'live'; }).length;
  }

  // Releases the contexts of the widgets seen longest ago, none near the
  // viewport, until one more fits.
  function makeRoom() {
    var spare = contexts.filter(function (c) { return c.state === 'live' && !c.near && c.ext; })
      .sort(function (a, b) { return a.seen - b.seen; });
    while (countLive() >= MAX_LIVE_CONTEXTS && spare.length) {
      var c = spare.shift();
      c.state = 'released';
      c.ext.loseContext();
    }
  }

  function restore(c) {
    makeRoom();
    c.state = 'booting';  // counted from now on; 'live' again when the context is back
    // Not from inside a context-lost event or its microtasks: Chromium refuses it there.
    setTimeout(function () { c.ext.restoreContext(); }, 0);
  }

  // Called before the module makes its context; `attach` once it has.
  function manageContext(el, canvas) {
    var c = { ext: null, state: 'booting', near: true, seen: performance.now() };
    contexts.push(c);
    canvas.__datelineContext = c;
    makeRoom();
    var fallbackTimer = 0;
    new IntersectionObserver(function (entries) {
      c.near = entries[entries.length - 1].isIntersecting;
      if (!c.near) return;
      c.seen = performance.now();
      if (c.state === 'released') restore(c);
    }, { rootMargin: '100% 0px' }).observe(canvas);
    canvas.addEventListener('webglcontextlost', function () {
      if (c.state === 'released') return;  // ours: back when the widget nears the viewport
      // Not ours (the browser dropped it, or a test). Off screen it waits
      // like ours; in view it is asked back; if it does not return, the
      // HTML article is the widget again.
      c.state = c.near ? 'lost' : 'released';
      if (!c.near) return;
      setTimeout(function () { if (c.state === 'lost' && c.ext) restore(c); }, 300);
      fallbackTimer = setTimeout(function () {
        if (c.state === 'live') return;
        el.classList.remove('dateline--live');
        el.classList.add('dateline--fallback');
      }, 2000);
    });
    canvas.addEventListener('webglcontextrestored', function () {
      c.state = 'live';
      clearTimeout(fallbackTimer);
      if (el.classList.contains('dateline--fallback')) {
        el.classList.remove('dateline--fallback');
        el.classList.add('dateline--live');
      }
    });
    return function attach() {
      // The module's own context (getContext returns it); never a new one
      // for a canvas the widget gave up.
      var gl = canvas.isConnected && c.state !== 'gone' ? canvas.getContext('webgl2') : null;
      c.ext = gl && gl.getExtension('WEBGL_lose_context');
      if (!c.ext) c.state = 'gone';
      else if (c.state === 'booting') c.state = 'live';
    };
  }

  var ITEM_ATTRS = { quote: 'data-quote', speaker: 'data-speaker', place: 'data-place' };

  // The semantic article inside the widget is its accessible twin: every
  // quote, person and place becomes a button there, focusing one shows the
  // canvas focus ring on it, activating it selects it, and selections made
  // on the canvas are reflected (aria-pressed) and announced (aria-live).
  function connectMirror(root, select, focus) {
    var article = root.querySelector('.dateline-article');
    if (!article) return null;
    var items = [];
    Object.keys(ITEM_ATTRS).forEach(function (type) {
      var nodes = article.querySelectorAll('[' + ITEM_ATTRS[type] + ']');
      for (var i = 0; i < nodes.length; i++) {
        var node = nodes[i];
        if (node.tagName === 'LI') {
          // A list item keeps its role (lists stay lists); a real button inside it does the work.
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'dateline-mirror-button';
          while (node.firstChild) button.appendChild(node.firstChild);
          node.appendChild(button);
          node = button;
        } else if (node.tagName !== 'BUTTON') {
          node.setAttribute('role', 'button');
          node.tabIndex = 0;
        }
        node.setAttribute('aria-pressed', 'false');
        node.__dateline = { type: type, id: node.getAttribute(ITEM_ATTRS[type]) };
        items.push(node);
      }
    });
    var live = document.createElement('p');
    live.className = 'dateline-live';
    live.setAttribute('aria-live', 'polite');
    article.appendChild(live);

    function itemOf(target) {
      while (target && target !== article) { if (target.__dateline) return target; target = target.parentNode; }
      return null;
    }
    article.addEventListener('click', function (e) {
      var item = itemOf(e.target);
      if (!item) return;
      var pressed = item.getAttribute('aria-pressed') === 'true';
      select(pressed ? '' : item.__dateline.type, pressed ? '' : item.__dateline.id);
    });
    article.addEventListener('keydown', function (e) {
      var item = itemOf(e.target);
      if (!item || item.tagName === 'BUTTON' || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      item.click();
    });
    article.addEventListener('focusin', function (e) {
      var item = itemOf(e.target);
      focus(item ? item.__dateline.type + '=' + item.__dateline.id : '');
    });
    article.addEventListener('focusout', function () { focus(''); });

    return {
      selected: function (type, id) {
        var label = '';
        items.forEach(function (node) {
          var on = node.__dateline.type === type && node.__dateline.id === id;
          node.setAttribute('aria-pressed', on ? 'true' : 'false');
          if (on && !label) label = node.textContent;
        });
        live.textContent = type ? 'Selected ' + type + ': ' + label : 'Selection cleared';
      }
    };
  }

  // The single-file page: the module was registered by an inline script and
  // the wasm is base64 text in the page; nothing is fetched.
  function inlineFactory() {
    var factory = self.DatelineModules && self.DatelineModules.inline;
    return typeof factory === 'function' ? Promise.resolve(factory) : Promise.reject(new Error('dateline: no inline module'));
  }

  function compileInlineWasm() {
    if (!wasm.inline) {
      wasm.inline = new Promise(function (resolve) {
        var holder = document.querySelector('script[data-dateline-wasm]');
        if (!holder) throw new Error('dateline: no inline wasm');
        var text = atob(holder.textContent.replace(/\s+/g, ''));
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        if (holder.getAttribute('data-encoding') !== 'gzip') { resolve(bytes); return; }
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
        resolve(new Response(stream).arrayBuffer());
      }).then(function (bytes) { return WebAssembly.compile(bytes); });
    }
    return wasm.inline;
  }

  // Iframe embeds and the standalone page inside a frame need dateline-frame.js.
  function needFrames() {
    var framed;
    try { framed = window.self !== window.top; } catch (e) { framed = true; }
    if (!(framed && document.querySelector('[data-dateline][data-url-options]')) &&
        !document.querySelector('[data-dateline-frame]')) return;
    if (window.DatelineFrame && typeof window.DatelineFrame.scan === 'function') { window.DatelineFrame.scan(); return; }
    if (frameScript || !embedSrc) return;
    frameScript = document.createElement('script');
    frameScript.src = new URL('dateline-frame.js', embedSrc).href;
    frameScript.async = true;
    document.head.appendChild(frameScript);
  }

  function scan(root) {
    var found = (root || document).querySelectorAll('[data-dateline]');
    for (var i = 0; i < found.length; i++) start(found[i]);
    needFrames();
  }

  // dateline-frame.js frames only the URLs this policy allows.
  window.DatelineEmbed = {
    scan: scan,
    allowedUrl: function (raw) { var u = allowedUrl(raw); return u ? u.href : null; },
    // For tests and the curious: how many widgets hold a WebGL context now.
    contexts: function () {
      return { live: countLive(), released: contexts.filter(function (c) { return c.state === 'released'; }).length, widgets: contexts.length };
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { scan(); });
  else scan();
  new MutationObserver(function () { scan(); }).observe(document.documentElement, { childList: true, subtree: true });
})();
