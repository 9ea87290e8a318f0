// Dateline's JS bridge: the few calls the platform layer makes into the page.
// Each module instance talks to its own host object, `Module.datelineHost`,
// given by dateline-embed.js, so several widgets on a page never share state.
//
// Implemented: [X] bind the instance's canvas as the "#canvas" event target
//              [X] cursor shape  [X] content height  [X] ready  [X] frame count  [X] reduced motion  [X] colour scheme
//              [X] unavailable (no WebGL2, or shaders that do not link)
mergeInto(LibraryManager.library, {
  // html5.h resolves targets with querySelector, which would find the *first*
  // canvas on the page; mapping "#canvas" to this instance's own canvas keeps
  // several widgets apart.
  dateline_js_bind_canvas__deps: ['$specialHTMLTargets'],
  dateline_js_bind_canvas: function () {
    specialHTMLTargets['#canvas'] = Module['canvas'];
  },

  dateline_js_set_cursor: function (pointer) {
    Module['canvas'].style.cursor = pointer ? 'pointer' : '';
  },

  dateline_js_content_height: function (css_height) {
    var host = Module['datelineHost'];
    if (host) host.contentHeight(css_height);
  },

  dateline_js_ready: function (first_frame_ms, slug) {
    var host = Module['datelineHost'];
    if (host) host.ready(first_frame_ms, UTF8ToString(slug));
  },

  // The canvas cannot draw (no WebGL2, or the shaders did not link): the
  // page shows its HTML article instead.
  dateline_js_unavailable: function () {
    var host = Module['datelineHost'];
    if (host) host.unavailable();
  },

  dateline_js_frame_drawn: function () {
    var host = Module['datelineHost'];
    if (host) host.frame();
  },

  dateline_js_mode: function () {
    var host = Module['datelineHost'];
    return host && host.mode === 'companion' ? 1 : 0;
  },

  dateline_js_selected: function (type, id, fragment) {
    var host = Module['datelineHost'];
    if (host) host.selected(UTF8ToString(type), UTF8ToString(id), UTF8ToString(fragment));
  },

  dateline_js_copy_link: function (fragment) {
    var host = Module['datelineHost'];
    if (host) host.copyLink(UTF8ToString(fragment));
  },

  dateline_js_reduced_motion: function () {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
  },

  dateline_js_prefers_dark: function () {
    var host = Module['datelineHost'];
    return host && host.dark() ? 1 : 0;
  },
});
