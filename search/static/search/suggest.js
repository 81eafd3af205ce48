/* Suggestions while typing in the header search field (progressive enhancement).
 *
 * The form works without this script: it submits to the search page. With it,
 * the field becomes an ARIA 1.2 combobox whose listbox offers page titles from
 * `data-suggest-url` (JSON: {suggestions: [{title, url, type}]}):
 * Down/Up move through the options, Enter opens the chosen page (or searches
 * when none is chosen), Escape closes the list (or clears the field when it is
 * already closed), and the number of suggestions is announced in a live region.
 */
(function () {
    "use strict";

    var DELAY = 200;
    var MIN_LENGTH = 2;

    function init(form) {
        var input = form.querySelector("input[type=search]");
        var list = form.querySelector("[data-suggest-list]");
        var status = form.querySelector("[data-suggest-status]");
        var url = form.getAttribute("data-suggest-url");
        if (!input || !list || !url || !window.fetch) {
            return;
        }
        var css = form.getAttribute("data-suggest-css");
        if (css && !document.querySelector('link[href="' + css + '"]')) {
            var link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = css;
            document.head.appendChild(link);
        }

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", list.id);
        input.setAttribute("autocomplete", "off");

        var options = [];
        var active = -1;
        var timer = null;
        var controller = null;
        var lastQuery = "";

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function select(index) {
            options.forEach(function (option, i) {
                option.element.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].element.id);
                options[index].element.scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function announce(count) {
            if (!status) {
                return;
            }
            var template = count === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many");
            status.textContent = count ? template.replace("%s", count) : status.getAttribute("data-none");
        }

        function render(suggestions) {
            list.textContent = "";
            options = suggestions.map(function (suggestion, i) {
                var item = document.createElement("li");
                item.id = list.id + "-" + i;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.textContent = suggestion.title;
                if (suggestion.type) {
                    var kind = document.createElement("span");
                    kind.className = "search-suggestions__type";
                    kind.textContent = suggestion.type;
                    item.appendChild(kind);
                }
                // mousedown, not click: it comes before the field loses focus and closes the list.
                item.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.assign(suggestion.url);
                });
                list.appendChild(item);
                return { element: item, url: suggestion.url };
            });
            active = -1;
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            } else {
                close();
            }
            announce(options.length);
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            if (query.length < MIN_LENGTH) {
                render([]);
                if (status) {
                    status.textContent = "";
                }
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            fetch(url + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.suggestions || []);
                    }
                })
                .catch(function () {
                    /* Aborted or offline: the form still submits to the search page. */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && options.length > 0;
            if (event.key === "ArrowDown") {
                event.preventDefault();
                if (!open && options.length) {
                    list.hidden = false;
                    input.setAttribute("aria-expanded", "true");
                }
                if (options.length) {
                    select(active + 1 >= options.length ? 0 : active + 1);
                }
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                if (open) {
                    select(active <= 0 ? options.length - 1 : active - 1);
                }
            } else if (event.key === "Enter") {
                if (open && active >= 0) {
                    event.preventDefault();
                    window.location.assign(options[active].url);
                }
            } else if (event.key === "Escape") {
                if (open) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = "";
                    lastQuery = "";
                }
            }
        });

        input.addEventListener("blur", close);
    }

    document.querySelectorAll("form[data-suggest-url]").forEach(init);
})();
