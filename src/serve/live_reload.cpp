#include "serve/live_reload.h"

#include <algorithm>
#include <cctype>

#include "render/templates.h"

namespace gongshi::serve {

namespace {

size_t find_last_body_end(const std::string& html) {
    constexpr std::string_view tag = "</body";
    if (html.size() < tag.size()) return std::string::npos;
    for (size_t at = html.size() - tag.size() + 1; at-- > 0;) {
        const bool same =
            std::equal(tag.begin(), tag.end(), html.begin() + static_cast<std::ptrdiff_t>(at),
                       [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
        if (same) return at;
    }
    return std::string::npos;
}

}  // namespace

std::string inject_live_reload(std::string html, std::string_view version) {
    const std::string tag = "<script src=\"" + std::string(script_path) + "\" data-version=\"" +
                            render::escape_html(version) + "\"></script>\n";
    const size_t at = find_last_body_end(html);
    html.insert(at == std::string::npos ? html.size() : at, tag);
    return html;
}

std::string_view live_reload_script() {
    return R"js(// gongshi serve: reloads this page when a rebuild has finished. Only the preview server adds it.
(function () {
  "use strict";
  var tag = document.currentScript;
  var shown = tag ? tag.getAttribute("data-version") : null;
  if (!window.EventSource || !shown) return;
  var events = new EventSource("/__gongshi/events");
  events.onmessage = function (e) {
    if (e.data !== shown) {
      events.close();
      location.reload();
    }
  };
})();
)js";
}

std::string version_event(std::string_view version) {
    // "retry" makes a browser reconnect within a second after the server restarts.
    return "retry: 1000\ndata: " + std::string(version) + "\n\n";
}

std::string_view keep_alive_event() { return ": keep-alive\n\n"; }

}  // namespace gongshi::serve
