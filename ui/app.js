// apig dashboard: plain DOM, no framework, nothing fetched from elsewhere. Every value from the gateway is
// written with textContent (never parsed as HTML).
const $ = (id) => document.getElementById(id);
const MAX_ROWS = 1000;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== null) e.append(c);
  return e;
}

/** Replaces a box's content; null and undefined items are left out. */
function show(box, ...items) {
  box.replaceChildren(...items.filter((x) => x !== null && x !== undefined));
}

/** The JSON of a dashboard answer; an error answer throws with its message. */
async function jsonOf(res) {
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? `${res.status}`);
  return body;
}

async function getJson(path) {
  return jsonOf(await fetch(path, { headers: { accept: 'application/json' } }));
}

async function postJson(path, data) {
  return jsonOf(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(data),
    }),
  );
}

function setStatus(text) {
  $('status').textContent = text;
}

// ---------------------------------------------------------------------------------------------------------
// Tabs (arrow keys move between them; the selected one is in the Tab order)

const tabs = [...document.querySelectorAll('[role="tab"]')];
let current = 'routes';

function select(tab, focus = false) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  current = tab.id.slice(4);
  if (focus) tab.focus();
  location.hash = current;
  if (current === 'throttling') refreshThrottling();
  if (current === 'config') refreshConfig();
}

for (const t of tabs) {
  t.addEventListener('click', () => select(t));
  t.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(t);
    const to =
      e.key === 'ArrowRight'
        ? tabs[(i + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : e.key === 'Home'
            ? tabs[0]
            : e.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (to) {
      e.preventDefault();
      select(to, true);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Routes

let routes = [];

function routeText(r) {
  return [r.group, r.env, r.method, r.path, r.match, r.auth, r.backend, ...r.policies, r.api, r.file]
    .join(' ')
    .toLowerCase();
}

function renderRoutes() {
  const words = $('routes-filter').value.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = routes.filter((r) => words.every((w) => routeText(r).includes(w)));
  const body = $('routes-table').tBodies[0];
  body.replaceChildren(
    ...shown.map((r) =>
      el(
        'tr',
        {},
        el('td', { text: r.group }),
        el('td', { text: r.env }),
        el('td', { text: r.method }),
        el('td', { class: 'path', text: r.path, title: r.api }),
        el('td', { text: r.match }),
        el('td', { text: r.auth }),
        el('td', { text: r.problem ? `${r.backend} (${r.problem})` : r.backend }),
        el('td', {}, ...(r.policies.length ? r.policies.map((p) => el('span', { class: 'badge', text: p })) : ['—'])),
        el(
          'td',
          { class: 'mono' },
          r.open
            ? el('a', {
                href: r.open,
                title: 'open the definition in VS Code',
                text: r.line ? `${r.file}:${r.line}` : r.file,
              })
            : r.line
              ? `${r.file}:${r.line}`
              : r.file,
        ),
        el(
          'td',
          {},
          el('button', {
            type: 'button',
            text: 'Try it',
            'aria-label': `Try ${r.method} ${r.path} (${r.env})`,
            onclick: () => tryRoute(r),
          }),
        ),
      ),
    ),
  );
  $('routes-count').textContent = `${shown.length} of ${routes.length} routes`;
}

async function loadRoutes() {
  routes = (await getJson('api/routes')).routes;
  renderRoutes();
  const sel = $('try-route');
  sel.replaceChildren(
    el('option', { value: '', text: '(type a URL)' }),
    ...routes.map((r, i) => el('option', { value: String(i), text: `${r.method} ${r.path} · ${r.group} · ${r.env}` })),
  );
}
$('routes-filter').addEventListener('input', renderRoutes);

// ---------------------------------------------------------------------------------------------------------
// Live requests

let requests = [];
let selected;

function liveShown() {
  const status = $('live-status').value;
  const api = $('live-api').value.trim().toLowerCase();
  const code = $('live-code').value.trim().toLowerCase();
  return requests.filter(
    (r) =>
      (status === '' || String(r.status).startsWith(status)) &&
      (api === '' || (r.api ?? '').toLowerCase().includes(api)) &&
      (code === '' || (r.errorCode ?? '').toLowerCase().includes(code)),
  );
}

function liveRow(r) {
  const time = r.time.slice(11, 23);
  const tr = el(
    'tr',
    { tabindex: '0', 'data-seq': r.seq, 'aria-selected': String(r.seq === selected) },
    el('td', { class: 'mono', text: time, title: r.time }),
    el('td', { text: r.method }),
    el('td', { class: 'path', text: r.path }),
    el('td', { class: `num s${String(r.status)[0]}`, text: r.status }),
    el('td', { text: r.errorCode ?? '', title: r.detail ?? '' }),
    el('td', { class: 'num', text: `${r.latencyMs.toFixed(1)} ms` }),
    el('td', { text: r.api ? `${r.group}/${r.api}` : '—' }),
    el('td', { text: r.app ?? '' }),
  );
  const open = () => showRequest(r.seq);
  tr.addEventListener('click', open);
  tr.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  });
  return tr;
}

/** Many requests a second are drawn once a frame. */
let liveFrame = 0;
function scheduleLive() {
  if (liveFrame !== 0) return;
  liveFrame = requestAnimationFrame(() => {
    liveFrame = 0;
    renderLive();
  });
}

function renderLive() {
  const shown = liveShown();
  $('live-table').tBodies[0].replaceChildren(...shown.map(liveRow));
  $('live-count').textContent = `${shown.length} of ${requests.length} kept`;
}
for (const id of ['live-status', 'live-api', 'live-code']) $(id).addEventListener('input', renderLive);

function headerTable(pairs) {
  if (!pairs || pairs.length === 0) return el('p', { class: 'muted', text: 'no headers' });
  return el('pre', { text: pairs.map(([n, v]) => `${n}: ${v}`).join('\n') });
}

function bodyOf(part) {
  if (part.body !== undefined)
    return [el('pre', { text: part.body }), part.bodyNote ? el('p', { class: 'muted', text: part.bodyNote }) : null];
  return [el('p', { class: 'muted', text: part.bodyNote ?? 'no body' })];
}

async function showRequest(seq) {
  selected = seq;
  for (const tr of $('live-table').tBodies[0].rows)
    tr.setAttribute('aria-selected', String(Number(tr.dataset.seq) === seq));
  const box = $('live-detail');
  let e;
  try {
    e = await getJson(`api/requests/${seq}`);
  } catch (err) {
    if (selected === seq) show(box, el('p', { class: 'bad', text: String(err.message ?? err) }));
    return;
  }
  // Another row was chosen while this one was on its way: that one's detail is (or will be) shown.
  if (selected !== seq) return;
  const trace = el(
    'ol',
    { class: 'trace', 'aria-label': 'Pipeline trace' },
    ...e.trace.map((t) =>
      el(
        'li',
        {},
        el('span', { class: 'stage', text: t.stage }),
        ': ',
        el('span', { text: t.decision }),
        t.detail ? el('pre', { text: JSON.stringify(t.detail, null, 2) }) : null,
      ),
    ),
  );
  show(
    box,
    el('h2', { text: `${e.method} ${e.path} → ${e.status}${e.errorCode ? ` ${e.errorCode}` : ''}` }),
    el('p', {
      class: 'muted',
      text: `${e.time} · ${e.latencyMs.toFixed(1)} ms · ${e.api ? `${e.group}/${e.api} (${e.env})` : 'no API matched'} · request ${e.requestId}`,
    }),
    e.detail ? el('p', { class: 'warn', text: e.detail }) : null,
    el('h3', { text: 'Pipeline trace' }),
    e.trace.length ? trace : el('p', { class: 'muted', text: 'no trace' }),
    el('h3', { text: 'Request as received' }),
    el('pre', {
      text: `${e.method} ${e.received.target}${e.received.httpVersion ? ` HTTP/${e.received.httpVersion}` : ''}`,
    }),
    e.received.sourceIp
      ? el('p', { class: 'muted', text: `from ${e.received.sourceIp} over ${e.received.scheme}` })
      : null,
    headerTable(e.received.headers),
    ...bodyOf(e.received),
    el('h3', { text: 'Backend request as sent' }),
    ...(e.backend
      ? [
          el('pre', { text: `${e.backend.method} ${e.backend.target}` }),
          el('p', { class: 'muted', text: `to ${e.backend.upstream}` }),
          headerTable(e.backend.headers),
          ...bodyOf(e.backend),
        ]
      : [el('p', { class: 'muted', text: 'none (answered by the gateway: a Mock or a refusal)' })]),
    el('h3', { text: 'Response' }),
    el('pre', { text: `${e.response.status}` }),
    headerTable(e.response.headers),
    ...bodyOf(e.response),
  );
}

async function loadRequests() {
  const loaded = (await getJson('api/requests')).requests;
  // Requests the event stream brought while the list was on its way are kept.
  const newest = loaded[0]?.seq ?? 0;
  requests = [...requests.filter((r) => r.seq > newest), ...loaded];
  renderLive();
}

// ---------------------------------------------------------------------------------------------------------
// Throttling

let throttleTimer;

async function refreshThrottling() {
  let v;
  try {
    v = await getJson('api/throttling');
  } catch (err) {
    $('throttling-list').replaceChildren(el('p', { class: 'bad', text: String(err.message ?? err) }));
    return;
  }
  $('clock-now').textContent = `${v.virtualClock ? 'virtual clock' : 'clock'}: ${v.now}`;
  $('clock-controls').hidden = !v.virtualClock;
  const list = $('throttling-list');
  if (v.shared) {
    list.replaceChildren(
      el('p', {
        class: 'muted',
        text: 'The counters are kept in a state store the dashboard cannot read back.',
      }),
    );
    return;
  }
  if (v.policies.length === 0) {
    list.replaceChildren(
      el('p', { class: 'muted', text: 'No throttling policy is bound, and no API has been called yet.' }),
    );
    return;
  }
  list.replaceChildren(
    ...v.policies.map((p) =>
      el(
        'section',
        { class: 'policy', 'aria-label': `policy ${p.name} in ${p.env}` },
        el('h2', { text: `${p.name} · ${p.kind} · ${p.env}` }),
        el('p', {
          class: 'muted',
          text: `window ${p.window}: ${p.windowStart} to ${p.windowEnd} · bound to ${p.apis.join(', ')}`,
        }),
        el(
          'table',
          {},
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...['Counter', 'Who', 'API', 'Used', 'Limit', ''].map((h) => el('th', { scope: 'col', text: h })),
            ),
          ),
          el(
            'tbody',
            {},
            ...p.counters.map((c) =>
              el(
                'tr',
                { 'data-scope': c.scope },
                el('td', { text: c.window ? `${c.scope} (${c.window})` : c.scope }),
                el('td', { text: c.who }),
                el('td', { text: c.api ?? '' }),
                el('td', { class: 'num used', text: c.used }),
                el('td', { class: 'num', text: c.limit }),
                el(
                  'td',
                  {},
                  el('meter', { min: 0, max: c.limit, value: c.used, 'aria-label': `${c.used} of ${c.limit} used` }),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

$('clock-button').addEventListener('click', async () => {
  try {
    const r = await postJson('api/clock', { advance: $('clock-advance').value });
    setStatus(`clock moved to ${r.now}`);
  } catch (err) {
    setStatus(`the clock did not move: ${err.message ?? err}`);
  }
  await refreshThrottling();
});

function scheduleThrottling() {
  if (current !== 'throttling' || throttleTimer) return;
  throttleTimer = setTimeout(() => {
    throttleTimer = undefined;
    refreshThrottling();
  }, 200);
}
setInterval(() => current === 'throttling' && refreshThrottling(), 1000);

// ---------------------------------------------------------------------------------------------------------
// Try it

let apps = [];

function tryRoute(r) {
  $('try-method').value = r.method === 'ANY' ? 'GET' : r.method;
  $('try-url').value = r.url ?? '';
  const stage = r.env === 'RELEASE' ? '' : `X-Stage: ${r.env}`;
  $('try-headers').value = stage;
  const appAuth = r.auth.startsWith('APP');
  for (const radio of document.querySelectorAll('input[name="try-auth"]'))
    radio.checked = radio.value === (appAuth ? 'signature' : 'none');
  const idx = routes.indexOf(r);
  $('try-route').value = idx === -1 ? '' : String(idx);
  select($('tab-try'));
  $('try-url').focus();
}

$('try-route').addEventListener('change', () => {
  const r = routes[Number($('try-route').value)];
  if ($('try-route').value !== '' && r) tryRoute(r);
});

function parseHeaders(text) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf(':');
      return i === -1 ? [l, ''] : [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    });
}

$('try-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const out = $('try-result');
  const auth = document.querySelector('input[name="try-auth"]:checked').value;
  out.replaceChildren(el('p', { class: 'muted', text: 'sending…' }));
  try {
    const r = await postJson('api/try', {
      method: $('try-method').value,
      url: $('try-url').value,
      headers: parseHeaders($('try-headers').value),
      body: $('try-body').value,
      auth,
      app: auth === 'none' ? undefined : $('try-app').value,
    });
    show(
      out,
      el('h2', { id: 'try-status', class: `s${String(r.status)[0]}`, text: `${r.status}` }),
      r.requestId ? el('p', { class: 'muted', text: `request ${r.requestId} (in Live requests)` }) : null,
      el('h3', { text: 'Sent' }),
      el('pre', {
        text: `${r.sent.method} ${r.sent.target}\n${r.sent.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}`,
      }),
      el('h3', { text: 'Response headers' }),
      headerTable(r.headers),
      el('h3', { text: 'Response body' }),
      el('pre', { text: r.body }),
      r.bodyNote ? el('p', { class: 'muted', text: r.bodyNote }) : null,
    );
  } catch (err) {
    out.replaceChildren(el('p', { class: 'bad', role: 'alert', text: String(err.message ?? err) }));
  }
});

// ---------------------------------------------------------------------------------------------------------
// Config

async function refreshConfig() {
  const c = await getJson('api/config');
  apps = c.apps;
  const appSel = $('try-app');
  const chosen = appSel.value;
  appSel.replaceChildren(
    ...apps.map((a) =>
      el('option', { value: a.name, text: `${a.name} (key ${a.key})${a.signs ? '' : ' — secret unusable'}` }),
    ),
  );
  if (chosen) appSel.value = chosen;
  const facts = [
    ['Workspace', c.workspace],
    ['Listening on', c.listening],
    ['Reload on edits (--watch)', c.watch ? 'yes' : 'no'],
    ['Clock', c.virtualClock ? `virtual (--clock), now ${c.now}` : `system, now ${c.now}`],
    ['Environments', c.environments.join(', ')],
    ['Requests kept', `${c.kept.requests} (the last ${c.kept.capacity.toLocaleString('en-US')})`],
  ];
  $('config-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  const reload = $('config-reload');
  if (!c.reload)
    reload.replaceChildren(el('p', { class: 'muted', text: c.watch ? 'no edit since start' : 'reloads need --watch' }));
  else
    show(
      reload,
      el('p', {
        class: c.reload.ok ? 'ok' : 'bad',
        text: c.reload.ok
          ? `${c.reload.at}: reloaded, ${c.reload.apis} APIs`
          : `${c.reload.at}: the edit was rejected; the last good configuration still serves`,
      }),
      ...(c.reload.diagnostics.length
        ? [
            el('pre', {
              id: 'reload-diagnostics',
              text: c.reload.diagnostics.map((d) => `${d.at} ${d.severity} ${d.message} (${d.code})`).join('\n'),
            }),
          ]
        : []),
    );
  $('fidelity-table').tBodies[0].replaceChildren(
    ...c.fidelity.map((f) =>
      el(
        'tr',
        {},
        el('td', { text: f.feature }),
        el('td', { class: f.status === 'emulated' ? 'ok' : f.status === 'ignored' ? 'bad' : 'warn', text: f.status }),
        el('td', { text: f.where.join(', ') }),
        el('td', { text: f.note }),
        el('td', { text: f.source }),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The event stream: new requests, reloads

/** Resolves once the stream is open: from then on the gateway traces every request for this page. */
function connect() {
  const source = new EventSource('api/events');
  const opened = new Promise((resolve) => source.addEventListener('open', resolve, { once: true }));
  let lost = false;
  source.addEventListener('open', () => {
    setStatus('live');
    // Back after a break: what came meanwhile was not streamed, and the gateway may be another one (restarted,
    // its requests numbered from 1 again): everything is loaded afresh.
    if (lost) {
      lost = false;
      reloadAll();
    }
  });
  source.addEventListener('error', () => {
    lost = true;
    setStatus('disconnected; retrying…');
  });
  source.addEventListener('request', (m) => {
    const r = JSON.parse(m.data);
    requests.unshift(r);
    if (requests.length > MAX_ROWS) requests.length = MAX_ROWS;
    scheduleLive();
    scheduleThrottling();
  });
  source.addEventListener('config', () => {
    refreshConfig();
    loadRoutes();
  });
  return opened;
}

async function reloadAll() {
  requests = [];
  selected = undefined;
  show($('live-detail'), el('p', { class: 'muted', text: 'Select a request to see its trace.' }));
  await Promise.all([loadRoutes(), loadRequests(), refreshConfig()]).catch((err) =>
    setStatus(String(err.message ?? err)),
  );
  if (current === 'throttling') refreshThrottling();
}

async function start() {
  const want = tabs.find((t) => t.id === `tab-${location.hash.slice(1)}`);
  const opened = connect();
  await Promise.all([loadRoutes(), loadRequests(), refreshConfig(), opened]).catch((err) =>
    setStatus(String(err.message ?? err)),
  );
  if (want) select(want);
  document.body.dataset.ready = 'true';
}
start();
