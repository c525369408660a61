/* The course's small repairs to the pages, loaded on every page of the book (Jupyter Book
 * includes every .js file in _static).
 *
 * jupyterquiz (2.9.6) writes "Type numeric answer here:" as a <label> beside a numeric
 * question's text box without tying the two together, so a screen reader announces an unnamed
 * edit field (axe-core's "label" rule, WCAG 1.3.1 and 4.1.2). Each such label is tied to its
 * box with `for`, as quizzes are drawn, now and whenever the page adds one.
 */
(function () {
  "use strict";

  function labelNumericInputs(root) {
    root.querySelectorAll("label.InpLabel").forEach(function (label) {
      var box = label.parentNode && label.parentNode.querySelector("input.Input-text");
      if (box && box.id && !label.htmlFor) {
        label.htmlFor = box.id;
      }
    });
  }

  function start() {
    labelNumericInputs(document);
    new MutationObserver(function () {
      labelNumericInputs(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
