/* The article editor in the admin: toolbar, live preview, autosave, image insertion.
 * Progressive enhancement of the body textarea; no build step, no inline script (CSP).
 * The preview HTML comes from the server's own renderer (posts.markup.render_body), already
 * sanitized there. Configuration and labels are data attributes of #post-editor-config. */
(function () {
    "use strict";
    var config = document.getElementById("post-editor-config");
    var body = document.getElementById("id_body");
    if (!config || !body) { return; }
    var form = body.form;
    var data = config.dataset;
    var PREVIEW_DELAY = 400;
    var AUTOSAVE_DELAY = 2000;

    function csrfToken() {
        var input = form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function post(url, fields) {
        var payload = new FormData();
        Object.keys(fields).forEach(function (key) { payload.append(key, fields[key]); });
        return fetch(url, {
            method: "POST",
            body: payload,
            credentials: "same-origin",
            headers: {"X-CSRFToken": csrfToken(), "X-Requested-With": "fetch"}
        }).then(function (response) {
            if (!response.ok) { throw new Error(response.status); }
            return response.json();
        });
    }

    function debounce(fn, delay) {
        var timer = null;
        return function () {
            clearTimeout(timer);
            timer = setTimeout(fn, delay);
        };
    }

    function el(tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
        if (text) { node.textContent = text; }
        return node;
    }

    /* Editing helpers: keep the selection and tell listeners the text changed. */
    function replaceSelection(before, after, placeholder) {
        var start = body.selectionStart, end = body.selectionEnd;
        var selected = body.value.slice(start, end) || placeholder || "";
        body.setRangeText(before + selected + after, start, end, "end");
        body.selectionStart = start + before.length;
        body.selectionEnd = start + before.length + selected.length;
        body.focus();
        body.dispatchEvent(new Event("input", {bubbles: true}));
    }

    function prefixLines(prefix) {
        var start = body.value.lastIndexOf("\n", body.selectionStart - 1) + 1;
        var end = body.selectionEnd;
        var lines = body.value.slice(start, end).split("\n").map(function (line) {
            return prefix + line;
        });
        body.setRangeText(lines.join("\n"), start, end, "end");
        body.focus();
        body.dispatchEvent(new Event("input", {bubbles: true}));
    }

    function insertText(text) {
        body.setRangeText(text, body.selectionStart, body.selectionEnd, "end");
        body.focus();
        body.dispatchEvent(new Event("input", {bubbles: true}));
    }

    /* Layout: toolbar above, text and preview side by side. */
    var wrapper = el("div", {"class": "post-editor"});
    var toolbar = el("div", {"class": "post-editor__toolbar", "role": "toolbar",
                             "aria-label": data.labelToolbar, "aria-controls": "id_body"});
    var panes = el("div", {"class": "post-editor__panes"});
    var previewPane = el("section", {"class": "post-editor__preview", "aria-label": data.labelPreview});
    // h2: the form's first fieldset has no heading of its own, and the page's title is h1.
    var previewHeading = el("h2", {"class": "post-editor__preview-title"}, data.labelPreview);
    var preview = el("div", {"class": "post__body post-editor__preview-body", "id": "post-editor-preview", "aria-live": "polite"});
    var status = el("p", {"class": "post-editor__status", "role": "status", "id": "post-editor-status"});
    previewPane.append(previewHeading, preview);
    body.parentNode.insertBefore(wrapper, body);
    panes.append(body, previewPane);
    wrapper.append(toolbar, panes, status);

    var linkText = data.labelLinkText;
    var buttons = [
        ["bold", "B", function () { replaceSelection("**", "**", data.labelBold); }],
        ["italic", "I", function () { replaceSelection("*", "*", data.labelItalic); }],
        ["link", "Link", function () { replaceSelection("[", "](https://)", linkText); }],
        ["sponsored", "Sponsor", function () { replaceSelection("[", '](https:// "sponsor")', linkText); }],
        ["image", data.labelImage, function () { togglePicker(); }],
        ["heading", "H", function () { prefixLines("## "); }],
        ["quote", "❝", function () { prefixLines("> "); }],
        ["list", "•", function () { prefixLines("- "); }]
    ];
    buttons.forEach(function (spec) {
        var label = data["label" + spec[0].charAt(0).toUpperCase() + spec[0].slice(1)];
        var attributes = {"type": "button", "class": "post-editor__button post-editor__button--" + spec[0],
                          "title": label, "data-action": spec[0]};
        /* A button showing a word is named by that word (what a voice-control user says
           is what they see); a symbol (B, ❝, •) gets the label's words as its name. */
        if (!/^[A-Za-zÀ-ÿ]{2,}/.test(spec[1])) { attributes["aria-label"] = label; }
        var button = el("button", attributes, spec[1]);
        button.addEventListener("click", spec[2]);
        toolbar.append(button);
    });

    /* The image picker: the media library's latest images; a click inserts Markdown. */
    var picker = el("div", {"class": "post-editor__picker", "hidden": "", "id": "post-editor-picker",
                            "role": "dialog", "aria-label": data.labelPicker});
    wrapper.insertBefore(picker, panes);

    function togglePicker() {
        if (!picker.hidden) { picker.hidden = true; return; }
        picker.hidden = false;
        picker.textContent = "";
        var heading = el("p", {"class": "post-editor__picker-title"}, data.labelPicker);
        var upload = el("a", {"href": data.uploadUrl, "target": "_blank", "rel": "noopener"}, data.labelUpload);
        var close = el("button", {"type": "button", "class": "post-editor__picker-close"}, data.labelClose);
        close.addEventListener("click", function () { picker.hidden = true; body.focus(); });
        var list = el("ul", {"class": "post-editor__picker-list"});
        picker.append(heading, list, upload, close);
        fetch(data.pickerUrl, {credentials: "same-origin"}).then(function (r) { return r.json(); })
            .then(function (payload) {
                if (!payload.results.length) { list.append(el("li", {}, data.labelNone)); }
                payload.results.forEach(function (item) {
                    var choice = el("button", {"type": "button", "class": "post-editor__picker-item",
                                               "data-media-id": String(item.id)});
                    var thumb = el("img", {"src": item.thumb, "alt": "", "width": "96", "loading": "lazy"});
                    choice.append(thumb, el("span", {}, item.alt));
                    choice.addEventListener("click", function () {
                        var alt = item.alt.replace(/[\[\]]/g, "");
                        picker.hidden = true;
                        insertText("![" + alt + "](" + item.url + ")");
                    });
                    var li = el("li");
                    li.append(choice);
                    list.append(li);
                });
            });
    }

    /* Live preview, rendered by the server. */
    var formatField = document.getElementById("id_body_format");
    function refreshPreview() {
        post(data.previewUrl, {body: body.value, body_format: formatField ? formatField.value : "markdown"})
            .then(function (payload) { preview.innerHTML = payload.html; })
            .catch(function () { /* keep the last preview; the text is untouched */ });
    }
    body.addEventListener("input", debounce(refreshPreview, PREVIEW_DELAY));
    if (formatField) { formatField.addEventListener("change", refreshPreview); }
    refreshPreview();

    /* Autosave (existing articles): the author's slot on the server, never the article. */
    if (data.autosaveUrl) {
        var field = function (id) { var node = document.getElementById(id); return node ? node.value : ""; };
        var autosave = debounce(function () {
            post(data.autosaveUrl, {body: body.value, title: field("id_title"), lead: field("id_lead")})
                .then(function () {
                    status.textContent = data.labelAutosaved + " " + new Date().toLocaleTimeString();
                    status.dataset.state = "saved";
                })
                .catch(function () {
                    status.textContent = data.labelAutosaveFailed;
                    status.dataset.state = "failed";
                });
        }, AUTOSAVE_DELAY);
        body.addEventListener("input", autosave);
    }
})();
