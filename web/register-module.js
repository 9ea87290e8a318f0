// Appended after Emscripten's factory (--extern-post-js). Registers this
// article's factory under the URL of the script that defined it, so pages
// with several different articles never confuse their modules.
(function () {
  // Not document.currentScript: markup such as <img name="currentScript"> shadows it.
  var script = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript').get.call(document);
  var registry = (self.DatelineModules = self.DatelineModules || {});
  registry[script && script.src ? script.src : 'inline'] = createDatelineModule;
})();
