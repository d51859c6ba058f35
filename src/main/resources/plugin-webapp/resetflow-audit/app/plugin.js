// ResetFlow audit: a Cockpit plugin for process owners (Camunda 7.14+ plugin API, no framework).
// Three plugins: a dashboard widget, a navigation entry and the audit page at #/resetflow-audit.
// Everything shown comes from GET /api/cockpit/plugin/resetflow-audit/{engine}/..., see docs/audit.md.
// Usernames and client addresses are typed by anonymous users: they only ever reach the page as text nodes.

const PLUGIN_ID = "resetflow-audit";
const ROUTE = "/resetflow-audit";
const OUTCOMES = ["COMPLETED", "ESCALATED", "REFUSED", "LOCKED_OUT", "EXPIRED", "ACTIVE", "CANCELLED"];
const JOURNEYS = ["reset", "unlock", "registration"];
const METHODS = ["EMAIL", "SMS", "VOICE_MOBILE", "VOICE_OFFICE", "QUESTIONS", "AUTHENTICATOR_APP", "PASSKEY"];
const WINDOWS = [1, 7, 30, 90, 180, 366];
const DEFAULT_DAYS = 30;
const PAGE_SIZE = 25;

const LABELS = {
  COMPLETED: "Completed", ESCALATED: "Escalated", REFUSED: "Refused", LOCKED_OUT: "Locked out",
  EXPIRED: "Expired", ACTIVE: "Active", CANCELLED: "Cancelled",
  EMAIL: "Email", SMS: "Text message", VOICE_MOBILE: "Call to mobile", VOICE_OFFICE: "Call to office", QUESTIONS: "Security questions",
  AUTHENTICATOR_APP: "Authenticator app", PASSKEY: "Passkey",
  reset: "Reset", unlock: "Unlock", registration: "Registration",
};

const SHORT = { EMAIL: "Email", SMS: "Text", VOICE_MOBILE: "Call mobile", VOICE_OFFICE: "Call office", QUESTIONS: "Questions", AUTHENTICATOR_APP: "App", PASSKEY: "Passkey" };

function label(value) {
  return LABELS[value] || value;
}

/** An element with attributes and children; strings become text nodes, never markup. */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  });
  return node;
}

function auditApi(api) {
  const base = `${api.cockpitApi}/plugin/${PLUGIN_ID}/${encodeURIComponent(api.engine)}`;
  function url(path, params) {
    const query = new URLSearchParams();
    Object.entries(params || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== "") query.set(name, value);
    });
    const text = query.toString();
    return `${base}/${path}${text ? "?" + text : ""}`;
  }
  // Read-only GETs: Camunda's CSRF filter asks for the X-XSRF-TOKEN header only on requests that change something.
  async function get(path, params, signal) {
    const response = await fetch(url(path, params), { credentials: "same-origin", headers: { Accept: "application/json" }, signal });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(body.message || `${response.status} ${response.statusText}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }
  return { url, get };
}

const number = (value) => (value === null || value === undefined ? "–" : Number(value).toLocaleString("en"));
const percent = (rate) => (rate === null || rate === undefined ? "–" : `${(Math.round(rate * 1000) / 10).toLocaleString("en")} %`);
const dateTime = (iso) => (iso ? new Date(iso).toLocaleString() : "");

function duration(millis) {
  if (millis === null || millis === undefined) return "–";
  const seconds = Math.round(millis / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

const instanceLink = (processInstanceId) =>
  el("a", { href: `#/process-instance/${encodeURIComponent(processInstanceId)}`, title: "Open the process instance in Cockpit" }, "Open");

// The community Cockpit shows running process instances only: an ended journey has no page to open.
const instanceLinkWhileRunning = (processInstanceId, ended) => (ended
  ? el("span", { class: "rfa-muted", title: "Ended: the community Cockpit shows running process instances only" }, "ended")
  : instanceLink(processInstanceId));

function figure(name, title, value, note) {
  return el("div", { class: "rfa-figure", "data-figure": name },
    el("div", { class: "rfa-figure-value" }, value),
    el("div", { class: "rfa-figure-title" }, title),
    note ? el("div", { class: "rfa-figure-note" }, note) : null);
}

function figures(summary) {
  const escalations = summary.escalationsWaiting;
  const failures = summary.writebackFailures;
  return el("div", { class: "rfa-figures" },
    figure("journeys", "Journeys", number(summary.journeys), `${number(summary.unknownAccounts)} for unknown usernames`),
    figure("success-rate", "Success rate", percent(summary.successRate), "completed of those with an outcome"),
    figure("median-time", "Median time to complete", duration(summary.medianMillisToComplete)),
    figure("lockouts", "Lockouts", number(summary.lockouts)),
    figure("escalations-waiting", "Escalations waiting", number(escalations.count),
      escalations.oldestAgeSeconds === null ? "none waiting" : `oldest ${duration(escalations.oldestAgeSeconds * 1000)}`),
    figure("writeback-failures", "Writeback failures", number(failures.count), `${number(failures.open)} open`));
}

function table(headers, rows, attributes) {
  return el("table", Object.assign({ class: "table table-striped rfa-table" }, attributes || {}),
    el("thead", {}, el("tr", {}, headers.map((header) => el("th", {}, header)))),
    el("tbody", {}, rows));
}

function message(text, kind) {
  return el("p", { class: `rfa-message rfa-${kind || "info"}`, role: kind === "error" ? "alert" : "status" }, text);
}

function windowSelect(days, onChange) {
  return el("label", { class: "rfa-window" }, "Time window ",
    el("select", { class: "form-control", name: "days", onchange: (event) => onChange(Number(event.target.value)) },
      WINDOWS.map((value) => el("option", { value, selected: value === days }, value === 1 ? "today" : `last ${value} days`))));
}

// ---- the dashboard widget ----

function renderDashboard(node, api) {
  const audit = auditApi(api);
  const body = el("div", {}, message("Loading…"));
  node.append(el("section", { class: "rfa rfa-dashboard", "data-rfa": "dashboard" },
    el("h3", { class: "section-title" }, `ResetFlow audit: last ${DEFAULT_DAYS} days`), body,
    el("p", {}, el("a", { href: `#${ROUTE}` }, "Open the ResetFlow audit"))));
  audit.get("summary", { days: DEFAULT_DAYS })
    .then((summary) => body.replaceChildren(figures(summary)))
    .catch((error) => body.replaceChildren(message(error.message, error.status === 403 ? "info" : "error")));
}

// ---- the audit page ----

function renderPage(node, api) {
  const audit = auditApi(api);
  const state = { days: DEFAULT_DAYS, search: "", outcome: "", journey: "", method: "", firstResult: 0 };
  const controller = new AbortController();
  let summaryRequest = 0;
  let listRequest = 0;

  const summaryArea = el("div", { "data-rfa": "summary" }, message("Loading…"));
  const listArea = el("div", { "data-rfa": "journeys" });
  const searchInput = el("input", { class: "form-control", type: "search", name: "search", maxlength: 100,
    placeholder: "user, flow id or client address", "aria-label": "Search journeys" });
  const choice = (name, values, all) => el("select", { class: "form-control", name, "aria-label": all },
    el("option", { value: "" }, all), values.map((value) => el("option", { value }, label(value))));
  const outcomeSelect = choice("outcome", OUTCOMES, "every outcome");
  const journeySelect = choice("journey", JOURNEYS, "every journey");
  const methodSelect = choice("method", METHODS, "every method");
  const exportLink = el("a", { class: "btn btn-default", "data-rfa": "export", download: true }, "Export CSV");

  const filters = () => ({ days: state.days, search: state.search, outcome: state.outcome, journey: state.journey, method: state.method });

  function loadSummary() {
    const request = ++summaryRequest;
    audit.get("summary", { days: state.days }, controller.signal)
      .then((summary) => request === summaryRequest && summaryArea.replaceChildren(summaryView(summary)))
      .catch((error) => request === summaryRequest && error.name !== "AbortError"
        && summaryArea.replaceChildren(message(error.message, "error")));
  }

  function loadJourneys() {
    const request = ++listRequest;
    exportLink.setAttribute("href", audit.url("journeys.csv", filters()));
    audit.get("journeys", Object.assign(filters(), { firstResult: state.firstResult, maxResults: PAGE_SIZE }), controller.signal)
      .then((page) => request === listRequest && listArea.replaceChildren(journeyList(page)))
      .catch((error) => request === listRequest && error.name !== "AbortError"
        && listArea.replaceChildren(message(error.message, "error")));
  }

  function journeyList(page) {
    const rows = page.journeys.map((journey) => el("tr", { "data-flow-id": journey.flowId },
      el("td", {}, el("span", { class: "rfa-user", title: journey.username }, journey.username),
        journey.accountKnown ? null : el("span", { class: "rfa-tag", title: "No account has this username" }, "unknown")),
      el("td", {}, label(journey.journey)),
      el("td", {}, dateTime(journey.started)),
      el("td", {}, dateTime(journey.ended)),
      el("td", {}, journey.methods.map(label).join(", ")),
      el("td", { "data-outcome": journey.outcome }, label(journey.outcome)),
      el("td", {}, journey.reason),
      el("td", {}, journey.node),
      el("td", {}, journey.clientAddress),
      el("td", {}, instanceLinkWhileRunning(journey.processInstanceId, journey.ended))));
    const last = Math.min(page.firstResult + page.journeys.length, page.total);
    const move = (firstResult) => () => { state.firstResult = Math.max(0, firstResult); loadJourneys(); };
    return el("div", {},
      page.total === 0 ? message("No journey matches.") : el("div", { class: "rfa-scroll" }, table(
        ["User", "Journey", "Started", "Ended", "Method(s)", "Outcome", "Reason", "Node", "Client address", "Cockpit"], rows,
        { "data-rfa": "journey-table" })),
      el("div", { class: "rfa-pager" },
        el("span", { "data-rfa": "range" }, page.total === 0 ? "" : `${page.firstResult + 1}–${last} of ${page.total}`),
        el("button", { class: "btn btn-default", type: "button", disabled: page.firstResult === 0, onclick: move(page.firstResult - PAGE_SIZE) }, "Previous"),
        el("button", { class: "btn btn-default", type: "button", disabled: last >= page.total, onclick: move(page.firstResult + PAGE_SIZE) }, "Next")));
  }

  const searchForm = el("form", { class: "rfa-filters", role: "search", onsubmit: (event) => {
    event.preventDefault();
    Object.assign(state, { search: searchInput.value.trim(), outcome: outcomeSelect.value, journey: journeySelect.value,
      method: methodSelect.value, firstResult: 0 });
    loadJourneys();
  } }, searchInput, outcomeSelect, journeySelect, methodSelect,
  el("button", { class: "btn btn-primary", type: "submit" }, "Search"), exportLink);

  node.append(el("div", { class: "rfa rfa-page", "data-rfa": "page" },
    el("div", { class: "rfa-heading" },
      el("h1", {}, "ResetFlow audit"),
      windowSelect(state.days, (days) => { Object.assign(state, { days, firstResult: 0 }); loadSummary(); loadJourneys(); })),
    summaryArea,
    el("h2", {}, "Journeys"), searchForm, listArea));
  loadSummary();
  loadJourneys();
  return () => controller.abort();
}

/** Journeys per day as stacked columns, one colour per outcome; the exact numbers are in the table below it. */
function dayChart(days) {
  const busiest = Math.max(1, ...days.map((day) => day.journeys));
  const labelEvery = Math.ceil(days.length / 15);
  return el("div", { class: "rfa-chart-area" },
    el("div", { class: "rfa-chart", role: "img", "aria-label": "Journeys per day by outcome", "data-rfa": "chart" },
      days.map((day, index) => {
        const stack = el("div", { class: "rfa-stack" }, OUTCOMES.filter((outcome) => day.byOutcome[outcome] > 0).map((outcome) => {
          const segment = el("div", { class: `rfa-segment rfa-o-${outcome}` });
          segment.style.flexGrow = String(day.byOutcome[outcome]);
          return segment;
        }));
        stack.style.height = `${(100 * day.journeys) / busiest}%`;
        const parts = OUTCOMES.filter((outcome) => day.byOutcome[outcome] > 0).map((outcome) => `${day.byOutcome[outcome]} ${label(outcome).toLowerCase()}`);
        return el("div", { class: "rfa-column", title: `${day.day}: ${day.journeys} journeys${parts.length ? " (" + parts.join(", ") + ")" : ""}` },
          el("div", { class: "rfa-bar" }, stack),
          el("div", { class: "rfa-column-label" }, (days.length - 1 - index) % labelEvery === 0 ? day.day.slice(5) : ""));
      })),
    el("div", { class: "rfa-legend" }, OUTCOMES.map((outcome) =>
      el("span", {}, el("span", { class: `rfa-swatch rfa-o-${outcome}` }), label(outcome)))));
}

function summaryView(summary) {
  const busyDays = summary.days.filter((day) => day.journeys > 0).reverse();
  const dayRows = busyDays.map((day) => el("tr", { "data-day": day.day },
    el("td", {}, day.day),
    el("td", { "data-outcome": "ALL" }, number(day.journeys)),
    OUTCOMES.map((outcome) => el("td", { "data-outcome": outcome }, number(day.byOutcome[outcome]))),
    METHODS.map((method) => el("td", { "data-method": method }, number(day.methodsTried[method])))));
  const escalations = summary.escalationsWaiting;
  const failures = summary.writebackFailures;
  return el("div", {},
    figures(summary),
    el("h2", {}, "Journeys per day"),
    dayChart(summary.days),
    el("div", { class: "rfa-columns" },
      el("div", {},
        el("h2", {}, "By outcome"),
        table(["Outcome", "Journeys"], OUTCOMES.map((outcome) => el("tr", { "data-outcome": outcome },
          el("td", {}, el("span", { class: `rfa-swatch rfa-o-${outcome}` }), label(outcome)),
          el("td", { "data-count": "journeys" }, number(summary.byOutcome[outcome])))), { "data-rfa": "outcomes" })),
      el("div", {},
        el("h2", {}, "By verification method"),
        table(["Method", "Journeys that tried it", "Journeys it verified"], summary.byMethod.map((method) =>
          el("tr", { "data-method": method.method }, el("td", {}, label(method.method)),
            el("td", { "data-count": "tried" }, number(method.tried)), el("td", { "data-count": "verified" }, number(method.verified)))),
          { "data-rfa": "methods" }))),
    el("h2", {}, "Days with journeys"),
    busyDays.length === 0 ? message("No journey in this window.") : el("div", { class: "rfa-scroll" },
      el("table", { class: "table table-striped rfa-table", "data-rfa": "days" },
        el("thead", {},
          el("tr", {}, el("th", { rowspan: 2 }, "Day"), el("th", { rowspan: 2 }, "Journeys"),
            el("th", { colspan: OUTCOMES.length, class: "rfa-group" }, "By outcome"),
            el("th", { colspan: METHODS.length, class: "rfa-group" }, "Methods tried")),
          el("tr", {}, OUTCOMES.map((outcome) => el("th", {}, label(outcome))), METHODS.map((method) => el("th", {}, SHORT[method])))),
        el("tbody", {}, dayRows))),
    el("div", { class: "rfa-columns" },
      el("div", {},
        el("h2", {}, "Escalations waiting for the helpdesk"),
        escalations.count === 0 ? message("None.") : table(["User", "Journey", "Waiting since", "Age", "Cockpit"],
          escalations.oldest.map((waiting) => el("tr", {},
            el("td", {}, el("span", { class: "rfa-user", title: waiting.username }, waiting.username)), el("td", {}, label(waiting.journey)), el("td", {}, dateTime(waiting.since)),
            el("td", {}, duration(waiting.ageSeconds * 1000)), el("td", {}, instanceLink(waiting.processInstanceId)))),
          { "data-rfa": "escalations" })),
      el("div", {},
        el("h2", {}, "Writeback failures"),
        failures.count === 0 ? message("None in this window.") : table(["Step", "State", "Raised", "Ended", "Cockpit"],
          failures.latest.map((failure) => el("tr", { title: failure.message || "" },
            el("td", {}, failure.activityId), el("td", {}, failure.state), el("td", {}, dateTime(failure.created)),
            el("td", {}, dateTime(failure.ended)), el("td", {}, instanceLinkWhileRunning(failure.processInstanceId, failure.journeyEnded)))),
          { "data-rfa": "writeback-failures" }))));
}

let unmountPage = null;

export default [
  {
    id: "resetflow-audit.dashboard",
    pluginPoint: "cockpit.dashboard",
    priority: 10,
    render: (node, { api }) => renderDashboard(node, api),
  },
  {
    id: "resetflow-audit.navigation",
    pluginPoint: "cockpit.navigation",
    priority: 5,
    properties: { path: ROUTE },
    render: (node) => node.append(el("a", { href: `#${ROUTE}` }, "ResetFlow audit")),
  },
  {
    id: "resetflow-audit.page",
    pluginPoint: "cockpit.route",
    priority: 0,
    properties: { path: ROUTE, label: "ResetFlow audit" },
    render: (node, { api }) => { unmountPage = renderPage(node, api); },
    unmount: () => { if (unmountPage) unmountPage(); unmountPage = null; },
  },
];
