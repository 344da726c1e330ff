/// The script a served page loads: it listens to the build events, reloads the page after
/// a good build and shows the errors of a failed one over the page. It exists only while
/// serving; `build` never writes it.
enum ReloadScript {
    static let eventsPath = "/__exemplar/events"
    static let scriptPath = "/__exemplar/live.js"
    /// Inserted before the page's last `</body>` (or at its end).
    static let tag = "<script src=\"\(scriptPath)\"></script>"

    static func inject(into page: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        var at = page.count
        if page.count >= closing.count {
            for start in stride(from: page.count - closing.count, through: 0, by: -1)
            where page[start..<start + closing.count].elementsEqual(closing) {
                at = start
                break
            }
        }
        return Array(page[..<at]) + Array(tag.utf8) + Array(page[at...])
    }

    /// Plain DOM calls and `textContent` only: messages are shown as text, never parsed as HTML.
    static let source = """
    (function () {
      "use strict";
      if (!window.EventSource) return;
      var english = (document.documentElement.lang || "").indexOf("en") === 0;
      var words = english
        ? { title: "The content has errors: this page is the last good build", fix: "Fix the file and save: the page reloads by itself.",
            error: "error: ", warning: "warning: ", hint: "hint: ", hide: "Hide", label: "Errors in the rebuild" }
        : { title: "Nội dung có lỗi: trang đang hiện là bản dựng tốt gần nhất", fix: "Sửa tệp rồi lưu lại: trang sẽ tự tải lại.",
            error: "lỗi: ", warning: "cảnh báo: ", hint: "gợi ý: ", hide: "Ẩn", label: "Lỗi khi dựng lại" };
      var host = null;
      function clear() {
        if (host) { host.remove(); host = null; }
      }
      function element(parent, name, text, style) {
        var node = document.createElement(name);
        if (text) node.textContent = text;
        if (style) node.setAttribute("style", style);
        parent.appendChild(node);
        return node;
      }
      function show(state) {
        clear();
        if (!state.failed) return;
        host = document.createElement("div");
        host.id = "exemplar-errors";
        var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
        var box = element(root, "section", null,
          "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(24,24,24,.97);" +
          "color:#fff;font:15px/1.5 system-ui,sans-serif;padding:24px");
        box.setAttribute("role", "alertdialog");
        box.setAttribute("aria-label", words.label);
        element(box, "h2", words.title, "margin:0 0 4px;font-size:20px");
        element(box, "p", words.fix, "margin:0 0 16px;color:#ccc");
        var list = element(box, "ol", null, "margin:0;padding:0;list-style:none");
        // Errors first: they are what keeps the page from updating.
        state.diagnostics.slice().sort(function (a, b) {
          return (a.severity === "error" ? 0 : 1) - (b.severity === "error" ? 0 : 1);
        }).forEach(function (d) {
          var item = element(list, "li", null, "margin:0 0 14px;padding:10px 12px;border-left:4px solid " +
            (d.severity === "error" ? "#ff6b6b" : "#ffd166") + ";background:rgba(255,255,255,.06)");
          var where = d.file + (d.line > 0 ? ":" + d.line : "") + (d.line > 0 && d.column > 0 ? ":" + d.column : "");
          element(item, "div", where, "font-family:ui-monospace,monospace;font-weight:bold");
          element(item, "div", (d.severity === "error" ? words.error : words.warning) + d.message + " [" + d.code + "]");
          if (d.hint) element(item, "div", words.hint + d.hint, "color:#9ad1ff");
        });
        var close = element(box, "button", words.hide, "margin-top:8px;font:inherit;padding:4px 14px");
        close.addEventListener("click", clear);
        document.body.appendChild(host);
      }
      var events = new EventSource("\(eventsPath)");
      events.addEventListener("state", function (e) { show(JSON.parse(e.data)); });
      events.addEventListener("build", function (e) {
        var state = JSON.parse(e.data);
        if (state.failed) show(state); else location.reload();
      });
    })();

    """
}
