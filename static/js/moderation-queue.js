/* Keyboard shortcuts for the comment moderation queue, like WordPress's: j / k move between
   rows, a approves, s marks spam, t trashes, u unapproves or restores, r opens the reply.
   Every action is a plain button or link of the row; this only clicks it. */
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#result_list tbody tr"));
  if (!rows.length) return;
  var current = -1;

  function select(index) {
    if (index < 0 || index >= rows.length) return;
    if (current >= 0) rows[current].classList.remove("queue-current");
    current = index;
    var row = rows[current];
    row.classList.add("queue-current");
    row.setAttribute("tabindex", "-1");
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    var key = event.key;
    if (key === "j") { select(current + 1); event.preventDefault(); return; }
    if (key === "k") { select(current < 0 ? 0 : current - 1); event.preventDefault(); return; }
    if (current < 0 || "astur".indexOf(key) === -1 || key.length !== 1) return;
    var action = rows[current].querySelector('.queue-action[data-key="' + key + '"]');
    if (action) { event.preventDefault(); action.click(); }
  });

  // Clicking in a row makes it the current one, so the keys act where the moderator looks.
  rows.forEach(function (row, index) {
    row.addEventListener("click", function () {
      if (current >= 0) rows[current].classList.remove("queue-current");
      current = index;
      row.classList.add("queue-current");
    });
  });
})();
