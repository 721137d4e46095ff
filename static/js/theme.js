// The reader's light/dark choice. Kept in this browser only (localStorage): pages are cached
// whole and served alike to every reader, so the server must never read it.
// Loaded from <head> without defer, before the stylesheets, so the choice is on <html> before
// the first paint. A file, not an inline script: the CSP allows none, and a nonce frozen
// into a cached page would be the same for every reader, which is no nonce at all.
// The key and values are Django admin's own (admin/js/theme.js: "theme", holding "auto",
// "light" or "dark"; nothing or "auto" follows the system), so an editor's choice in the admin
// is the site's too, and the other way round.
(function () {
    "use strict";
    var KEY = "theme";
    var OLD_KEY = "site-theme"; // the site's own key until it shared the admin's
    var root = document.documentElement;
    var store = storage();
    // The head's theme-color per scheme, as the template wrote them (auto puts them back).
    var colours = {};
    document.querySelectorAll('meta[name="theme-color"]').forEach(function (meta) {
        colours[scheme(meta)] = meta.content;
    });

    function storage() {
        // Blocked storage (some private modes, cookies refused) throws on access.
        try {
            var probe = window.localStorage;
            probe.getItem(KEY);
            return probe;
        } catch (error) {
            return null;
        }
    }

    function scheme(meta) {
        return /dark/.test(meta.media) ? "dark" : "light";
    }

    function forced(choice) {
        return choice === "light" || choice === "dark";
    }

    function stored() {
        var choice = store && store.getItem(KEY);
        return forced(choice) ? choice : "auto";
    }

    // Carried over once. The old key only ever held light or dark, and it wins over an "auto",
    // which the admin writes by itself on a first visit, chosen or not.
    function migrate() {
        var old = store && store.getItem(OLD_KEY);
        if (!old) {
            return;
        }
        try {
            if (forced(old) && !forced(store.getItem(KEY))) {
                store.setItem(KEY, old);
            }
            store.removeItem(OLD_KEY);
        } catch (error) {
            // Storage full or read-only: the old choice waits for the next page.
        }
    }

    function apply(choice) {
        var isForced = forced(choice);
        if (isForced) {
            root.setAttribute("data-theme", choice);
        } else {
            root.removeAttribute("data-theme");
        }
        // Before site.css loads, and for the browser's own UI (address bar, form controls).
        var colourScheme = document.querySelector('meta[name="color-scheme"]');
        if (colourScheme) {
            colourScheme.content = isForced ? choice : "light dark";
        }
        document.querySelectorAll('meta[name="theme-color"]').forEach(function (meta) {
            var colour = colours[isForced ? choice : scheme(meta)];
            if (colour) {
                meta.content = colour;
            }
        });
    }

    function enhance() {
        var box = document.querySelector("[data-theme-switch]");
        if (!box || !store) {
            return; // without storage the choice would not outlive the page: no switch
        }
        if (!(window.CSS && CSS.supports("color", "light-dark(#000, #fff)"))) {
            return; // site.css gives such a browser the light colours only: nothing to choose
        }
        var select = box.querySelector("select");
        select.value = stored();
        select.addEventListener("change", function () {
            if (select.value === "auto") {
                store.removeItem(KEY); // nothing kept once the system decides again
            } else {
                store.setItem(KEY, select.value);
            }
            apply(select.value);
        });
        // Chosen in another tab, or this page back from the back/forward cache.
        function refresh() {
            select.value = stored();
            apply(select.value);
        }
        window.addEventListener("storage", function (event) {
            if (event.key === KEY || event.key === null) {
                refresh();
            }
        });
        window.addEventListener("pageshow", function (event) {
            if (event.persisted) {
                refresh();
            }
        });
        box.hidden = false;
    }

    migrate();
    apply(stored());
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", enhance);
    } else {
        enhance();
    }
})();
