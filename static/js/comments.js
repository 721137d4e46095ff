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
