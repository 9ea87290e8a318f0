// The host page's own pym.js code, exactly as pym's documentation has it.
window.pymParent = new pym.Parent('pym-frame', '/anchorage-summit/?mode=companion', { title: 'Interactive: the Anchorage summit' });
