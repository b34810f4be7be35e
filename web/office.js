// The CareRound office console: one page that talks to the office API (/v1/office/...,
// docs/office-api.md). Every element is made with document.createElement and every value
// shown goes in as text (never as HTML), so a client named <script> is shown as written.
'use strict';

const session = { account: null, csrf: null, staff: [] };
const main = () => document.getElementById('main');

/** An element with attributes (on* are listeners) and children (strings become text). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'for') node.htmlFor = value;
    else if (key === 'value') node.value = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Calls the office API; throws ApiError with the server's message on a refusal. */
async function api(method, path, body) {
  const headers = {};
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (session.csrf) headers['X-CSRF-Token'] = session.csrf;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = {};
  try {
    data = await response.json();
  } catch (e) {
    data = { error: 'unreadable', message: 'The server sent an answer that is not JSON' };
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/v1/office/session') {
      session.account = null;
      showSignIn(data.message);
    }
    throw new ApiError(response.status, data.error, data.message || `Error ${response.status}`);
  }
  return data;
}

const isSupervisor = () => session.account && session.account.role === 'supervisor';

/** A value as people read it. */
function shown(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (Array.isArray(value)) return value.map(shown).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const words = (code) => String(code || '').replace(/_/g, ' ');

function alertBox(kind, text) {
  return el('div', { class: `alert alert-${kind}`, role: kind === 'danger' ? 'alert' : 'status' }, text);
}

/** A form's status line: errors are announced, and the form keeps what was typed. */
function statusLine() {
  return el('div', { class: 'mt-2', 'aria-live': 'polite' });
}

function showError(line, error) {
  line.replaceChildren(alertBox('danger', error.message || String(error)));
}

function showDone(line, text) {
  line.replaceChildren(alertBox('success', text));
}

let fieldCount = 0;
/** A labelled input (every input has its label). */
function field(label, attrs = {}) {
  const id = attrs.id || `f${++fieldCount}`;
  const input = attrs.type === 'select'
    ? el('select', { ...attrs, type: null, id, class: 'form-select' }, attrs.options || [])
    : attrs.type === 'textarea'
      ? el('textarea', { ...attrs, type: null, id, class: 'form-control', rows: 2 })
      : el('input', { class: attrs.type === 'checkbox' ? 'form-check-input' : 'form-control', ...attrs, id });
  if (attrs.type === 'checkbox')
    return { input, node: el('div', { class: 'form-check' }, input, el('label', { class: 'form-check-label', for: id }, label)) };
  return { input, node: el('div', { class: 'mb-2' }, el('label', { class: 'form-label', for: id }, label), input) };
}

function option(value, label, selected) {
  return el('option', { value, selected: selected ? true : null }, label);
}

function table(columns, rows, caption) {
  return el('div', { class: 'table-responsive' },
    el('table', { class: 'table table-sm table-striped align-middle' },
      caption ? el('caption', {}, caption) : null,
      el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: columns.length }, 'Nothing to show')))));
}

function row(...cells) {
  return el('tr', {}, cells.map((c) => el('td', { class: 'value-cell' }, c)));
}

function clientLink(id, name) {
  return el('a', { href: `#/client/${encodeURIComponent(id)}` }, name || 'client');
}

function heading(text) {
  return el('h1', { class: 'h3 mb-3' }, text);
}

function setPage(...children) {
  const m = main();
  m.replaceChildren(...children);
  window.scrollTo(0, 0);
  m.focus({ preventScroll: true });
}

// --- sign-in --------------------------------------------------------------------------

function showSignIn(message) {
  document.getElementById('top').hidden = true;
  const login = field('Login', { name: 'login', autocomplete: 'username', required: true, id: 'login' });
  const password = field('Password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true, id: 'password' });
  const status = statusLine();
  if (message) status.replaceChildren(alertBox('warning', message));
  const form = el('form', { class: 'card card-body', style: 'max-width: 24rem', id: 'sign-in-form' },
    el('h1', { class: 'h4' }, 'Sign in to the office'),
    login.node, password.node,
    el('button', { type: 'submit', class: 'btn btn-primary' }, 'Sign in'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const reply = await api('POST', '/v1/office/session', { login: login.input.value, password: password.input.value });
      session.account = reply.account;
      session.csrf = reply.csrf;
      password.input.value = '';
      await startConsole();
    } catch (e) {
      showError(status, e);
    }
  });
  setPage(form);
  login.input.focus();
}

async function signOut() {
  try {
    await api('POST', '/v1/office/session/end', {});
  } finally {
    session.account = null;
    session.csrf = null;
    location.hash = '';
    showSignIn('You are signed out.');
  }
}

// --- navigation -----------------------------------------------------------------------

const pages = [
  ['dashboard', 'Dashboard', () => true],
  ['clients', 'Clients', () => true],
  ['review', 'Review', isSupervisor],
  ['staff', 'Staff and devices', isSupervisor],
  ['directory', 'Resource directory', () => true],
  ['reports', 'Reports', () => true],
  ['audit', 'Audit', isSupervisor],
];

function renderNav(current) {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...pages.filter(([, , allowed]) => allowed()).map(([key, label]) =>
    el('li', { class: 'nav-item' },
      el('a', { class: `nav-link${key === current ? ' active' : ''}`, href: `#/${key}`, 'aria-current': key === current ? 'page' : null }, label))));
}

async function startConsole() {
  document.getElementById('top').hidden = false;
  document.getElementById('who').textContent = `${session.account.name} (${session.account.role})`;
  const names = await api('GET', '/v1/office/staff-names');
  session.staff = names.staff;
  if (!location.hash) location.hash = '#/dashboard';
  else route();
}

async function route() {
  if (!session.account) return;
  const [, page, arg] = location.hash.split('/');
  renderNav(page);
  const views = { dashboard, clients, client: chart, review, staff, directory, reports, audit };
  const view = views[page] || dashboard;
  try {
    await view(arg ? decodeURIComponent(arg) : undefined);
  } catch (e) {
    if (e.status !== 401) setPage(heading('Something went wrong'), alertBox('danger', e.message));
  }
}

const staffName = (id) => (session.staff.find((s) => s.id === id) || {}).name || '—';
const coordinators = () => session.staff.filter((s) => s.role === 'coordinator' && s.active);

// --- dashboard ------------------------------------------------------------------------

function countCard(title, count, body) {
  return el('section', { class: 'col-md-6 col-xl-4 mb-3' },
    el('div', { class: 'card h-100' },
      el('div', { class: 'card-body' },
        el('h2', { class: 'h6 card-title' }, title),
        el('div', { class: 'card-count' }, String(count)),
        body)));
}

const shownItems = 8; // each dashboard card lists the first few; the count is whole

function itemList(items, render, total = items.length) {
  if (!items.length) return el('p', { class: 'text-muted mb-0' }, 'None');
  return el('ul', { class: 'list-unstyled mb-0' }, items.slice(0, shownItems).map((i) => el('li', {}, render(i))),
    total > shownItems ? el('li', { class: 'text-muted' }, `and ${total - shownItems} more`) : null);
}

async function dashboard() {
  const d = await api('GET', '/v1/office/dashboard');
  const statuses = Object.entries(d.clientsByStatus).map(([s, n]) => `${words(s)}: ${n}`).join(' · ');
  const total = Object.values(d.clientsByStatus).reduce((a, b) => a + b, 0);
  const cards = [
    countCard('Clients', total, el('p', { class: 'mb-0' }, statuses || 'No clients')),
    countCard('Overdue follow-ups', d.overdueFollowUps.count,
      itemList(d.overdueFollowUps.items, (f) => [clientLink(f.clientId, f.clientName), `: ${f.description} (due ${f.dueOn})`], d.overdueFollowUps.count)),
    countCard('Follow-ups due today', d.dueToday.count,
      itemList(d.dueToday.items, (f) => [clientLink(f.clientId, f.clientName), `: ${f.description}`], d.dueToday.count)),
    countCard('Unsigned documents', d.unsignedDocuments.count,
      itemList(d.unsignedDocuments.items, (u) => [clientLink(u.clientId, u.clientName), `: ${u.label} ${u.title || ''}`], d.unsignedDocuments.count)),
    countCard('Open complaints', d.openComplaints.count,
      itemList(d.openComplaints.items, (c) => [clientLink(c.clientId, c.clientName), `: ${c.subject} (${words(c.status)})`], d.openComplaints.count)),
    countCard('Safety alerts', d.safetyAlerts.length,
      itemList(d.safetyAlerts, (a) => [clientLink(a.clientId, a.clientName),
        `: PHQ-9 ${a.score}${a.band ? `, ${a.band}` : ''}${a.selfHarmRisk ? ', item 9 (thoughts of self-harm): ask today' : ''}`])),
  ];
  if (d.review)
    cards.push(countCard('Waiting for review', d.review.conflicts + d.review.refused + d.review.amendments,
      el('p', { class: 'mb-0' }, el('a', { href: '#/review' },
        `${d.review.conflicts} conflicts, ${d.review.refused} refused changes, ${d.review.amendments} amendment proposals`))));
  if (d.tablets)
    cards.push(countCard(`Tablets to check (not seen for ${d.tablets.staleDays} days, or with changes waiting)`, d.tablets.items.length,
      itemList(d.tablets.items, (t) => `${t.login} · ${t.label || t.id}: ${t.lastSeen ? `last seen ${t.lastSeen}` : 'never synced'}${t.pending > 0 ? `, ${t.pending} changes waiting` : ''}`)));
  setPage(heading('Dashboard'), el('p', { class: 'text-muted' }, `Today is ${d.today}.`), el('div', { class: 'row' }, cards));
}

// --- clients --------------------------------------------------------------------------

async function clients() {
  const q = field('Name', { type: 'search', id: 'client-search' });
  const coordinator = field('Coordinator', {
    type: 'select', id: 'client-coordinator',
    options: [option('', 'Any'), ...session.staff.filter((s) => s.role === 'coordinator').map((s) => option(s.id, s.name))],
  });
  const status = field('Status', {
    type: 'select', id: 'client-status',
    options: [option('', 'Any'), option('active', 'active'), option('on_hold', 'on hold'), option('discharged', 'discharged')],
  });
  const risk = field('Risk flag', { id: 'client-risk', placeholder: 'any, or a flag such as falls' });
  const overdue = field('Only with overdue follow-ups', { type: 'checkbox', id: 'client-overdue' });
  const results = el('div', { id: 'client-results' });
  const status1 = statusLine();
  const filters = el('form', { class: 'row g-2 align-items-end mb-3', id: 'client-filters' },
    [q, coordinator, status, risk].map((f) => el('div', { class: 'col-sm-6 col-lg-2' }, f.node)),
    el('div', { class: 'col-sm-6 col-lg-2' }, overdue.node),
    el('div', { class: 'col-sm-6 col-lg-2' }, el('button', { type: 'submit', class: 'btn btn-primary' }, 'Search')));
  let latest = 0; // only the answer to the newest search is shown
  const load = async () => {
    const asked = ++latest;
    const params = new URLSearchParams();
    if (q.input.value) params.set('q', q.input.value);
    if (coordinator.input.value) params.set('coordinator', coordinator.input.value);
    if (status.input.value) params.set('status', status.input.value);
    if (risk.input.value) params.set('risk', risk.input.value.trim());
    if (overdue.input.checked) params.set('overdue', '1');
    params.set('limit', '200');
    try {
      const data = await api('GET', `/v1/office/clients?${params}`);
      if (asked !== latest) return;
      renderClients(results, data);
      status1.replaceChildren();
    } catch (e) {
      showError(status1, e);
    }
  };
  filters.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  setPage(heading('Clients'), filters, status1, results);
  await load();
}

function renderClients(target, data) {
  const boxes = [];
  const rows = data.clients.map((c) => {
    const box = el('input', { type: 'checkbox', class: 'form-check-input', value: c.id, 'aria-label': `Select ${c.name}` });
    boxes.push(box);
    return row(isSupervisor() ? box : '', clientLink(c.id, c.name), words(c.status), c.coordinatorName || '—',
      shown(c.riskFlags), c.overdue ? String(c.overdue) : '', c.city || '');
  });
  const parts = [el('p', {}, `${data.total} client(s)${data.total > data.clients.length ? `, the first ${data.clients.length} shown` : ''}.`),
    table([isSupervisor() ? 'Move' : '', 'Name', 'Status', 'Coordinator', 'Risk flags', 'Overdue', 'City'], rows)];
  if (isSupervisor()) {
    const to = field('Move the selected clients to', {
      type: 'select', id: 'move-to', options: [option('', 'Choose a coordinator'), ...coordinators().map((s) => option(s.id, s.name))],
    });
    const line = statusLine();
    line.id = 'move-status';
    const form = el('form', { class: 'card card-body mb-3', id: 'move-form' },
      el('h2', { class: 'h6' }, 'Move clients to another caseload'),
      el('p', { class: 'text-muted' }, 'The coordinator who has them now stops seeing them at the next sync of each tablet (edits already made there are still sent and merged); the new coordinator receives them whole at their next sync.'),
      to.node, el('button', { type: 'submit', class: 'btn btn-primary' }, 'Move'), line);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      if (!chosen.length) return showError(line, new Error('Select at least one client'));
      try {
        const reply = await api('POST', '/v1/office/clients/move', { clients: chosen, coordinator: to.input.value });
        showDone(line, reply.effect);
      } catch (err) {
        showError(line, err);
      }
    });
    parts.push(form);
  }
  target.replaceChildren(...parts);
}

// --- client chart ---------------------------------------------------------------------

const chartSections = [
  ['contact', 'Contacts and caregivers'], ['assessment', 'Assessments'], ['assessmentAnswer', 'Assessment answers'],
  ['carePlan', 'Care plans'], ['goal', 'Goals'], ['actionStep', 'Action steps'], ['contingency', 'Contingencies'],
  ['referral', 'Referrals'], ['benefitApplication', 'Benefit applications'], ['appointment', 'Appointments'],
  ['visit', 'Visits'], ['visitNote', 'Visit notes'], ['followUp', 'Follow-ups'], ['complaint', 'Complaints'],
  ['complaintAction', 'Complaint actions'], ['satisfactionResponse', 'Satisfaction'], ['conflict', 'Conflicts'],
];

function recordTable(records) {
  const fields = [];
  for (const r of records)
    for (const k of Object.keys(r.values))
      if (!fields.includes(k) && !['clientId', 'strokes'].includes(k)) fields.push(k);
  return table(fields.map(words), records.map((r) => row(...fields.map((f) => shown(r.values[f])))));
}

async function chart(id) {
  const data = await api('GET', `/v1/office/client?id=${encodeURIComponent(id)}`);
  const c = data.client.values;
  const name = `${c.firstName || ''} ${c.lastName || ''}`.trim();
  const historyBox = el('div', { id: 'history' });
  const sections = [
    heading(name),
    el('p', {}, `Status: ${words(c.status)} · Coordinator: ${data.client.coordinatorName || '—'} · Language: ${shown(c.language)} · Risk flags: ${shown(c.riskFlags)}`),
    el('p', {}, `Phone: ${shown(c.phone)} · Address: ${shown(c.address)} ${c.city || ''} · Lives alone: ${shown(c.livesAlone)}`),
    el('p', {}, `Notes: ${shown(c.notes)}`),
    el('h2', { class: 'h5 mt-4' }, 'Signed documents'),
    table(['Document', 'Signed by', 'As', 'Signed at', 'Content hash', 'Check', 'Download'],
      data.signatures.map((s) => row(words(s.recordEntity), s.signerName, s.relationship, s.signedAt,
        el('code', {}, s.contentHash),
        el('span', { class: `badge ${s.verified ? 'text-bg-success' : 'text-bg-danger'}` },
          s.verified ? 'verified: the stored content has this hash' : 'does not match the stored content'),
        el('a', { href: `/v1/office/export/pdf?record=${encodeURIComponent(s.recordId)}`, download: true }, 'PDF')))),
    el('p', {}, el('a', { href: `/v1/office/export/fhir?client=${encodeURIComponent(id)}`, download: true, id: 'fhir-bundle' },
      'Download the chart as FHIR R4 (a Bundle, JSON)')),
  ];
  const scores = Object.entries(data.scores);
  if (scores.length) {
    sections.push(el('h2', { class: 'h5 mt-4' }, 'Instrument scores'));
    sections.push(table(['Assessment', 'Instrument', 'Score', 'Band'], scores.flatMap(([assessment, results]) =>
      results.map((r) => row(assessment.slice(0, 8), r.name, `${r.score} of ${r.max}${r.complete ? '' : ' (incomplete)'}`,
        `${r.band || '—'}${r.selfHarmRisk ? ' · item 9 answered: ask about safety' : ''}`)))));
  }
  for (const [kind, title] of chartSections) {
    const records = data.records[kind];
    if (!records || !records.length) continue;
    sections.push(el('h2', { class: 'h5 mt-4' }, `${title} (${records.length})`), recordTable(records));
  }
  const historyButton = el('button', { type: 'button', class: 'btn btn-outline-primary', id: 'show-history' }, 'Show the history of every field');
  historyButton.addEventListener('click', async () => {
    const h = await api('GET', `/v1/office/history?client=${encodeURIComponent(id)}&limit=2000`);
    historyBox.replaceChildren(table(['When (server)', 'Record', 'Field', 'Before', 'After', 'By', 'Outcome'],
      h.entries.map((e) => row(e.serverTime, words(e.entity), e.field, 'before' in e ? shown(e.before) : '—', shown(e.after),
        e.accountId ? staffName(e.accountId) : 'the server', words(e.outcome)))));
  });
  sections.push(el('h2', { class: 'h5 mt-4' }, 'History'), historyButton, historyBox);
  setPage(...sections);
}

// --- review ---------------------------------------------------------------------------

function stampText(s) {
  return s && s.at ? `${s.by}, ${s.at}` : '—';
}

function conflictRow(c) {
  const line = statusLine();
  const settle = async (body) => {
    try {
      await api('POST', '/v1/office/conflicts/settle', { id: c.id, ...body });
      showDone(line, 'Settled. Tablets receive the result at their next sync.');
    } catch (e) {
      showError(line, e);
    }
  };
  const actions = el('div', {});
  if (c.kind === 'amendment') {
    const reason = field('Reason for rejecting', { id: `reason-${c.id}` });
    actions.append(
      el('button', { type: 'button', class: 'btn btn-primary btn-sm mb-2', onclick: () => settle({ choice: 'accept' }) }, 'Accept: prepare a new version to sign on the tablet'),
      reason.node,
      el('button', { type: 'button', class: 'btn btn-outline-dark btn-sm', onclick: () => settle({ choice: 'kept', reason: reason.input.value }) }, 'Reject the amendment'));
  } else {
    actions.append(
      el('button', { type: 'button', class: 'btn btn-success btn-sm me-1', onclick: () => settle({ choice: 'kept' }) }, 'Keep the current value'),
      el('button', { type: 'button', class: 'btn btn-primary btn-sm me-1', onclick: () => settle({ choice: 'other' }) }, 'Take the other value'));
    if (c.kind === 'concurrent_edit' && !c.field.includes(',')) {
      const value = field('Or write a new value', { id: `value-${c.id}` });
      actions.append(value.node,
        el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', onclick: () => settle({ choice: 'value', value: value.input.value }) }, 'Save the new value'));
    }
  }
  actions.append(line);
  return row(c.clientId ? clientLink(c.clientId, c.clientName) : '—', `${words(c.recordEntity)} · ${c.field}`, words(c.kind),
    [shown(c.kept.value), el('br'), el('small', {}, stampText(c.kept.stamp))],
    [shown(c.other.value), el('br'), el('small', {}, stampText(c.other.stamp))], actions);
}

function refusedRow(r) {
  const line = statusLine();
  const reason = field('Reason (needed to discard)', { id: `discard-${r.id}` });
  const settle = async (action) => {
    try {
      await api('POST', '/v1/office/refused/settle', { id: r.id, action, reason: reason.input.value });
      showDone(line, action === 'apply' ? 'Applied.' : 'Discarded; the reason is kept.');
    } catch (e) {
      showError(line, e);
    }
  };
  return row(r.clientId ? clientLink(r.clientId, r.clientName) : '—', words(r.entity),
    shown(r.change ? r.change.values : r.changeText), `${r.authorName || r.authorId}, ${r.receivedAt}`,
    `${words(r.reason)}: ${r.message}`,
    el('div', {}, el('button', { type: 'button', class: 'btn btn-primary btn-sm me-1', onclick: () => settle('apply') }, 'Apply'),
      reason.node, el('button', { type: 'button', class: 'btn btn-outline-dark btn-sm', onclick: () => settle('discard') }, 'Discard'), line));
}

// A list of the review, a page at a time: "Show more" asks for the page after the last one
// shown (`cursorName` in the query, the reply's `nextName`) and appends its rows.
function pagedTable(columns, first, part, cursorName, nextName, makeRow, label) {
  const box = table(columns, first[part].map(makeRow));
  const body = box.querySelector('tbody');
  const line = statusLine();
  const more = el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', id: `more-${part}` }, `Show more ${label}`);
  let next = first[nextName];
  more.hidden = next === null || next === undefined;
  more.addEventListener('click', async () => {
    try {
      const data = await api('GET', `/v1/office/review?${cursorName}=${encodeURIComponent(next)}`);
      body.append(...data[part].map(makeRow));
      next = data[nextName];
      more.hidden = next === null || next === undefined;
    } catch (e) {
      showError(line, e);
    }
  });
  return el('div', {}, box, more, line);
}

async function review() {
  const data = await api('GET', '/v1/office/review');
  setPage(heading('Review'),
    el('h2', { class: 'h5' }, `Conflicts and amendment proposals (${data.conflictsTotal})`),
    pagedTable(['Client', 'Record and field', 'Kind', 'Current value (kept)', 'Other value', 'Settle'],
      data, 'conflicts', 'conflictsAfter', 'conflictsNext', conflictRow, 'conflicts'),
    el('h2', { class: 'h5 mt-4' }, `Refused changes (${data.refusedTotal})`),
    pagedTable(['Client', 'Kind', 'Change', 'From', 'Why refused', 'Settle'],
      data, 'refused', 'refusedAfter', 'refusedNext', refusedRow, 'refused changes'));
}

// --- staff and devices ----------------------------------------------------------------

async function staff() {
  const data = await api('GET', '/v1/office/staff');
  const login = field('Login', { id: 'new-login', autocomplete: 'off' });
  const name = field('Name', { id: 'new-name' });
  const role = field('Role', { type: 'select', id: 'new-role', options: [option('coordinator', 'coordinator'), option('supervisor', 'supervisor')] });
  const password = field('Password (at least 8 characters)', { type: 'password', id: 'new-password', autocomplete: 'new-password' });
  const line = statusLine();
  line.id = 'create-status';
  const create = el('form', { class: 'card card-body mb-4', style: 'max-width: 32rem', id: 'create-account' },
    el('h2', { class: 'h6' }, 'Create an account'), login.node, name.node, role.node, password.node,
    el('button', { type: 'submit', class: 'btn btn-primary' }, 'Create'), line);
  create.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/v1/office/staff/create', { login: login.input.value, name: name.input.value, role: role.input.value, password: password.input.value });
      session.staff = (await api('GET', '/v1/office/staff-names')).staff;
      await staff();
    } catch (err) {
      showError(line, err);
    }
  });
  const change = async (lineNode, body) => {
    try {
      await api('POST', '/v1/office/staff/change', body);
      session.staff = (await api('GET', '/v1/office/staff-names')).staff;
      await staff();
    } catch (err) {
      showError(lineNode, err);
    }
  };
  const accountRows = data.accounts.map((a) => {
    const l = statusLine();
    const newRole = field('Role', { type: 'select', id: `role-${a.id}`, options: [option('coordinator', 'coordinator', a.role === 'coordinator'), option('supervisor', 'supervisor', a.role === 'supervisor')] });
    const newPassword = field('New password', { type: 'password', id: `password-${a.id}`, autocomplete: 'new-password' });
    return row(a.login, a.name, a.active ? 'active' : 'deactivated',
      el('div', {}, newRole.node, el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', onclick: () => change(l, { id: a.id, action: 'role', role: newRole.input.value }) }, 'Change role')),
      el('div', {}, newPassword.node, el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', onclick: () => change(l, { id: a.id, action: 'password', password: newPassword.input.value }) }, 'Reset password')),
      el('div', {}, el('button', {
        type: 'button', class: 'btn btn-outline-dark btn-sm', id: `toggle-${a.login}`,
        onclick: () => change(l, { id: a.id, action: a.active ? 'deactivate' : 'reactivate' }),
      }, a.active ? 'Deactivate (its tablets stop syncing)' : 'Reactivate'), l));
  });
  const deviceRows = data.accounts.flatMap((a) => a.devices.map((d) => {
    const l = statusLine();
    return row(a.login, d.label || '—', d.status, d.lastSeen || 'never', d.appVersion || '—', d.schemaVersion || '—',
      d.pending >= 0 ? String(d.pending) : 'unknown',
      d.status === 'active'
        ? el('div', {}, el('button', {
          type: 'button', class: 'btn btn-outline-dark btn-sm', id: `revoke-${d.id}`,
          onclick: async () => {
            try {
              await api('POST', '/v1/office/devices/revoke', { id: d.id });
              await staff();
            } catch (err) {
              showError(l, err);
            }
          },
        }, 'Revoke (wipes it at its next sync)'), l)
        : '');
  }));
  setPage(heading('Staff and devices'), create,
    el('h2', { class: 'h5' }, 'Accounts'),
    table(['Login', 'Name', 'State', 'Role', 'Password', 'Access'], accountRows),
    el('h2', { class: 'h5 mt-4' }, 'Tablets'),
    table(['Owner', 'Label', 'Status', 'Last contact', 'App', 'Schema', 'Changes waiting', ''], deviceRows));
}

// --- resource directory ---------------------------------------------------------------

const listFields = ['serviceTypes', 'languages', 'funding'];
const providerFields = [['name', 'Name'], ['serviceTypes', 'Service types (comma separated)'], ['area', 'Area'],
  ['eligibility', 'Eligibility'], ['languages', 'Languages (comma separated)'], ['funding', 'Funding (comma separated)'],
  ['contactName', 'Contact person'], ['phone', 'Phone'], ['email', 'Email'], ['address', 'Address'], ['notes', 'Notes']];

function providerForm(provider, done) {
  const values = provider ? provider.values : {};
  const inputs = {};
  const nodes = providerFields.map(([key, label]) => {
    const f = field(label, { id: `provider-${key}${provider ? `-${provider.id}` : ''}`, value: Array.isArray(values[key]) ? values[key].join(', ') : (values[key] || '') });
    inputs[key] = f.input;
    return el('div', { class: 'col-md-6' }, f.node);
  });
  const line = statusLine();
  const form = el('form', { class: 'card card-body mb-3', id: provider ? `edit-${provider.id}` : 'add-provider' },
    el('h2', { class: 'h6' }, provider ? `Edit ${values.name}` : 'Add a provider'),
    el('div', { class: 'row' }, nodes),
    el('button', { type: 'submit', class: 'btn btn-primary' }, provider ? 'Save' : 'Add'), line);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const sent = {};
    for (const [key] of providerFields) {
      const text = inputs[key].value.trim();
      const value = listFields.includes(key) ? text.split(',').map((s) => s.trim()).filter(Boolean) : (text || null);
      const before = values[key] === undefined ? null : values[key];
      if (provider && JSON.stringify(value) === JSON.stringify(before)) continue;
      sent[key] = value;
    }
    if (!Object.keys(sent).length) return showError(line, new Error('Nothing was changed'));
    try {
      await api('POST', '/v1/office/providers/save', provider ? { id: provider.id, values: sent, bases: provider.stamps } : { values: sent });
      await done();
    } catch (err) {
      showError(line, err);
    }
  });
  return form;
}

async function directory() {
  const data = await api('GET', '/v1/office/providers');
  const editor = el('div', { id: 'provider-editor' });
  const reload = () => directory();
  const rows = data.providers
    .sort((a, b) => String(a.values.name).localeCompare(String(b.values.name)))
    .map((p) => {
      const v = p.values;
      const l = statusLine();
      const actions = el('div', {});
      if (isSupervisor()) {
        actions.append(el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm me-1', onclick: () => { editor.replaceChildren(providerForm(p, reload)); editor.querySelector('input').focus(); } }, 'Edit'));
        if (v.status === 'discontinued') {
          actions.append(el('button', {
            type: 'button', class: 'btn btn-outline-dark btn-sm', id: `reactivate-${p.id}`,
            onclick: async () => {
              try {
                await api('POST', '/v1/office/providers/save', { id: p.id, values: { status: 'active' }, bases: p.stamps });
                await reload();
              } catch (err) {
                showError(l, err);
              }
            },
          }, 'Reactivate'));
        } else {
          const on = field('Discontinued on', { type: 'date', id: `disc-date-${p.id}` });
          const why = field('Reason', { id: `disc-reason-${p.id}` });
          const form = el('form', { class: 'mt-2' }, on.node, why.node,
            el('button', { type: 'submit', class: 'btn btn-outline-dark btn-sm' }, 'Mark discontinued'));
          form.addEventListener('submit', async (e) => {
            e.preventDefault();
            try {
              await api('POST', '/v1/office/providers/save', {
                id: p.id, values: { status: 'discontinued', discontinuedOn: on.input.value, discontinuedReason: why.input.value }, bases: p.stamps,
              });
              await reload();
            } catch (err) {
              showError(l, err);
            }
          });
          actions.append(form);
        }
      }
      actions.append(l);
      const status = v.status === 'discontinued' ? `discontinued ${v.discontinuedOn || ''}: ${v.discontinuedReason || ''}` : 'active';
      return row(v.name, shown(v.serviceTypes), shown(v.area), shown(v.eligibility), shown(v.languages), shown(v.funding),
        [shown(v.contactName), el('br'), shown(v.phone), el('br'), shown(v.email)], status,
        p.ratingCount ? `${p.ratingAverage} (${p.ratingCount})` : 'none', String(p.complaints), actions);
    });
  setPage(heading('Resource directory'),
    el('p', { class: 'text-muted' }, 'Tablets receive every change here at their next sync.'),
    isSupervisor() ? providerForm(null, reload) : null, editor,
    table(['Provider', 'Services', 'Area', 'Eligibility', 'Languages', 'Funding', 'Contact', 'Status', 'Rating', 'Complaints', ''], rows));
}

// --- reports --------------------------------------------------------------------------

const reportNames = [['overdue-follow-ups', 'Overdue follow-ups by coordinator'], ['visits', 'Visits done against planned'],
  ['goals', 'Goal attainment'], ['satisfaction', 'Satisfaction over time'], ['complaints', 'Complaints by provider'],
  ['referrals', 'Referrals through their steps'], ['provider-quality', 'Provider quality']];
const palette = ['#0a58ca', '#b02a37', '#146c43', '#7a4b00', '#5c2d91', '#495057'];

function drawChart(spec) {
  const canvas = el('canvas', { role: 'img', 'aria-label': `${spec.title} (the table has the same figures)` });
  const box = el('figure', { class: 'chart-box mb-4' }, el('figcaption', { class: 'fw-semibold' }, spec.title), canvas);
  if (window.Chart) {
    const stacked = spec.type === 'stacked';
    // eslint-disable-next-line no-new
    new window.Chart(canvas, {
      type: stacked ? 'bar' : spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: palette[i % palette.length], borderColor: palette[i % palette.length] })),
      },
      options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked }, y: { stacked, beginAtZero: true } } },
    });
  }
  return box;
}

async function reports(name) {
  const which = field('Report', { type: 'select', id: 'report-name', options: reportNames.map(([k, label]) => option(k, label, k === name)) });
  const coordinator = field('Coordinator', {
    type: 'select', id: 'report-coordinator',
    options: [option('', 'All'), ...session.staff.filter((s) => s.role === 'coordinator').map((s) => option(s.id, s.name))],
  });
  const from = field('From', { type: 'date', id: 'report-from' });
  const to = field('To', { type: 'date', id: 'report-to' });
  const out = el('div', { id: 'report-output' });
  const line = statusLine();
  const form = el('form', { class: 'row g-2 align-items-end mb-3', id: 'report-form' },
    [which, coordinator, from, to].map((f) => el('div', { class: 'col-sm-6 col-lg-3' }, f.node)),
    el('div', { class: 'col-12' }, el('button', { type: 'submit', class: 'btn btn-primary' }, 'Show')));
  const load = async () => {
    const params = new URLSearchParams();
    if (coordinator.input.value) params.set('coordinator', coordinator.input.value);
    if (from.input.value) params.set('from', from.input.value);
    if (to.input.value) params.set('to', to.input.value);
    try {
      const r = await api('GET', `/v1/office/reports/${encodeURIComponent(which.input.value)}?${params}`);
      out.replaceChildren(el('h2', { class: 'h5' }, r.title),
        ...r.charts.map(drawChart),
        ...r.tables.map((t) => table(t.columns, t.rows.map((cells) => row(...cells.map(shown))), t.title)));
      out.dataset.report = r.name;
      line.replaceChildren();
    } catch (e) {
      showError(line, e);
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  const csv = [['caseload', 'Caseload'], ['followups', 'Follow-ups'], ['overdue', 'Overdue follow-ups'], ['visits', 'Visits'],
    ['referrals', 'Referrals'], ['benefits', 'Benefit applications'], ['complaints', 'Complaints']];
  const downloads = el('section', { class: 'mt-4' }, el('h2', { class: 'h5' }, 'Spreadsheets (CSV) for funders'),
    el('ul', {}, csv.map(([key, label]) => el('li', {}, el('a', { href: `/v1/office/export/csv?report=${key}`, download: true }, label)))));
  setPage(heading('Reports'), form, line, out, downloads);
  await load();
}

// --- audit ----------------------------------------------------------------------------

async function audit(clientId) {
  const person = field('Person', { type: 'select', id: 'audit-person', options: [option('', 'Anyone'), ...session.staff.map((s) => option(s.id, s.name))] });
  const client = field('Client id', { id: 'audit-client', value: clientId || '' });
  const from = field('From', { type: 'date', id: 'audit-from' });
  const to = field('To', { type: 'date', id: 'audit-to' });
  const out = el('div', { id: 'audit-output' });
  const line = statusLine();
  const form = el('form', { class: 'row g-2 align-items-end mb-3', id: 'audit-form' },
    [person, client, from, to].map((f) => el('div', { class: 'col-sm-6 col-lg-3' }, f.node)),
    el('div', { class: 'col-12' }, el('button', { type: 'submit', class: 'btn btn-primary' }, 'Show')));
  const load = async () => {
    const params = new URLSearchParams();
    if (person.input.value) params.set('person', person.input.value);
    if (client.input.value.trim()) params.set('client', client.input.value.trim());
    if (from.input.value) params.set('from', from.input.value);
    if (to.input.value) params.set('to', to.input.value);
    try {
      const a = await api('GET', `/v1/office/audit?${params}`);
      out.replaceChildren(
        el('h2', { class: 'h5' }, 'Changes to records (newest first)'),
        table(['When', 'Who', 'Client', 'Record', 'Field', 'Before', 'After', 'Outcome'],
          a.changes.map((e) => row(e.serverTime, e.accountName || (e.accountId ? e.accountId : 'the server'),
            e.clientId ? clientLink(e.clientId, e.clientId.slice(0, 8)) : '—', words(e.entity), e.field,
            'before' in e ? shown(e.before) : '—', shown(e.after), words(e.outcome)))),
        el('h2', { class: 'h5 mt-4' }, 'Sign-ins, chart views and administration'),
        table(['When', 'Who', 'Device', 'Action', 'About'],
          a.events.map((e) => row(e.at, e.actorName || e.actor || '—', e.device || '—', words(e.action), e.detail || ''))));
      line.replaceChildren();
    } catch (e) {
      showError(line, e);
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  setPage(heading('Audit'), form, line, out);
  await load();
}

// --- start ----------------------------------------------------------------------------

window.addEventListener('hashchange', route);
document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('sign-out').addEventListener('click', signOut);
  try {
    const current = await api('GET', '/v1/office/session');
    session.account = current.account;
    session.csrf = current.csrf;
    await startConsole();
  } catch (e) {
    showSignIn(e.status === 401 ? undefined : e.message);
  }
});
