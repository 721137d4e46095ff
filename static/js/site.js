// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";

    // "Copy link" in the share row: the button is hidden until the clipboard API is there.
    document.querySelectorAll("[data-copy-url]").forEach(function (button) {
        if (!navigator.clipboard) {
            return;
        }
        var status = document.getElementById(button.dataset.statusId);
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(button.dataset.copyUrl).then(
                function () {
                    if (status) status.textContent = button.dataset.copiedText;
                },
                function () {
                    if (status) status.textContent = button.dataset.failedText;
                }
            );
        });
    });
})();
