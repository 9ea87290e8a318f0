/*
 * embed-editor.js: the editor's page, dist/<slug>/embed.html.
 *
 *   - fills both snippets with this site's absolute URLs
 *   - copy buttons (Clipboard API, falling back to a selection + execCommand)
 *   - measures the companion view's height at each column width in a small
 *     "ruler" iframe, from the same Pym.js height messages a host page gets,
 *     and puts the height for the chosen column width into the iframe snippet
 *   - preview width buttons for the live companion preview
 * No inline script or style: the page runs under script-src 'self'.
 */
(function () {
  'use strict';
  var body = document.body;
  var headline = body.getAttribute('data-headline') || '';
  var slug = body.getAttribute('data-slug') || 'widget';
  var WIDTHS = [320, 375, 480, 600, 768, 1024];
  var heights = {};
  var web = /^https?:$/.test(location.protocol);
  var base = web ? new URL('./', location.href).href : './';
  var embedJs = web ? new URL('../dateline-embed.js', location.href).href : '../dateline-embed.js';
  var pymJs = web ? new URL('../pym.v1.min.js', location.href).href : '../pym.v1.min.js';

  function escapeHtml(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function escapeJs(text) {
    return String(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/</g, '\\x3c');
  }
  function column() {
    var checked = document.querySelector('input[name="column"]:checked');
    return checked ? Number(checked.value) : 375;
  }

  // The widget's height at the column's width, before any script runs, so
  // the page does not shift when the embed script starts: a container query
  // per measured width (switching halfway between two). Only with scripting
  // on: readers without JavaScript get the link, not an empty box. Hosts
  // that strip <style> or forbid it by CSP get the same from the script, a
  // moment later.
  function reserveStyle() {
    var widths = WIDTHS.filter(function (w) { return heights[w]; });
    if (!widths.length) return '';
    var selector = '[data-dateline="' + base.replace(/["\\]/g, '\\$&') + '"]';
    var rules = widths.map(function (w, i) {
      var lo = i > 0 ? (widths[i - 1] + w) / 2 : 0;
      var hi = i < widths.length - 1 ? (w + widths[i + 1]) / 2 : 0;
      var query = [lo ? '(min-width: ' + lo + 'px)' : '', hi ? '(max-width: ' + hi + 'px)' : ''].filter(Boolean).join(' and ');
      return '  @container ' + query + ' { ' + selector + ' { min-height: ' + heights[w] + 'px } }\n';
    }).join('');
    return '<style>@media (scripting: enabled) {\n  .dateline-embed { container-type: inline-size }\n' +
           rules.replace(/</g, '\\3c ') + '}</style>\n';
  }

  function render() {
    var scriptTag = '<script src="' + escapeHtml(embedJs) + '" async></' + 'script>';
    // The heights let the widget hold its place while it loads; the link is
    // what readers (and search engines) get without JavaScript.
    var measured = WIDTHS.filter(function (w) { return heights[w]; })
      .map(function (w) { return w + ':' + heights[w]; }).join(' ');
    document.getElementById('snippet-script').textContent =
      '<div class="dateline-embed"><div data-dateline="' + escapeHtml(base) + '" data-mode="companion"' +
      (measured ? ' data-heights="' + measured + '"' : '') + '>\n' +
      '  <a href="' + escapeHtml(base) + '">Interactive: ' + escapeHtml(headline) + '</a>\n' +
      '</div></div>\n' + reserveStyle() + scriptTag;
    var copyScript = document.querySelector('[data-copy="snippet-script"]');
    copyScript.disabled = !measured;
    copyScript.textContent = measured ? 'Copy script embed' : 'Measuring heights…';
    var height = heights[column()];
    // The style repeats the height: a host reset's `iframe { height: auto }`
    // beats the attribute, not an inline style (hosts whose CSP drops inline
    // styles get the height from the script instead).
    var h = height || 'measuring…';
    document.getElementById('snippet-iframe').textContent =
      '<iframe data-dateline-frame src="' + escapeHtml(base) + '?mode=companion" title="Interactive: ' + escapeHtml(headline) + '"\n' +
      '        width="100%" height="' + h + '" style="display:block;width:100%;height:' + h + 'px;border:0"' +
      ' frameborder="0" loading="lazy"></iframe>\n' + scriptTag;
    var pym = document.getElementById('snippet-pym');
    if (pym) {
      var container = 'dateline-' + slug;
      pym.textContent = '<div id="' + escapeHtml(container) + '"></div>\n' +
        '<script src="' + escapeHtml(pymJs) + '"></' + 'script>\n' +
        '<script>\n' +
        "  var pymParent = new pym.Parent('" + escapeJs(container) + "', '" + escapeJs(base) + "?mode=companion', {title: '" +
        escapeJs('Interactive: ' + headline) + "'});\n" +
        '  // pym.js writes the height as an attribute, which a CSS reset (height: auto) beats.\n' +
        "  pymParent.onMessage('height', function (h) { pymParent.iframe.style.height = h + 'px'; });\n" +
        '</' + 'script>';
    }
    var copyPym = document.querySelector('[data-copy="snippet-pym"]');
    if (copyPym) copyPym.disabled = false;
    var copyIframe = document.querySelector('[data-copy="snippet-iframe"]');
    copyIframe.disabled = !height;
    copyIframe.textContent = height ? 'Copy iframe embed' : 'Measuring heights…';
  }

  // ---- Copy buttons --------------------------------------------------------
  function copy(button) {
    var code = document.getElementById(button.getAttribute('data-copy'));
    var status = button.parentNode.querySelector('.editor-status');
    var text = code.textContent;
    function done(ok) {
      if (status) status.textContent = ok ? 'Copied.' : 'Select the code and copy it (Ctrl+C / ⌘C).';
      button.setAttribute('data-copied', ok ? 'true' : 'false');
    }
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button[data-copy]');
    if (button) copy(button);
    var width = e.target.closest && e.target.closest('button[data-preview-width]');
    if (width) {
      var px = width.getAttribute('data-preview-width');
      document.getElementById('preview-companion').style.maxWidth = px ? px + 'px' : '';
      var all = document.querySelectorAll('button[data-preview-width]');
      for (var i = 0; i < all.length; i++) all[i].setAttribute('aria-pressed', all[i] === width ? 'true' : 'false');
    }
  });
  document.addEventListener('change', function (e) {
    if (e.target.name === 'column') render();
  });

  // ---- Heights, measured ---------------------------------------------------
  // The ruler is a real iframe embed of the companion view, shown small in a
  // corner (the widget draws nothing off screen); each width is read from the
  // child's own height messages once they have settled.
  var ruler = document.getElementById('editor-ruler');
  var RULER_ID = 'editor-ruler';
  var last = { height: 0, at: 0 };

  window.addEventListener('message', function (e) {
    if (!ruler || e.source !== ruler.contentWindow || typeof e.data !== 'string') return;
    var prefix = 'pymxPYMx' + RULER_ID + 'xPYMxheightxPYMx';
    if (e.data.indexOf(prefix) !== 0) return;
    var height = parseInt(e.data.slice(prefix.length), 10);
    if (height > 0) {
      last = { height: height, at: Date.now() };
      ruler.style.height = height + 'px';
    }
  });

  // The editor page sits next to the widget (same origin), so it can also
  // see the widget itself: live (never the HTML article's height), laid out
  // at the new width, and drawn at least once since the width changed.
  function child() {
    try {
      var doc = ruler.contentDocument;
      var el = doc && doc.querySelector('[data-dateline]');
      if (!el) return null;
      return { live: el.classList.contains('dateline--live'), width: doc.documentElement.clientWidth,
               frames: el.dateline ? el.dateline.state().frames : 0 };
    } catch (e) { return null; }  // another origin: the messages alone decide
  }

  function measureAt(width) {
    return new Promise(function (resolve) {
      var startedAt = Date.now();
      var before = child();
      var seen = { height: last.height, frames: before ? before.frames : 0, at: startedAt };
      ruler.style.width = width + 'px';
      (function poll() {
        var now = Date.now();
        var c = child();
        if (last.height !== seen.height || (c && c.frames !== seen.frames)) {
          seen = { height: last.height, frames: c ? c.frames : 0, at: now };
        }
        var ready = last.height > 0 && now - seen.at >= 700 &&
                    (!c || (c.live && c.width === width && (!before || !before.live || c.frames > before.frames)));
        if (ready || now - startedAt > 30000) { resolve(ready ? last.height : 0); return; }
        setTimeout(poll, 100);
      })();
    });
  }

  function showHeight(width, height) {
    var cell = document.querySelector('tr[data-width="' + width + '"] td:last-child');
    if (cell) cell.textContent = height ? height + ' px' : 'not measured';
  }

  function measureAll() {
    var label = document.getElementById('editor-ruler-label');
    ruler.style.width = WIDTHS[0] + 'px';
    ruler.setAttribute('scrolling', 'no');
    ruler.src = './?mode=companion&initialWidth=' + WIDTHS[0] + '&childId=' + RULER_ID +
                '&parentUrl=' + encodeURIComponent(location.href);
    var i = 0;
    (function next() {
      if (i >= WIDTHS.length) {
        // Done: the ruler's WebGL context and memory go back to the page.
        var box = document.getElementById('editor-ruler-box');
        if (box) box.parentNode.removeChild(box);
        ruler = null;
        body.setAttribute('data-heights-measured', 'true');
        body.dispatchEvent(new CustomEvent('dateline:heights', { bubbles: true, detail: heights }));
        return;
      }
      var width = WIDTHS[i++];
      if (label) label.textContent = 'Measuring heights: ' + width + ' px…';
      measureAt(width).then(function (height) {
        if (height) heights[width] = height;
        showHeight(width, height);
        render();
        next();
      });
    })();
  }

  render();
  if (ruler) measureAll();
  window.DatelineEditor = { heights: function () { return heights; } };
})();
