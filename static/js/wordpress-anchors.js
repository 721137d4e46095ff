// Old WordPress links end in #comment-<WordPress id>, and the redirect to the article here
// keeps that fragment; our comments' ids are our own. Go to the imported comment instead:
// on this page if it is here (data-wordpress-id), else through its permalink (another page
// of comments). When one of our own comments has that number too, the old id wins only
// after a redirect (an old address), so links made here keep working.
(function () {
    "use strict";
    var match = /^#comment-(\d+)$/.exec(window.location.hash);
    if (!match) {
        return;
    }
    var script = document.currentScript;
    var wordpressId = match[1];
    var imported = document.querySelector('[data-wordpress-id="' + wordpressId + '"]');
    var ours = document.getElementById("comment-" + wordpressId);
    var navigation = window.performance && performance.getEntriesByType
        ? performance.getEntriesByType("navigation")[0] : null;
    var redirected = Boolean(navigation && navigation.redirectCount > 0);
    if (imported && (!ours || redirected)) {
        window.location.replace("#" + imported.id);
    } else if (!imported && !ours && script && script.dataset.commentUrl) {
        window.location.replace(script.dataset.commentUrl.replace(/0\/$/, wordpressId + "/"));
    }
})();
