/* The reactions row, enhanced: vote with fetch and update the counts in place, and correct
 * a page served from a shared cache with the reader's own state. Without this script the
 * row is a plain form that posts and comes back to #reactions. */
(function () {
  "use strict";

  function csrfToken(form) {
    // The cookie is this reader's own; a cached page's hidden field may belong to someone else.
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) {
      return decodeURIComponent(match[1]);
    }
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function apply(section, state) {
    section.querySelectorAll("button[data-kind]").forEach(function (button) {
      var kind = button.getAttribute("data-kind");
      var count = button.querySelector("[data-count]");
      if (count && state.counts && kind in state.counts) {
        count.textContent = String(state.counts[kind]);
      }
      button.setAttribute("aria-pressed", state.current === kind ? "true" : "false");
    });
    var total = section.querySelector("[data-total]");
    if (total && state.total_label) {
      total.textContent = state.total_label;
    }
  }

  function announce(section, message) {
    var status = section.querySelector("[data-status]");
    if (status) {
      status.textContent = message || "";
    }
  }

  function setBusy(form, busy) {
    form.setAttribute("aria-busy", busy ? "true" : "false");
    form.querySelectorAll("button").forEach(function (button) {
      button.disabled = busy;
    });
  }

  var votesCast = 0;

  function refresh(section) {
    var url = section.getAttribute("data-state-url");
    var votesBefore = votesCast;
    return fetch(url, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (state) {
        // A vote answered meanwhile carries fresher state than this snapshot.
        if (state && votesCast === votesBefore) {
          apply(section, state);
        }
      })
      .catch(function () {
        /* The server-rendered counts stay; nothing to tell the reader. */
      });
  }

  function vote(section, form, button) {
    votesCast += 1;
    var body = new FormData(form);
    body.set("kind", button.value);
    var focused = document.activeElement;
    setBusy(form, true);
    return fetch(form.action, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken(form) },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (data) {
            if (response.ok) {
              apply(section, data);
              announce(section, data.message);
            } else {
              announce(section, data.error || section.getAttribute("data-error-message"));
            }
          });
      })
      .catch(function () {
        announce(section, section.getAttribute("data-error-message"));
      })
      .then(function () {
        setBusy(form, false);
        if (focused && focused.focus) {
          focused.focus(); // disabled buttons lose focus; give it back for keyboard users
        }
      });
  }

  function enhance(section) {
    var form = section.querySelector("form");
    if (!form || !window.fetch) {
      return;
    }
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !button.hasAttribute("data-kind")) {
        return; // not one of ours: let the browser post the form
      }
      event.preventDefault();
      vote(section, form, button);
    });
    section.setAttribute("data-enhanced", "true");
    refresh(section);
  }

  document.querySelectorAll("section.reactions[data-state-url]").forEach(enhance);
})();
