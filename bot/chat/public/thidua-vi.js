// thidua: the few notices Chainlit's page writes in English whatever the language (they are not in
// its translation files: "Unauthorized: …", "Failed to load thread: …", "Couldn't resume chat: …"),
// rewritten in Vietnamese as they appear.  Everything else comes from .chainlit/translations/vi-VN.json.
(() => {
  "use strict";
  const DETAILS = {
    credentialsSignin: "Sai tên đăng nhập hoặc mật khẩu.",
    credentialssignin: "Sai tên đăng nhập hoặc mật khẩu.",
    "Not Found": "không tìm thấy.",
    "Thread not found": "không tìm thấy cuộc trò chuyện.",
    "Thread not found.": "không tìm thấy cuộc trò chuyện.",
    Unauthorized: "phiên đăng nhập đã hết hạn hoặc không có quyền; vui lòng đăng nhập lại.",
    "Not authenticated": "chưa đăng nhập; vui lòng đăng nhập.",
    "Invalid authentication token": "phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.",
    "Internal Server Error": "lỗi máy chủ; vui lòng thử lại.",
  };
  // HTTP status words Chainlit puts before the server's message ("Unauthorized: credentialsSignin")
  const STATUS = ["Unauthorized", "Forbidden", "Too Many Requests", "Not Found", "Bad Request",
                  "Internal Server Error", "Payload Too Large", "Request Entity Too Large"];
  const PREFIXES = [
    ["Failed to load thread", "Không mở được cuộc trò chuyện"],
    ["Couldn't resume chat", "Không mở lại được cuộc trò chuyện"],
    ["Error fetching threads", "Không tải được lịch sử trò chuyện"],
  ];
  const upper = (s) => s.charAt(0).toUpperCase() + s.slice(1);

  function detail(text) {
    for (const status of STATUS) {
      if (text === status) return DETAILS[status] || text;
      if (text.startsWith(status + ": ")) text = text.slice(status.length + 2);
    }
    return DETAILS[text] || text;
  }

  function translate(text) {
    const t = text.trim();
    for (const [en, vi] of PREFIXES) {
      if (t === en) return vi + ".";
      if (t.startsWith(en + ": ")) return vi + ": " + detail(t.slice(en.length + 2));
    }
    const out = detail(t);
    return out === t ? text : upper(out);
  }

  function fix(root) {
    const toasts = root.matches && root.matches("[data-sonner-toast]") ? [root]
      : root.querySelectorAll ? root.querySelectorAll("[data-sonner-toast]") : [];
    for (const toast of toasts) {
      const walker = document.createTreeWalker(toast, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const vi = translate(node.nodeValue);
        if (vi !== node.nodeValue) node.nodeValue = vi;
      }
    }
  }

  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType === 1) fix(node);
        else if (node.nodeType === 3 && node.parentElement) fix(node.parentElement.closest("[data-sonner-toast]") || document.createElement("i"));
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: false });
})();
