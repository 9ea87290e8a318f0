/*
 * dateline-frame.js: Dateline inside and around iframes. dateline-embed.js
 * loads it (same directory) only when a page needs it:
 *
 * Child: the standalone page (`<slug>/?mode=companion`) running inside a frame
 *   reports its content height to the parent, in Pym.js v1 messages
 *   (`pymxPYMx<childId>xPYMxheightxPYMx<px>`, so pages that already use
 *   pym.js need nothing new) and in AMP's `{sentinel: 'amp', type: 'embed-size',
 *   height}`. It reads `childId` (default "dateline") and `parentUrl` from its
 *   query string as pym's child does, sends the height at start and whenever
 *   it changes, answers a pym `width` message from its parent with the
 *   height (as pym's child does), adds `embedded` to <html>, and posts to the
 *   parent's origin when known (location.ancestorOrigins, then `parentUrl`,
 *   then the referrer). It also sends `dateline-title` (the headline) so a
 *   parent can title the frame; pym parents ignore types they do not know.
 *   It acts on no other message: it never navigates or scrolls anything.
 *
 * Parent: auto-height iframes on a host page, two forms:
 *   <div data-dateline-frame="https://example.org/dist/anchorage-summit/?mode=companion"
 *        data-title="Interactive: …"></div>
 *     becomes an iframe with pym's parameters (initialWidth, childId, parentUrl)
 *     appended, like `new pym.Parent(...)` does;
 *   <iframe data-dateline-frame src="https://example.org/dist/anchorage-summit/?mode=companion"
 *           title="…" width="100%" height="…"></iframe>
 *     is adopted as it is (no reload; the child's id is the src's childId or
 *     "dateline"): its `height` attribute holds if the script never runs.
 *   The frame is resized on height messages only when `event.source` is that
 *   frame's own window; navigation and scroll requests are ignored.
 */
(function () {
  'use strict';
  if (window.DatelineFrame && typeof window.DatelineFrame.scan === 'function') { window.DatelineFrame.scan(); return; }

  var DELIMITER = 'xPYMx';
  var DEFAULT_ID = 'dateline';

  function pymMessage(id, type, message) {
    return ['pym', id, type, message].join(DELIMITER);
  }

  // pym's own parser: ^pym xPYMx <id> xPYMx (\S+) xPYMx (.*)$
  function parsePym(data, id) {
    if (typeof data !== 'string') return null;
    var prefix = 'pym' + DELIMITER + id + DELIMITER;
    if (data.slice(0, prefix.length) !== prefix) return null;
    var rest = data.slice(prefix.length);
    var cut = rest.indexOf(DELIMITER);
    if (cut < 1) return null;
    var type = rest.slice(0, cut);
    if (/\s/.test(type)) return null;
    return { type: type, message: rest.slice(cut + DELIMITER.length) };
  }

  function originOf(url) {
    try {
      var origin = new URL(url).origin;
      return origin && origin !== 'null' ? origin : '';
    } catch (e) { return ''; }
  }

  // The same lookup as pym's _getParameterByName.
  function param(search, name) {
    var match = new RegExp('[\\?&]' + name + '=([^&#]*)').exec(search);
    if (!match) return '';
    try { return decodeURIComponent(match[1].replace(/\+/g, ' ')); } catch (e) { return ''; }
  }

  function isFramed() {
    try { return window.self !== window.top; } catch (e) { return true; }
  }

  // ---- Child -------------------------------------------------------------
  var child = null;

  function startChild() {
    if (child || !isFramed() || !document.querySelector('[data-dateline][data-url-options]')) return;
    var id = param(location.search, 'childId') || DEFAULT_ID;
    var ancestor = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : '';
    var target = (ancestor && ancestor !== 'null' ? ancestor : '') ||
                 originOf(param(location.search, 'parentUrl')) || originOf(document.referrer) || '*';
    var sentHeight = -1;
    // A parent that put initialWidth in the URL made the frame and was
    // listening before this script ran, so the height sent at start reached
    // it: a width request at that same width (pym's, or ours at load when the
    // start message is still in flight) needs no second copy.
    var parentWidth = parseInt(param(location.search, 'initialWidth'), 10) || null;
    child = { id: id, target: target };
    document.documentElement.classList.add('embedded');

    function post(message) {
      try { window.parent.postMessage(message, target); } catch (e) { /* a parent that went away */ }
    }
    function headline() {
      var h1 = document.querySelector('.dateline-article h1');
      return (h1 ? h1.textContent : document.title).replace(/\s+/g, ' ').trim();
    }
    function measure() {
      var root = document.documentElement;
      return Math.ceil(Math.max(root.getBoundingClientRect().height, document.body ? document.body.offsetHeight : 0));
    }
    function send(force) {
      var height = measure();
      if (height === sentHeight && !force) return;
      sentHeight = height;
      post(pymMessage(id, 'height', String(height)));
      post({ sentinel: 'amp', type: 'embed-size', height: height });
    }
    child.send = send;

    window.addEventListener('message', function (e) {
      if (e.source !== window.parent) return;
      var msg = parsePym(e.data, id);
      if (!msg || msg.type !== 'width') return;
      // As pym's child: a new parent width is answered with the height, so
      // a parent whose script arrives late still learns it.
      var width = parseInt(msg.message, 10);
      if (width !== parentWidth) {
        parentWidth = width;
        post(pymMessage(id, 'dateline-title', headline()));
        send(true);
      } else {
        send(false);
      }
    });

    post(pymMessage(id, 'dateline-title', headline()));
    send(true);
    if (window.ResizeObserver) {
      var ro = new ResizeObserver(function () { send(false); });
      ro.observe(document.documentElement);
      if (document.body) ro.observe(document.body);
    } else {
      window.addEventListener('resize', function () { send(false); });
    }
    window.addEventListener('load', function () { send(false); });
  }

  // ---- Parent ------------------------------------------------------------
  var frames = [];
  var counter = 0;

  function adopt(el) {
    if (el.__datelineFrame) return;
    var iframe, id, explicitTitle;
    if (el.tagName === 'IFRAME') {
      iframe = el;
      id = param(new URL(iframe.src || 'about:blank', document.baseURI).search, 'childId') || DEFAULT_ID;
      explicitTitle = el.getAttribute('data-title') || el.getAttribute('title');
      // The pasted height as a style: a host reset's `iframe { height: auto }` beats the attribute.
      var pasted = parseInt(el.getAttribute('height'), 10);
      if (pasted > 0 && !iframe.style.height) iframe.style.height = pasted + 'px';
    } else {
      var raw = el.getAttribute('data-dateline-frame');
      if (!raw) return;
      // The URL becomes a frame on this page: only what dateline-embed.js's
      // policy allows (http(s), its own origin or the page's listed ones).
      var embed = window.DatelineEmbed;
      var url = embed && typeof embed.allowedUrl === 'function' ? embed.allowedUrl(raw) : null;
      if (!url) {
        el.__datelineFrame = { refused: true };  // one message, however often the page is scanned
        console.error('dateline: refused data-dateline-frame="' + raw.slice(0, 200) + '": not an http(s) URL on an allowed origin (docs/hosting.md)');
        return;
      }
      id = el.id || 'dateline-frame-' + (++counter);
      explicitTitle = el.getAttribute('data-title');
      var hashAt = url.indexOf('#');
      var hash = hashAt < 0 ? '' : url.slice(hashAt);
      if (hashAt >= 0) url = url.slice(0, hashAt);
      iframe = document.createElement('iframe');
      iframe.src = url + (url.indexOf('?') < 0 ? '?' : '&') +
                   'initialWidth=' + el.offsetWidth + '&childId=' + encodeURIComponent(id) +
                   '&parentUrl=' + encodeURIComponent(location.href) + hash;
      iframe.width = '100%';
      iframe.setAttribute('frameborder', '0');
      iframe.setAttribute('loading', 'lazy');
      iframe.style.border = '0';
      iframe.style.display = 'block';
      iframe.style.width = '100%';
      while (el.firstChild) el.removeChild(el.firstChild);
      el.appendChild(iframe);
    }
    // Sized by messages from now on: no inner scroll bar to fight over.
    iframe.setAttribute('scrolling', 'no');
    if (!iframe.getAttribute('title')) iframe.setAttribute('title', explicitTitle || 'Interactive article');
    var frame = { el: el, iframe: iframe, id: id, titled: !!explicitTitle, height: 0 };
    el.__datelineFrame = frame;
    iframe.__datelineFrame = frame;
    frames.push(frame);
    // A child that started before this script did has already reported its
    // height to nobody: ask for it now, and again after load if nothing came
    // (a little after: the child's own report may still be on its way, and
    // answering twice would send the host the same height twice).
    askHeight(frame);
    iframe.addEventListener('load', function () {
      setTimeout(function () { if (!frame.height) askHeight(frame); }, 300);
    });
  }

  // A pym `width` message: the child answers with its height.
  function askHeight(frame) {
    var win = frame.iframe.contentWindow;
    if (!win) return;
    var origin = originOf(frame.iframe.src) || '*';
    try { win.postMessage(pymMessage(frame.id, 'width', String(frame.iframe.offsetWidth)), origin); } catch (e) { /* not there yet */ }
  }

  function setHeight(frame, value) {
    var height = Math.ceil(Number(value));
    if (!isFinite(height) || height <= 0 || height > 100000 || height === frame.height) return;
    frame.height = height;
    frame.iframe.style.height = height + 'px';
    frame.iframe.setAttribute('height', String(height));
    frame.el.dispatchEvent(new CustomEvent('dateline:frame-height', { bubbles: true, detail: { height: height } }));
  }

  function onMessage(e) {
    if (!e.source) return;
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (e.source !== frame.iframe.contentWindow) continue;
      var data = e.data;
      if (data && typeof data === 'object' && data.sentinel === 'amp' && data.type === 'embed-size') {
        setHeight(frame, data.height);
        return;
      }
      var msg = parsePym(data, frame.id);
      if (!msg) return;
      if (msg.type === 'height') setHeight(frame, msg.message);
      else if (msg.type === 'dateline-title' && !frame.titled && msg.message) {
        frame.iframe.setAttribute('title', 'Interactive: ' + msg.message.slice(0, 300));
      }
      // navigateTo, scrollToChildPos and anything else: ignored on purpose.
      return;
    }
  }

  function scan(root) {
    startChild();
    var found = (root || document).querySelectorAll('[data-dateline-frame]');
    for (var i = 0; i < found.length; i++) adopt(found[i]);
  }

  window.addEventListener('message', onMessage);
  window.DatelineFrame = {
    scan: scan,
    // For tests and editors: the frames this page sizes, and the child's state.
    frames: function () { return frames.map(function (f) { return { id: f.id, height: f.height, title: f.iframe.title }; }); },
    child: function () { return child ? { id: child.id, target: child.target } : null; }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { scan(); });
  else scan();
})();
