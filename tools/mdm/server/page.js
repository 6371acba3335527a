// SPDX-License-Identifier: Apache-2.0
// The data steward's page of `mdm serve`: plain DOM, no framework, no
// network access beyond this server. Data is only ever set as text
// (textContent), never parsed as HTML.
'use strict';

const PAGE_SIZE = 50;
const state = { csrf: '', role: '', offset: 0, total: 0, items: [], item: null };

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function row(cells, className) {
  const tr = el('tr', null, className);
  for (const cell of cells) {
    const td = el('td');
    if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell;
    tr.appendChild(td);
  }
  return tr;
}

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(method, path, body) {
  const options = { method, headers: {}, credentials: 'same-origin' };
  if (method === 'POST') {
    options.headers['Content-Type'] = 'application/json';
    options.headers['X-CSRF-Token'] = state.csrf;
    options.body = JSON.stringify(body || {});
  }
  const response = await fetch(path, options);
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  if (!response.ok) {
    const error = (data && data.error) || {};
    if (response.status === 401 && path !== '/api/login') showLogin();
    throw new ApiError(response.status, error.code || 'http',
                       error.message || ('HTTP ' + response.status));
  }
  return data;
}

// --- session --------------------------------------------------------------

function showLogin() {
  state.csrf = '';
  $('app').hidden = true;
  $('logout').hidden = true;
  $('whoami').textContent = '';
  $('login-view').hidden = false;
}

function showApp(session) {
  state.csrf = session.csrf_token;
  state.role = session.role;
  $('whoami').textContent = session.user + ' (' + session.role + ')';
  $('login-view').hidden = true;
  $('logout').hidden = false;
  $('app').hidden = false;
  loadQueue();
}

async function login(event) {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    const session = await api('POST', '/api/login',
                              { name: $('login-name').value, password: $('login-password').value });
    $('login-password').value = '';
    showApp(session);
  } catch (e) {
    $('login-error').textContent = e.message;
  }
}

async function logout() {
  try { await api('POST', '/api/logout'); } catch (e) { /* the session is gone either way */ }
  showLogin();
}

// --- queue ----------------------------------------------------------------

function goldenLink(id) {
  if (!id) return '';
  const link = el('button', id, 'link');
  link.type = 'button';
  link.addEventListener('click', (event) => { event.stopPropagation(); openGolden(id); });
  return link;
}

async function loadQueue() {
  const params = new URLSearchParams({
    status: $('queue-status').value, offset: state.offset, limit: PAGE_SIZE,
  });
  const assignee = $('queue-assignee').value.trim();
  if (assignee) params.set('assignee', assignee);
  const body = $('queue').tBodies[0];
  try {
    const page = await api('GET', '/api/queue?' + params);
    state.total = page.total;
    state.items = page.items;
    body.replaceChildren();
    for (const item of page.items) {
      const tr = row([item.item_id, item.priority.toFixed(3), item.probability.toFixed(3),
                      item.reason, item.a.source + ':' + item.a.source_key, goldenLink(item.a.golden_id),
                      item.b.source + ':' + item.b.source_key, goldenLink(item.b.golden_id),
                      item.status, item.assignee]);
      tr.dataset.itemId = item.item_id;
      tr.addEventListener('click', () => openItem(item.item_id));
      body.appendChild(tr);
    }
    const last = Math.min(state.offset + page.items.length, state.total);
    $('queue-range').textContent = state.total === 0 ? 'no items'
        : (state.offset + 1) + '\u2013' + last + ' of ' + state.total;
    $('queue-prev').disabled = state.offset === 0;
    $('queue-next').disabled = state.offset + PAGE_SIZE >= state.total;
  } catch (e) {
    body.replaceChildren(row([e.message], 'error'));
  }
}

function movePage(delta) {
  state.offset = Math.max(0, state.offset + delta * PAGE_SIZE);
  loadQueue();
}

// --- review item ----------------------------------------------------------

function waterfall(explanation) {
  const steps = [{ label: 'prior', value: explanation.prior_weight }];
  for (const t of explanation.terms) {
    steps.push({ label: t.comparison + ' (' + t.level + ')', value: t.weight + t.tf_adjustment });
  }
  let sum = 0;
  const bars = steps.map((s) => {
    const bar = { label: s.label, value: s.value, from: sum, to: sum + s.value };
    sum = bar.to;
    return bar;
  });
  bars.push({ label: 'total', value: explanation.match_weight, from: 0,
              to: explanation.match_weight, total: true });
  const ends = bars.flatMap((b) => [b.from, b.to]).concat([0]);
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const labelWidth = 230, plotWidth = 420, rowHeight = 22, valueWidth = 60;
  const x = (v) => labelWidth + ((v - lo) / ((hi - lo) || 1)) * plotWidth;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const height = bars.length * rowHeight + 4;
  svg.setAttribute('width', labelWidth + plotWidth + valueWidth);
  svg.setAttribute('height', height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'match weight waterfall');
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.appendChild(node);
    return node;
  };
  add('line', { x1: x(0), x2: x(0), y1: 0, y2: height });
  bars.forEach((b, i) => {
    const y = i * rowHeight + 3;
    const left = Math.min(x(b.from), x(b.to));
    const className = b.total ? 'total' : (b.value >= 0 ? 'positive' : 'negative');
    add('text', { x: 0, y: y + 13 }, b.label);
    add('rect', { x: left, y, width: Math.max(1, Math.abs(x(b.to) - x(b.from))),
                  height: rowHeight - 6, class: className });
    add('text', { x: labelWidth + plotWidth + 4, y: y + 13 },
        (b.value >= 0 ? '+' : '') + b.value.toFixed(2));
  });
  return svg;
}

function showSummary(item) {
  $('item-summary').textContent = item.reason + ', probability ' + item.probability.toFixed(3) +
      ', ' + item.status + (item.decision ? ' (' + item.decision + ' by ' + item.decided_by + ')' : '');
}

function showItem(detail) {
  const item = detail.item;
  state.item = item;
  $('item').hidden = false;
  $('item-title').textContent = 'Review item ' + item.item_id;
  showSummary(item);
  $('item-a').replaceChildren(el('span', item.a.source + ':' + item.a.source_key + ' '),
                              goldenLink(item.a.golden_id));
  $('item-b').replaceChildren(el('span', item.b.source + ':' + item.b.source_key + ' '),
                              goldenLink(item.b.golden_id));
  const body = $('item-fields').tBodies[0];
  body.replaceChildren();
  for (const f of detail.fields) {
    body.appendChild(row([f.field, f.value_a, f.value_b], f.differs ? 'differs' : ''));
  }
  $('waterfall').replaceChildren(waterfall(detail.explanation));
  for (const tr of $('queue').tBodies[0].rows) {
    tr.classList.toggle('selected', tr.dataset.itemId === String(item.item_id));
  }
}

async function openItem(id) {
  $('decision-status').textContent = '';
  $('decide-reason').value = '';
  try {
    showItem(await api('GET', '/api/queue/' + id));
  } catch (e) {
    $('item').hidden = false;
    $('item-title').textContent = 'Review item ' + id;
    $('decision-status').textContent = e.message;
  }
}

async function decide(verdict) {
  if (!state.item) return;
  const status = $('decision-status');
  status.textContent = '';
  try {
    const item = await api('POST', '/api/queue/' + state.item.item_id + '/decide', {
      verdict, reason: $('decide-reason').value, revision: state.item.revision,
    });
    state.item = item;
    showSummary(item);
    status.textContent = 'Item ' + item.item_id + ' decided: ' + item.decision + '.';
    loadQueue();
  } catch (e) {
    status.textContent = e.message;
  }
}

function skip() {
  if (!state.item) return;
  const at = state.items.findIndex((i) => i.item_id === state.item.item_id);
  const next = state.items[at + 1];
  if (next) {
    openItem(next.item_id);
  } else {
    $('item').hidden = true;
    state.item = null;
  }
}

// --- golden records and search --------------------------------------------

function showValue(attribute, v) {
  if (v === null || typeof v !== 'object') return String(v);
  switch (attribute) {
    case 'name': return v.display || [v.given_names, v.family_name].filter(Boolean).join(' ');
    case 'identifiers': return v.scheme + ' ' + v.value + ' (' + v.validity + ')';
    case 'addresses':
      return [v.street, v.street2, v.postcode, v.city, v.country].filter(Boolean).join(', ');
    case 'phones': return (v.e164 || v.raw) + ' (' + v.validity + ')';
    case 'emails': return (v.normalized || v.raw) + ' (' + v.validity + ')';
    case 'specialties': return v.code || v.raw;
    case 'affiliations': return v.org_id ? v.name + ' [' + v.org_id + ']' : v.name;
    default: return JSON.stringify(v);
  }
}

const GOLDEN_ATTRIBUTES = ['name', 'gender', 'birth_date', 'language', 'identifiers', 'addresses',
  'phones', 'emails', 'specialties', 'affiliations', 'social_handles'];

function showGolden(data) {
  const g = data.golden;
  $('golden').hidden = false;
  $('golden-title').textContent = 'Golden record ' + g.golden_id + ' (' + g.status +
      (g.merged_into ? ' into ' + g.merged_into : '') + ', ' + g.members.length + ' records)';
  const values = $('golden-values').tBodies[0];
  values.replaceChildren();
  for (const attribute of GOLDEN_ATTRIBUTES) {
    const entry = g[attribute];
    if (!entry) continue;
    for (const s of Array.isArray(entry) ? entry : [entry]) {
      const mark = Array.isArray(entry) && s.primary ? ' *' : '';
      values.appendChild(row([attribute, showValue(attribute, s.value) + mark, s.rule,
                              s.records.join(' ')]));
    }
  }
  values.appendChild(row(['members', '', '', g.members.join(' ')]));
  const overrides = $('golden-overrides').tBodies[0];
  overrides.replaceChildren();
  for (const o of data.overrides) {
    overrides.appendChild(row([o.field, o.value, o.steward, o.reason, o.pinned ? 'yes' : 'no']));
  }
  const history = $('golden-history').tBodies[0];
  history.replaceChildren();
  for (const e of data.history) {
    history.appendChild(row([e.run_id, e.at, e.kind, JSON.stringify(e.detail)]));
  }
  $('golden').scrollIntoView({ block: 'nearest' });
}

async function openGolden(id) {
  try {
    showGolden(await api('GET', '/api/golden/' + encodeURIComponent(id)));
  } catch (e) {
    $('golden').hidden = false;
    $('golden-title').textContent = e.message;
  }
}

async function search(event) {
  event.preventDefault();
  const list = $('search-results');
  const text = $('search-input').value.trim();
  list.replaceChildren();
  if (!text) return;
  try {
    const result = await api('GET', '/api/search?' + new URLSearchParams({ q: text, limit: 20 }));
    if (result.hits.length === 0) list.appendChild(el('li', 'nothing found'));
    for (const hit of result.hits) {
      const li = el('li');
      li.appendChild(goldenLink(hit.golden_id));
      li.appendChild(el('span', ' ' + hit.display_name + ' (' + hit.members + ' records)'));
      list.appendChild(li);
    }
  } catch (e) {
    list.appendChild(el('li', e.message, 'error'));
  }
}

// --- wiring ---------------------------------------------------------------

document.addEventListener('DOMContentLoaded', async () => {
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('search-form').addEventListener('submit', search);
  $('queue-status').addEventListener('change', () => { state.offset = 0; loadQueue(); });
  $('queue-assignee').addEventListener('change', () => { state.offset = 0; loadQueue(); });
  $('queue-prev').addEventListener('click', () => movePage(-1));
  $('queue-next').addEventListener('click', () => movePage(1));
  $('decide-same').addEventListener('click', () => decide('same'));
  $('decide-different').addEventListener('click', () => decide('different'));
  $('decide-skip').addEventListener('click', skip);
  try {
    showApp(await api('GET', '/api/me'));
  } catch (e) {
    showLogin();
  }
});
