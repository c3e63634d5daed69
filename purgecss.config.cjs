// KERN's stylesheet trimmed to the selectors the site uses (make css, run by make vendor):
// every class, id and element name that appears in a template or in the Python that writes HTML
// (forms, the district map, the text formats) keeps its rules.
// https://purgecss.com/configuration.html
module.exports = {
  content: [
    "templates/**/*.html",
    "core/**/*.py",
    "municipalities/**/*.py",
    "welcome/**/*.py",
    "enquiries/**/*.py",
    "onestopshop/**/*.py",
  ],
  css: ["node_modules/@kern-ux/native/dist/kern.min.css"],
  // What Markdown and the section text formats write, whether or not a template names it.
  safelist: {
    standard: [
      "html", "body", "a", "p", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "strong",
      "em", "blockquote", "code", "pre", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
      "abbr", "img", "dl", "dt", "dd",
    ],
    // KERN's colour tokens sit on :is(body, .kern-light, …):not([class*=kern-level-]), a
    // selector purgecss drops although body matches: keep the rules that start with :is().
    greedy: [/^:is/],
  },
  fontFace: false,
  keyframes: true,
  variables: false,
};
