// The host page's own text: <script src="filler.js" data-paragraphs="N"></script>
// writes N numbered paragraphs in its place. It is a parser-blocking script,
// so the page is laid out as if the text were written inline before
// dateline-embed.js (async) looks at where its widgets are.
(function () {
  var script = document.currentScript;
  var count = Number(script.getAttribute('data-paragraphs')) || 1;
  var first = window.__hostParagraphs || 0;
  var html = '';
  for (var i = 1; i <= count; i++) {
    html += '<p>Host paragraph ' + (first + i) + '. The host page has its own text around the widgets, ' +
      'and the reader scrolls past them with the wheel or a finger without the widgets getting in the way.</p>';
  }
  window.__hostParagraphs = first + count;
  script.insertAdjacentHTML('beforebegin', html);
})();
