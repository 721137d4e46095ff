/* A link to #comment-<id> whose comment is not on this page (another page of comments, a
   reply past its thread's first ones, an old e-mail): ask the comment's permalink, which
   redirects to the page showing it. Imported articles leave this to wordpress-anchors.js,
   as their old anchors carry WordPress ids. */
(function () {
  "use strict";
  var match = /^#comment-(\d+)$/.exec(window.location.hash);
  var section = document.getElementById("comments");
  if (!match || !section || document.getElementById("comment-" + match[1])) return;
  if (document.querySelector("script[data-comment-url]")) return;
  // Only where comments are left out of this page: elsewhere it was removed, not moved.
  if (!section.querySelector(".comment-more-link, .comment-pagination")) return;
  var url = section.getAttribute("data-comment-url");
  if (url) window.location.replace(url.replace(/0\/$/, match[1] + "/"));
})();

/* Progressive enhancement of the comment form: "Reply" moves the form under the comment
   instead of reloading the page. Without JavaScript the link reloads with ?replyto=<id>. */
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  var home = document.getElementById("respond-home");
  if (!respond || !home) return;
  var form = respond.querySelector("form");
  var parentInput = form && form.querySelector("input[name=parent]");
  var cancel = document.getElementById("cancel-comment-reply-link");
  var replyName = document.getElementById("reply-to-name");
  var toTemplate = respond.getAttribute("data-reply-to") || "";
  if (!form || !parentInput) return;

  function focusBody() {
    var body = form.querySelector("textarea");
    if (body) body.focus();
  }

  // A refused comment's page: the error summary at the top of the form takes the focus.
  // (The form's #comment-errors fragment does it too; this covers a page reached otherwise.)
  var summary = document.getElementById("comment-errors");
  if (summary) {
    window.addEventListener("load", function () {
      if (document.activeElement === document.body) summary.focus();
    });
  }

  // A live count of characters once the text nears the limit (the server has the last word,
  // and its message says by how much a text is too long; nothing is ever cut).
  var body = form.querySelector("textarea[data-maxlength]");
  var counter = document.getElementById("comment-counter");
  if (body && counter) {
    var limit = parseInt(body.getAttribute("data-maxlength"), 10);
    var update = function () {
      var count = body.value.length;
      var near = count >= limit * 0.8;
      counter.hidden = !near;
      if (!near) return;
      var over = count - limit;
      var text = counter.getAttribute(over > 0 ? "data-over" : "data-under") || "";
      counter.textContent = text.replace("COUNT", count).replace("LIMIT", limit).replace("OVER", over);
      counter.classList.toggle("comment-counter--over", over > 0);
    };
    var described = body.getAttribute("aria-describedby");
    body.setAttribute("aria-describedby", described ? described + " comment-counter" : "comment-counter");
    body.addEventListener("input", update);
    update();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".comment-reply-link");
    if (!link) return;
    var id = link.getAttribute("data-comment-id");
    var comment = document.getElementById("div-comment-" + id);
    if (!comment) return;
    event.preventDefault();
    comment.parentNode.insertBefore(respond, comment.nextSibling);
    parentInput.value = id;
    if (replyName) replyName.textContent = toTemplate.replace("%s", link.getAttribute("data-author") || "");
    if (cancel) cancel.hidden = false;
    focusBody();
  });

  if (cancel) {
    cancel.addEventListener("click", function (event) {
      event.preventDefault();
      home.parentNode.insertBefore(respond, home.nextSibling);
      parentInput.value = "";
      if (replyName) replyName.textContent = "";
      cancel.hidden = true;
      focusBody();
    });
  }
})();

/* A draft of the comment stays in this browser (localStorage) from the first key typed until
   the site says it is saved (a message marked data-comment-saved): a post lost to a network
   or database outage, a closed tab or a crash costs no words. Back on the article, an empty
   form gets the draft again, under the comment it answered. */
(function () {
  "use strict";
  var form = document.getElementById("commentform");
  var body = form && form.querySelector("textarea[name=body]");
  var parentInput = form && form.querySelector("input[name=parent]");
  var note = document.getElementById("comment-draft-note");
  if (!body) return;
  var key = "comment-draft:" + form.getAttribute("action").split("#")[0];
  var MAX_AGE = 30 * 24 * 3600 * 1000;

  function store(value) {
    try {
      if (value) window.localStorage.setItem(key, JSON.stringify(value));
      else window.localStorage.removeItem(key);
    } catch (error) { /* storage full or forbidden (private mode): nothing to keep it in */ }
  }
  function stored() {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { return null; }
  }

  if (document.querySelector("#comments [data-comment-saved]")) {
    store(null);
  } else {
    var draft = stored();
    if (draft && draft.body && !body.value.trim() && Date.now() - (draft.at || 0) < MAX_AGE) {
      var reply = draft.parent && document.querySelector('.comment-reply-link[data-comment-id="' + draft.parent + '"]');
      if (reply && parentInput && !parentInput.value) reply.click();  // the form goes under it
      body.value = draft.body;
      body.dispatchEvent(new Event("input"));
      if (note) note.hidden = false;
    }
  }

  function keep() {
    var text = body.value;
    store(text.trim() ? { body: text, parent: parentInput ? parentInput.value : "", at: Date.now() } : null);
  }
  body.addEventListener("input", keep);
  form.addEventListener("submit", keep);
})();

/* "Delete" on the reader's own comment asks first, in place: a modal <dialog> quoting the
   comment, focus on "Cancel", Escape or "Cancel" closing it with nothing deleted; "Delete"
   posts to the link's address. Without JavaScript (or <dialog>) the link opens a page that
   asks the same question. */
(function () {
  "use strict";
  var dialog = document.getElementById("comment-delete-dialog");
  if (!dialog || typeof dialog.showModal !== "function") return;
  var form = dialog.querySelector("form");
  var quote = dialog.querySelector("[data-comment-text]");
  var opener = null;

  document.querySelectorAll(".comment-delete-link").forEach(function (link) {
    link.setAttribute("aria-haspopup", "dialog");
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".comment-delete-link");
    if (!link) return;
    var content = document.querySelector("#div-comment-" + link.getAttribute("data-comment-id") + " .comment-content");
    event.preventDefault();
    form.setAttribute("action", link.getAttribute("href"));
    quote.textContent = content ? content.textContent.trim() : "";
    opener = link;
    dialog.showModal();
  });

  dialog.addEventListener("close", function () {
    if (opener) opener.focus();
    opener = null;
  });
})();
