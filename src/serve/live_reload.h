// Live reload: the preview adds a small script to every page it serves (never to the built files); the script
// listens to a Server-Sent Events stream and reloads the page when a build with a new version has finished.
#pragma once

#include <string>
#include <string_view>

namespace gongshi::serve {

inline constexpr std::string_view events_path = "/__gongshi/events";
inline constexpr std::string_view script_path = "/__gongshi/live-reload.js";

// Inserts the <script> tag before the last </body> (or at the end if there is none).
std::string inject_live_reload(std::string html, std::string_view version);
// The script the tag loads (an external file, so a page's Content-Security-Policy of script-src 'self' allows
// it).
std::string_view live_reload_script();
// One Server-Sent Event announcing `version`.
std::string version_event(std::string_view version);
// A comment line that keeps the stream open and notices a browser that went away.
std::string_view keep_alive_event();

}  // namespace gongshi::serve
