/* The comment moderation queue, in place.

   Every action of a row is a plain button or link that works without this script: a button
   posts the row-action form (and the page comes back), "Reply" opens the reply page. Here,
   a button's post is sent with fetch and its JSON answer updates the row, the counts and
   the message without a reload; "Reply" opens a quick reply under the row, which approves a
   held comment and stays in the queue. If fetch fails, the plain form is sent instead.

   The bulk actions (tick rows, choose an action, "Go") are sent the same way: the answer
   updates every selected row and the counts; with "select all" across pages, or an action
   that does not answer JSON, the form is sent as usual.

   Keys, like WordPress's: j / k move between rows, a approves, s marks spam, t trashes,
   u unapproves or restores, r replies; in the quick reply, Ctrl+Enter sends and Escape
   closes. */
(function () {
  "use strict";
  var table = document.getElementById("result_list");
  var rowForm = document.getElementById("row-action-form");
  var replyForm = document.getElementById("quick-reply-form");
  var replyTemplate = document.getElementById("quick-reply-template");
  var messages = document.getElementById("queue-messages");
  if (!table || !rowForm) return;
  var current = -1;
  var replying = null; // {row, tr} while a quick reply is open

  function rows() {
    return Array.prototype.slice.call(table.querySelectorAll("tbody tr:not(.queue-reply)"));
  }

  function mark(index) {
    var all = rows();
    all.forEach(function (row) { row.classList.remove("queue-current"); });
    current = index;
    if (index >= 0 && index < all.length) all[index].classList.add("queue-current");
    return all[index];
  }

  function select(index) {
    var all = rows();
    if (index < 0 || index >= all.length) return;
    var row = mark(index);
    row.setAttribute("tabindex", "-1");
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  // --- What the server answers: the message, the counts, the row --------------------------

  function say(text, level) {
    if (!messages) return;
    var list = document.createElement("ul");
    list.className = "messagelist";
    var item = document.createElement("li");
    item.className = level || "info";
    item.textContent = text;
    list.appendChild(item);
    messages.replaceChildren(list);
  }

  function updateCounts(counts) {
    if (!counts) return;
    document.querySelectorAll("[data-status-count]").forEach(function (element) {
      var count = counts[element.getAttribute("data-status-count")];
      if (count === undefined) return;
      element.textContent = "(" + count + ")";
    });
  }

  function removeRow(row) {
    var index = rows().indexOf(row);
    if (replying && replying.row === row) closeReply();
    row.remove();
    var left = rows();
    if (!left.length) {
      current = -1;
      return;
    }
    // The next row takes the place (and the focus) of the one that left the view.
    select(Math.min(index, left.length - 1));
  }

  function apply(row, answer) {
    say(answer.message, answer.level);
    updateCounts(answer.counts);
    applyRow(row, answer);
  }

  function applyRow(row, answer) {
    if (!row || answer.comment === undefined) return;
    if (!answer.in_view) {
      removeRow(row);
      return;
    }
    Object.keys(answer.cells || {}).forEach(function (name) {
      var cell = row.querySelector(".field-" + name);
      if (cell) cell.innerHTML = answer.cells[name]; // escaped by the server's format_html
    });
  }

  function send(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") === -1) throw new Error("not an answer of the queue");
      return response.json().then(function (answer) {
        return { ok: response.ok, status: response.status, answer: answer };
      });
    });
  }

  function busy(row, on) {
    row.setAttribute("aria-busy", on ? "true" : "false");
    row.querySelectorAll(".queue-action").forEach(function (control) {
      if (control.tagName === "BUTTON") control.disabled = on;
    });
  }

  // --- Row buttons ---------------------------------------------------------------------------

  var plainSubmit = false;

  function moderate(button) {
    var row = button.closest("tr");
    var body = new FormData(rowForm);
    body.append(button.name, button.value);
    busy(row, true);
    send(button.getAttribute("formaction"), body)
      .then(function (result) {
        busy(row, false);
        apply(row, result.answer);
      })
      .catch(function () {
        // Whatever went wrong, the plain form still works: send it as the browser would.
        busy(row, false);
        plainSubmit = true;
        rowForm.requestSubmit(button);
      });
  }

  table.addEventListener("click", function (event) {
    var button = event.target.closest("button.queue-action[formaction]");
    if (button && !plainSubmit) {
      event.preventDefault();
      moderate(button);
      return;
    }
    var reply = event.target.closest("a.queue-action[data-key='r']");
    if (reply && replyForm && replyTemplate) {
      event.preventDefault();
      openReply(reply.closest("tr"), reply);
    }
  });

  // --- Bulk actions ------------------------------------------------------------------------

  var changelistForm = document.getElementById("changelist-form");

  function rowOf(pk) {
    var box = table.querySelector('input.action-select[value="' + pk + '"]');
    return box ? box.closest("tr") : null;
  }

  function untick() {
    table.querySelectorAll("input.action-select:checked").forEach(function (box) {
      box.checked = false;
      box.dispatchEvent(new Event("change", { bubbles: true })); // admin's counter follows
    });
    var toggle = document.getElementById("action-toggle");
    if (toggle) toggle.checked = false;
  }

  function bulk(event) {
    var submitter = event.submitter;
    if (plainSubmit || !submitter || submitter.name !== "index") return;
    var data = new FormData(changelistForm);
    data.append(submitter.name, submitter.value);
    if (!data.get("action") || data.get("select_across") === "1") return;
    var ticked = data.getAll("_selected_action");
    if (!ticked.length) return; // the admin's own message says to select some
    event.preventDefault();
    var selectedRows = ticked.map(rowOf).filter(Boolean);
    selectedRows.forEach(function (row) { busy(row, true); });
    submitter.disabled = true;
    send(changelistForm.getAttribute("action") || window.location.href, data)
      .then(function (result) {
        submitter.disabled = false;
        selectedRows.forEach(function (row) { busy(row, false); });
        untick();
        say(result.answer.message, result.answer.level);
        (result.answer.rows || []).forEach(function (answer) {
          var row = rowOf(answer.comment);
          if (row) applyRow(row, answer);
        });
        updateCounts(result.answer.counts);
      })
      .catch(function () {
        submitter.disabled = false;
        selectedRows.forEach(function (row) { busy(row, false); });
        plainSubmit = true;
        changelistForm.requestSubmit(submitter);
      });
  }

  if (changelistForm) changelistForm.addEventListener("submit", bulk);

  // --- Quick reply ---------------------------------------------------------------------------

  function closeReply() {
    if (!replying) return;
    replying.tr.remove();
    replying = null;
  }

  function openReply(row, link) {
    if (replying && replying.row === row) {
      // Already open: keep what was typed.
      replying.tr.querySelector("textarea").focus();
      return;
    }
    closeReply();
    var tr = document.createElement("tr");
    tr.className = "queue-reply";
    var cell = document.createElement("td");
    cell.colSpan = row.cells.length;
    cell.appendChild(replyTemplate.content.cloneNode(true));
    tr.appendChild(cell);
    row.after(tr);
    replying = { row: row, tr: tr };
    replyForm.action = link.getAttribute("href");
    tr.querySelector(".quick-reply-send").textContent = link.textContent;
    tr.querySelector(".quick-reply-cancel").addEventListener("click", function () {
      closeReply();
      select(rows().indexOf(row));
    });
    var textarea = tr.querySelector("textarea");
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        closeReply();
        select(rows().indexOf(row));
      } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        replyForm.requestSubmit();
      }
    });
    mark(rows().indexOf(row));
    textarea.focus();
  }

  if (replyForm) {
    replyForm.addEventListener("submit", function (event) {
      if (!replying || plainSubmit) return;
      event.preventDefault();
      var open = replying;
      var error = open.tr.querySelector(".quick-reply-error");
      var sendButton = open.tr.querySelector(".quick-reply-send");
      sendButton.disabled = true;
      send(replyForm.action, new FormData(replyForm))
        .then(function (result) {
          sendButton.disabled = false;
          if (!result.ok) {
            error.textContent = result.answer.message;
            error.hidden = false;
            open.tr.querySelector("textarea").focus();
            return;
          }
          closeReply();
          apply(open.row, result.answer);
          if (result.answer.in_view) select(rows().indexOf(open.row));
        })
        .catch(function () {
          sendButton.disabled = false;
          plainSubmit = true;
          replyForm.requestSubmit();
        });
    });
  }

  // --- Keys ----------------------------------------------------------------------------------

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    var key = event.key;
    if (key === "j") { select(current + 1); event.preventDefault(); return; }
    if (key === "k") { select(current < 0 ? 0 : current - 1); event.preventDefault(); return; }
    var row = rows()[current];
    if (!row || key.length !== 1 || "astur".indexOf(key) === -1) return;
    var action = row.querySelector('.queue-action[data-key="' + key + '"]');
    if (action && !action.disabled) { event.preventDefault(); action.click(); }
  });

  // Clicking in a row makes it the current one, so the keys act where the moderator looks.
  table.addEventListener("click", function (event) {
    var row = event.target.closest("tbody tr:not(.queue-reply)");
    if (row) mark(rows().indexOf(row));
  });
})();
