// onrecord article view: draws sources, cues and contents as stacked underlines (one colour per speaker),
// links the parts of each attribution on hover and focus, and shows an attribution's details on click or Enter.
// Article text is untrusted: every string goes into the page through textContent or setAttribute, never as markup.
"use strict";
(function () {
  const dataEl = document.getElementById("article-data");
  const textEl = document.getElementById("article-text");
  if (!dataEl || !textEl) return;
  const data = JSON.parse(dataEl.textContent);
  const article = data.article;
  const text = article.text;
  const attributions = article.attributions || [];
  const colours = data.colours || [];
  const ROLES = ["source", "cue", "content"];
  const BAR = 5; // px per underline level, matches --bar in onrecord.css

  // ---------------------------------------------------------------- parts and levels
  const parts = [];
  attributions.forEach((a, i) => {
    ROLES.forEach((role) => {
      (a[role] || []).forEach(([start, end]) => {
        if (end > start && start >= 0 && end <= text.length) parts.push({ start, end, attr: i, role });
      });
    });
  });
  // Longer parts take the lower levels so nested quotes stack under the quote that holds them.
  parts.sort((p, q) => p.start - q.start || (q.end - q.start) - (p.end - p.start));
  const levelEnds = [];
  parts.forEach((p) => {
    let level = levelEnds.findIndex((end) => end <= p.start);
    if (level < 0) level = levelEnds.length;
    levelEnds[level] = p.end;
    p.level = level;
  });
  textEl.style.setProperty("--depth", String(Math.max(1, levelEnds.length)));

  // ---------------------------------------------------------------- segments
  const cuts = new Set([0, text.length]);
  parts.forEach((p) => { cuts.add(p.start); cuts.add(p.end); });
  const bounds = [...cuts].sort((x, y) => x - y);
  const segsByAttr = attributions.map(() => []);
  const fragment = document.createDocumentFragment();
  const speakerName = (a) => (a.speaker ? a.speaker.name : "unresolved speaker");

  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k], end = bounds[k + 1];
    const covering = parts.filter((p) => p.start <= start && p.end >= end);
    if (!covering.length) {
      fragment.appendChild(document.createTextNode(text.slice(start, end)));
      continue;
    }
    const seg = document.createElement("span");
    seg.className = "seg";
    seg.textContent = text.slice(start, end);
    covering.sort((p, q) => p.level - q.level);
    const layers = [], sizes = [], positions = [];
    covering.forEach((p) => {
      const colour = `var(--${colours[p.attr] || "x"})`;
      layers.push(p.role === "cue"
        ? `repeating-linear-gradient(90deg, ${colour} 0 6px, transparent 6px 9px)`
        : `linear-gradient(${colour}, ${colour})`);
      sizes.push(`100% ${p.role === "content" ? 2 : 4}px`);
      positions.push(`0 calc(100% - ${p.level * BAR}px)`);
      seg.classList.add(`is-${p.role}`);
      if (!segsByAttr[p.attr].includes(seg)) segsByAttr[p.attr].push(seg);
    });
    // CSSOM properties, which the Content-Security-Policy allows (style attributes in markup it does not).
    seg.style.backgroundImage = layers.join(", ");
    seg.style.backgroundSize = sizes.join(", ");
    seg.style.backgroundPosition = positions.join(", ");
    seg.style.paddingBottom = `${(covering[covering.length - 1].level + 1) * BAR}px`;
    // Clicking a segment opens the innermost attribution that covers it.
    const inner = covering.reduce((best, p) => (p.end - p.start < best.end - best.start ? p : best));
    seg.dataset.attr = String(inner.attr);
    seg.dataset.attrs = [...new Set(covering.map((p) => p.attr))].join(" ");
    seg.title = covering.map((p) => `${speakerName(attributions[p.attr])}: ${p.role}`).join("\n");
    const starting = covering.filter((p) => p.start === start);
    if (starting.length) {
      const first = starting.reduce((best, p) => (p.end - p.start < best.end - best.start ? p : best));
      const a = attributions[first.attr];
      seg.tabIndex = 0;
      seg.setAttribute("role", "button");
      seg.dataset.attr = String(first.attr);
      seg.setAttribute("aria-label", `${first.role} of an attribution to ${speakerName(a)}: ${text.slice(first.start, first.end)}`);
    }
    fragment.appendChild(seg);
  }
  textEl.textContent = "";
  textEl.appendChild(fragment);
  textEl.classList.add("is-highlighted");

  // ---------------------------------------------------------------- linking parts
  const items = [...document.querySelectorAll("#attribution-list .attr-item")];
  let lit = null;
  function light(i) {
    if (lit === i) return;
    unlight();
    if (i === null || !segsByAttr[i]) return;
    lit = i;
    textEl.classList.add("has-lit");
    segsByAttr[i].forEach((s) => s.classList.add("lit"));
    if (items[i]) items[i].classList.add("lit");
  }
  function unlight() {
    if (lit === null) return;
    segsByAttr[lit].forEach((s) => s.classList.remove("lit"));
    if (items[lit]) items[lit].classList.remove("lit");
    textEl.classList.remove("has-lit");
    lit = null;
  }
  const attrOf = (el) => (el && el.dataset.attr !== undefined ? Number(el.dataset.attr) : null);
  textEl.addEventListener("mouseover", (e) => light(attrOf(e.target.closest(".seg"))));
  textEl.addEventListener("mouseleave", unlight);
  textEl.addEventListener("focusin", (e) => light(attrOf(e.target.closest(".seg"))));
  textEl.addEventListener("focusout", unlight);
  items.forEach((item) => {
    const i = Number(item.dataset.attr);
    item.addEventListener("mouseenter", () => light(i));
    item.addEventListener("mouseleave", unlight);
    item.addEventListener("focusin", () => light(i));
    item.addEventListener("focusout", unlight);
  });

  // ---------------------------------------------------------------- details
  const details = document.getElementById("details");
  const list = document.getElementById("details-list");
  let opener = null;

  function row(term, value, href) {
    if (value === null || value === undefined || value === "") return;
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    if (href) {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = String(value);
      dd.appendChild(link);
    } else {
      dd.textContent = String(value);
    }
    list.append(dt, dd);
  }
  function spanTexts(pairs) {
    return (pairs || []).map(([s, e]) => text.slice(s, e)).join(" … ");
  }
  let selected = null;
  function select(i) {
    if (selected !== null) {
      segsByAttr[selected].forEach((seg) => seg.classList.remove("selected"));
      if (items[selected]) items[selected].classList.remove("selected");
    }
    selected = i;
    if (i === null) return;
    segsByAttr[i].forEach((seg) => seg.classList.add("selected"));
    if (items[i]) items[i].classList.add("selected");
  }
  const narrow = window.matchMedia("(max-width: 760px)");

  function showDetails(i, from) {
    const a = attributions[i];
    if (!a) return;
    select(i);
    // on a phone the details cover the lower part of the screen: bring the attribution to the top
    if (narrow.matches && segsByAttr[i][0]) segsByAttr[i][0].scrollIntoView({ block: "start" });
    list.textContent = "";
    details.className = `details ${colours[i] || "x"}`;
    const claim = a.claim || {};
    const verification = claim.verification;
    row("Speaker", a.speaker ? `${a.speaker.name} (${a.speaker.kind})` : "unresolved",
      a.speaker && data.speaker_links ? `/speakers/${encodeURIComponent(a.speaker.id)}` : null);
    row("Source", spanTexts(a.source) || "implicit");
    row("Cue", `${spanTexts(a.cue)} (${a.cue_lemma})`);
    row("Content", spanTexts(a.content));
    row("Type", a.type);
    row("Kind", a.kind || "speech");
    row("Stance", claim.stance ? `${claim.stance}${claim.negated ? " (negated)" : ""}` : "not available");
    row("Certainty", claim.certainty);
    row("Confidence", typeof a.confidence === "number" ? a.confidence.toFixed(2) : null);
    row("Verification", verification
      ? `${verification.status}${verification.by && verification.by.length ? " by " + verification.by.join(", ") : ""}`
      : (a.claim ? "no note" : "not available"));
    if (verification && verification.evidence) row("Evidence", spanTexts([verification.evidence]));
    row("Said on", a.said_on || "not stated");
    row("Dates mentioned", (claim.times || []).map((t) => `${t.text} = ${t.value || "?"}`).join("; "));
    row("Numbers", (claim.quantities || []).map((q) => `${q.text} = ${q.value}${q.unit ? " " + q.unit : ""}`).join("; "));
    row("Flags", (claim.flags || []).join(", "));
    row("Found by", a.origin);
    if (data.speaker_links) row("Across articles", "related statements", `/articles/${encodeURIComponent(article.id)}/attributions/${i}/related`);
    details.hidden = false;
    opener = from || null;
    details.focus();
  }
  function hideDetails() {
    details.hidden = true;
    select(null);
    if (opener && document.contains(opener)) opener.focus();
    opener = null;
  }
  details.querySelector(".details-close").addEventListener("click", hideDetails);
  details.addEventListener("keydown", (e) => { if (e.key === "Escape") hideDetails(); });

  textEl.addEventListener("click", (e) => {
    const seg = e.target.closest(".seg");
    if (seg) showDetails(Number(seg.dataset.attr), seg);
  });
  textEl.addEventListener("keydown", (e) => {
    const seg = e.target.closest(".seg");
    if (!seg || (e.key !== "Enter" && e.key !== " ")) return;
    e.preventDefault();
    showDetails(Number(seg.dataset.attr), seg);
  });
  items.forEach((item) => {
    const button = item.querySelector(".attr-button");
    button.addEventListener("click", () => {
      const i = Number(item.dataset.attr);
      const first = segsByAttr[i] && segsByAttr[i][0];
      if (first) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
      showDetails(i, button);
    });
  });

  // A link to #attr-N (from Search or a speaker's statements) opens that attribution.
  const target = /^#attr-(\d+)$/.exec(window.location.hash);
  if (target && attributions[Number(target[1])]) {
    const i = Number(target[1]);
    const first = segsByAttr[i] && segsByAttr[i][0];
    if (first) first.scrollIntoView({ block: "center" });
    light(i);
    showDetails(i, first || null);
  }
})();
