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
          "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);" +
          "color:#fff;font:15px/1.5 system-ui,sans-serif;padding:24px");
        box.setAttribute("role", "alertdialog");
        box.setAttribute("aria-label", "Lỗi khi dựng lại");
        element(box, "h2", "Nội dung có lỗi: trang đang hiện là bản dựng tốt gần nhất", "margin:0 0 4px;font-size:20px");
        element(box, "p", "Sửa tệp rồi lưu lại: trang sẽ tự tải lại.", "margin:0 0 16px;color:#ccc");
        var list = element(box, "ol", null, "margin:0;padding:0;list-style:none");
        state.diagnostics.forEach(function (d) {
          var item = element(list, "li", null, "margin:0 0 14px;padding:10px 12px;border-left:4px solid " +
            (d.severity === "error" ? "#ff6b6b" : "#ffd166") + ";background:rgba(255,255,255,.06)");
          var where = d.file + (d.line > 0 ? ":" + d.line : "") + (d.line > 0 && d.column > 0 ? ":" + d.column : "");
          element(item, "div", where, "font-family:ui-monospace,monospace;font-weight:bold");
          element(item, "div", (d.severity === "error" ? "lỗi: " : "cảnh báo: ") + d.message + " [" + d.code + "]");
          if (d.hint) element(item, "div", "gợi ý: " + d.hint, "color:#9ad1ff");
        });
        var close = element(box, "button", "Ẩn", "margin-top:8px;font:inherit;padding:4px 14px");
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
