// Quire's web page: sends the pasted text or the chosen files to POST /v1/convert and shows or saves the result.
// No framework and no inline handlers, so the page runs under `default-src 'self'`.
"use strict";

(function () {
  const form = document.getElementById("convert-form");
  const textArea = document.getElementById("input-text");
  const fileInput = document.getElementById("input-file");
  const dropZone = document.getElementById("drop-zone");
  const fileState = document.getElementById("file-state");
  const clearFileButton = document.getElementById("clear-file");
  const formatSelect = document.getElementById("input-format");
  const statusLine = document.getElementById("status");
  const diagnosticsBox = document.getElementById("diagnostics");
  const preview = document.getElementById("preview");
  const previewEmpty = document.getElementById("preview-empty");
  const buttons = Array.from(document.querySelectorAll("button[data-format]"));

  let chosenFiles = [];
  let previewURL = null;

  // ---- input: pasted text or files ----

  function describeSize(bytes) {
    if (bytes < 1024) return bytes + " bytes";
    if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + " KB";
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  function useFiles(files) {
    chosenFiles = Array.from(files || []);
    if (chosenFiles.length === 0) {
      fileState.hidden = true;
      fileState.textContent = "";
      clearFileButton.hidden = true;
      return;
    }
    const names = chosenFiles.map((file) => file.name + " (" + describeSize(file.size) + ")");
    fileState.textContent =
      (chosenFiles.length === 1 ? "Using the file " : "Using " + chosenFiles.length + " files, merged: ") +
      names.join(", ");
    fileState.hidden = false;
    clearFileButton.hidden = false;
    setStatus(fileState.textContent + ".", "");
  }

  fileInput.addEventListener("change", () => useFiles(fileInput.files));
  // A browser that restores the form (back, reload) may bring the files back.
  if (fileInput.files && fileInput.files.length > 0) useFiles(fileInput.files);

  clearFileButton.addEventListener("click", () => {
    fileInput.value = "";
    useFiles([]);
    setStatus("Using the pasted text.", "");
    textArea.focus();
  });

  // Typing after choosing a file means the text is wanted: the last thing touched is converted.
  textArea.addEventListener("input", () => {
    if (chosenFiles.length > 0) {
      fileInput.value = "";
      useFiles([]);
    }
  });

  for (const name of ["dragenter", "dragover"]) {
    dropZone.addEventListener(name, (event) => {
      event.preventDefault();
      dropZone.classList.add("dragging");
    });
  }
  for (const name of ["dragleave", "dragend"]) {
    dropZone.addEventListener(name, () => dropZone.classList.remove("dragging"));
  }
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("dragging");
    const transfer = event.dataTransfer;
    if (transfer && transfer.files && transfer.files.length > 0) {
      useFiles(transfer.files);
    } else if (transfer && transfer.getData("text/plain")) {
      textArea.value = transfer.getData("text/plain");
      useFiles([]);
      setStatus("Using the dropped text.", "");
    }
  });
  // A file dropped beside the zone must not replace the page with the file.
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", (event) => {
    if (!dropZone.contains(event.target) && event.target !== textArea) event.preventDefault();
  });

  form.addEventListener("submit", (event) => event.preventDefault());

  // The formats the server reads, for the optional input format choice.
  fetch("/v1/formats", { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : null))
    .then((body) => {
      if (!body || !Array.isArray(body.formats)) return;
      for (const format of body.formats) {
        if (!format.reads || typeof format.name !== "string") continue;
        const option = document.createElement("option");
        option.value = format.name;
        const extensions = Array.isArray(format.extensions) ? format.extensions.join(", ") : "";
        option.textContent = extensions ? format.name + " (" + extensions + ")" : format.name;
        formatSelect.appendChild(option);
      }
    })
    .catch(() => {});

  // ---- requests ----

  function requestFor(format) {
    const parameters = new URLSearchParams({ to: format });
    if (formatSelect.value) parameters.set("from", formatSelect.value);
    let body;
    if (chosenFiles.length === 1) {
      parameters.set("filename", chosenFiles[0].name);
      body = chosenFiles[0];
    } else if (chosenFiles.length > 1) {
      body = new FormData();
      for (const file of chosenFiles) body.append("file", file, file.name);
    } else if (textArea.value.trim() !== "") {
      body = new Blob([textArea.value], { type: "text/plain; charset=utf-8" });
    } else {
      return null;
    }
    return { url: "/v1/convert?" + parameters.toString(), body: body };
  }

  function filenameFrom(disposition, fallback) {
    if (disposition) {
      const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
      if (extended) {
        try {
          return cleanFilename(decodeURIComponent(extended[1].trim()), fallback);
        } catch (error) {
          // fall through to the plain parameter
        }
      }
      const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(disposition);
      if (quoted) return cleanFilename(quoted[1].replace(/\\(.)/g, "$1"), fallback);
      const bare = /filename\s*=\s*([^;\s]+)/i.exec(disposition);
      if (bare) return cleanFilename(bare[1], fallback);
    }
    return fallback;
  }

  function cleanFilename(name, fallback) {
    const base = name.split(/[\\/]/).pop().replace(/[\u0000-\u001f]/g, "").trim();
    return base && base !== "." && base !== ".." ? base : fallback;
  }

  function parseDiagnosticsHeader(value) {
    if (!value) return [];
    try {
      const parsed = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : [];
    } catch (error) {
      return [];
    }
  }

  async function problemFrom(response) {
    const type = response.headers.get("Content-Type") || "";
    if (/json/i.test(type)) {
      try {
        const problem = await response.json();
        if (problem && typeof problem === "object") return problem;
      } catch (error) {
        // not JSON after all
      }
    }
    return { status: response.status, title: response.statusText || "The server answered " + response.status };
  }

  function explainFailure(response, problem) {
    const parts = [];
    parts.push(problem.title || "The conversion failed");
    if (problem.detail && problem.detail !== problem.title) parts.push(problem.detail);
    let text = parts.join(": ");
    if (!/[.!?…]$/.test(text)) text += ".";
    if (response.status === 503) {
      const retry = response.headers.get("Retry-After");
      text += retry && /^\d+$/.test(retry)
        ? " The server is busy; try again in " + retry + (retry === "1" ? " second." : " seconds.")
        : " The server is busy; try again shortly.";
    } else if (response.status === 413) {
      text += " The input is larger than this server accepts.";
    } else if (response.status === 408) {
      text += " The input took too long to arrive; try again.";
    }
    return text;
  }

  async function convert(button) {
    const format = button.dataset.format;
    if (button.getAttribute("aria-busy") === "true") return;
    const request = requestFor(format);
    if (!request) {
      setStatus("Paste a summary or choose a file first.", "error");
      renderDiagnostics([]);
      textArea.focus();
      return;
    }
    const label = button.dataset.download || "the preview";
    button.setAttribute("aria-busy", "true");
    setStatus(format === "html" ? "Converting for the preview…" : "Converting to " + label + "…", "");
    renderDiagnostics([]);
    let response;
    try {
      response = await fetch(request.url, { method: "POST", body: request.body });
    } catch (error) {
      button.removeAttribute("aria-busy");
      setStatus("Could not reach the server: " + error.message, "error");
      return;
    }
    try {
      if (!response.ok) {
        const problem = await problemFrom(response);
        setStatus(explainFailure(response, problem), "error");
        renderDiagnostics(Array.isArray(problem.diagnostics) ? problem.diagnostics : [], true);
        return;
      }
      const diagnostics = parseDiagnosticsHeader(response.headers.get("Quire-Diagnostics"));
      if (format === "html") {
        const type = response.headers.get("Content-Type") || "";
        if (!/text\/html/i.test(type)) {
          setStatus("The preview came back as " + (type || "an unknown type") + ", not a page.", "error");
          return;
        }
        const html = await response.text();
        showPreview(html);
        setStatus("Preview ready." + summarize(diagnostics), "ok");
      } else {
        const blob = await response.blob();
        const fallback = "quire." + ({ markdown: "md" }[format] || format);
        const name = filenameFrom(response.headers.get("Content-Disposition"), fallback);
        save(blob, name);
        setStatus("Saved " + name + " (" + describeSize(blob.size) + ")." + summarize(diagnostics), "ok");
      }
      renderDiagnostics(diagnostics, false);
    } catch (error) {
      setStatus("The answer could not be read: " + error.message, "error");
    } finally {
      button.removeAttribute("aria-busy");
    }
  }

  for (const button of buttons) button.addEventListener("click", () => convert(button));

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // The download has started from the URL; keep it a while for slow browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  // ---- the preview ----

  // The converted page carries its own <style>. A frame made from it inherits this page's
  // Content-Security-Policy, which refuses inline styles, so the rules are taken out here and given to
  // the frame as a constructed style sheet (which the policy allows) once it has loaded.
  let previewStyles = [];

  // The writer puts its style sheet in the head; a style element ends at the first "</style", as the
  // HTML parser reads it. (Parsing the page with DOMParser would itself trip the policy.)
  function withoutStyles(html) {
    const bodyStart = html.search(/<body[\s>]/i);
    const head = bodyStart < 0 ? html : html.slice(0, bodyStart);
    previewStyles = [];
    const strippedHead = head.replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (match, css) => {
      previewStyles.push(css);
      return "";
    });
    return bodyStart < 0 ? strippedHead : strippedHead + html.slice(bodyStart);
  }

  function adoptStyles(frameDocument, frameWindow) {
    if (previewStyles.length === 0 || !("adoptedStyleSheets" in frameDocument)) return;
    const sheets = [];
    for (const text of previewStyles) {
      try {
        const sheet = new frameWindow.CSSStyleSheet();
        sheet.replaceSync(text);
        sheets.push(sheet);
      } catch (error) {
        // a sheet that cannot be read leaves the preview plain
      }
    }
    frameDocument.adoptedStyleSheets = sheets;
  }

  // Links inside the preview: in-page links (the timelines, the contents) scroll the preview; web links
  // open in a new tab, since the frame itself only ever shows the preview.
  function handlePreviewClick(event) {
    const target = event.target;
    const link = target && target.closest ? target.closest("a") : null;
    if (!link) return;
    const href = link.getAttribute("href") || link.getAttributeNS("http://www.w3.org/1999/xlink", "href") || "";
    event.preventDefault();
    if (href.startsWith("#")) {
      let id = href.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch (error) {
        // keep it as written
      }
      const destination = link.ownerDocument.getElementById(id);
      if (destination) {
        if (!destination.hasAttribute("tabindex")) destination.setAttribute("tabindex", "-1");
        destination.focus({ preventScroll: true });
        destination.scrollIntoView();
      }
    } else if (/^(https?:|mailto:)/i.test(href)) {
      window.open(href, "_blank", "noopener,noreferrer");
    }
  }

  function showPreview(html) {
    if (previewURL) URL.revokeObjectURL(previewURL);
    const page = withoutStyles(html);
    previewURL = URL.createObjectURL(new Blob([page], { type: "text/html; charset=utf-8" }));
    preview.classList.add("loading");
    delete preview.dataset.ready;
    preview.hidden = false;
    previewEmpty.hidden = true;
    preview.src = previewURL;
  }

  preview.addEventListener("load", () => {
    if (!previewURL) return;
    try {
      const frameDocument = preview.contentDocument;
      const frameWindow = preview.contentWindow;
      if (frameDocument && frameWindow) {
        adoptStyles(frameDocument, frameWindow);
        frameDocument.addEventListener("click", handlePreviewClick);
        if (frameDocument.title) preview.title = "Preview: " + frameDocument.title;
      }
    } catch (error) {
      // a frame out of reach is shown as it is
    }
    preview.classList.remove("loading");
    preview.dataset.ready = "true";
  });

  // ---- messages ----

  function setStatus(text, kind) {
    statusLine.textContent = text;
    statusLine.className = "status" + (kind ? " " + kind : "");
  }

  function countBySeverity(diagnostics) {
    const counts = {};
    for (const diagnostic of diagnostics) {
      const severity = String(diagnostic.severity || "note");
      counts[severity] = (counts[severity] || 0) + 1;
    }
    return counts;
  }

  function summarize(diagnostics) {
    if (diagnostics.length === 0) return "";
    const counts = countBySeverity(diagnostics);
    const parts = [];
    for (const severity of ["error", "warning", "note", "remark"]) {
      const count = counts[severity];
      if (count) parts.push(count + " " + severity + (count === 1 ? "" : "s"));
      delete counts[severity];
    }
    for (const severity of Object.keys(counts)) parts.push(counts[severity] + " " + severity);
    return " Quire reported " + parts.join(", ") + ", listed below.";
  }

  function place(item) {
    const parts = [];
    if (item.file) parts.push(String(item.file));
    if (item.line) parts.push("line " + item.line);
    if (item.column) parts.push("column " + item.column);
    return parts.join(", ");
  }

  function renderDiagnostics(diagnostics, isFailure) {
    diagnosticsBox.replaceChildren();
    if (!diagnostics || diagnostics.length === 0) return;
    const list = document.createElement("ul");
    list.setAttribute("aria-label", "Diagnostics");
    if (isFailure) list.className = "problem";
    for (const diagnostic of diagnostics) {
      const item = document.createElement("li");
      const severity = String(diagnostic.severity || "note");
      const label = document.createElement("span");
      label.className = "severity severity-" + severity.replace(/[^a-z]/gi, "");
      label.textContent = severity + ": ";
      item.appendChild(label);
      item.appendChild(document.createTextNode(String(diagnostic.message || "")));
      const where = place(diagnostic);
      const identifier = diagnostic.identifier || diagnostic.id;
      if (where || identifier) {
        const detail = document.createElement("span");
        detail.className = "where";
        detail.textContent = " (" + [where, identifier ? "[" + identifier + "]" : ""].filter(Boolean).join(" ") + ")";
        item.appendChild(detail);
      }
      const notes = Array.isArray(diagnostic.notes) ? diagnostic.notes : [];
      if (notes.length > 0) {
        const details = document.createElement("details");
        const summary = document.createElement("summary");
        summary.textContent = notes.length === 1 ? "1 note" : notes.length + " notes";
        details.appendChild(summary);
        const noteList = document.createElement("ul");
        for (const note of notes) {
          const noteItem = document.createElement("li");
          const text = typeof note === "string" ? note : String(note.message || "");
          const noteWhere = typeof note === "string" ? "" : place(note);
          noteItem.textContent = noteWhere ? text + " (" + noteWhere + ")" : text;
          noteList.appendChild(noteItem);
        }
        details.appendChild(noteList);
        item.appendChild(details);
      }
      list.appendChild(item);
    }
    diagnosticsBox.appendChild(list);
  }
})();
