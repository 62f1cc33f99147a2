// The supervision dashboard: a small hash-routed page over /api/supervision and /api/audit.
// Every value is put into the page with textContent, never as HTML.
import { Auth } from './auth.js';
import { applyStaticText, switchLanguage, t } from './i18n.js';
import { verifyInclusion } from './proof.js';

const view = document.getElementById('view');
const charts = [];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'onclick') node.onclick = v; else if (k === 'class') node.className = v; else node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return node;
}
function badge(value) { return el('span', { class: 'badge ' + value }, t(value)); }
function filters() {
  const p = new URLSearchParams();
  const year = document.getElementById('year').value, jur = document.getElementById('jurisdiction').value;
  if (year) p.set('year', year);
  if (jur) p.set('jurisdictionId', jur);
  return p;
}
async function api(path) {
  const res = await Auth.fetch(path);
  if (!res.ok) throw new Error(path + ' → ' + res.status);
  return res.json();
}
function table(headers, rows, onClick) {
  if (!rows.length) return el('p', { class: 'muted' }, t('none'));
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, t(h))))),
    el('tbody', {}, rows.map(r => el('tr', onClick ? { class: 'clickable', onclick: () => onClick(r) } : {},
      r.cells.map(c => el('td', {}, c))))));
}
function chart(title, option) {
  const box = el('div', { class: 'chart' });
  requestAnimationFrame(() => {
    const c = echarts.init(box);
    c.setOption(Object.assign({ title: { text: title, left: 10, top: 8, textStyle: { fontSize: 14 } }, tooltip: {} }, option));
    charts.push(c);
  });
  return box;
}
/** Task ids behind a figure: short forms shown, full ids on hover. */
function traced(ids) {
  return el('span', { class: 'muted', title: ids.join('\n') }, ids.map(id => id.replace(/^task-/, '').slice(0, 8)).join(' '));
}
function pct(x) { return (Math.round(x * 1000) / 10) + '%'; }

const views = {
  async overview() {
    const o = await api('/api/supervision/overview?' + filters());
    const keys = ['interviewsHeld', 'ledgers', 'tasks', 'tasksOpen', 'tasksOverdue', 'tasksClosed', 'closureRate',
      'medianDaysToClose', 'reportsPending', 'reportsLate', 'accountabilityCases', 'regulations'];
    const cards = el('div', { class: 'cards' }, keys.map(k => el('div', { class: 'card', 'data-figure': k },
      el('div', { class: 'label' }, t(k)),
      el('div', { class: 'value' }, k === 'closureRate' ? pct(o[k]) : (o[k] ?? '—')))));
    const months = o.interviewsPerMonth;
    const warnings = await api('/api/supervision/warnings?' + filters());
    return [cards, el('div', { class: 'charts' },
      chart(t('chart.perMonth'), { xAxis: { type: 'category', data: months.map(m => m.month) }, yAxis: { type: 'value' },
        series: [{ type: 'bar', data: months.map(m => m.interviews), itemStyle: { color: '#b71c1c' } }] }),
      chart(t('chart.closure'), { series: [{ type: 'pie', radius: ['40%', '65%'], top: 30,
        data: [{ name: t('closed'), value: o.tasksClosed, itemStyle: { color: '#2e7d32' } },
          { name: t('open'), value: o.tasksOpen, itemStyle: { color: '#9e9e9e' } }].filter(d => d.value > 0) }] }),
      chart(t('chart.overdue'), { xAxis: { type: 'category', data: o.overdueByJurisdiction.map(j => j.jurisdictionId) },
        yAxis: { type: 'value' }, series: [{ type: 'bar', data: o.overdueByJurisdiction.map(j => j.overdue), itemStyle: { color: '#ef6c00' } }] }),
      chart(t('chart.warnings'), { series: [{ type: 'pie', radius: '60%', top: 30,
        data: [{ name: t('yellow'), value: o.warnings.yellow, itemStyle: { color: '#f9a825' } },
          { name: t('orange'), value: o.warnings.orange, itemStyle: { color: '#ef6c00' } },
          { name: t('red'), value: o.warnings.red, itemStyle: { color: '#c62828' } }].filter(d => d.value > 0) }] })),
      el('h2', {}, t('warningsTitle')),
      table(['level', 'unit', 'text', 'leader', 'deadline', 'daysLeft'], warnings.slice(0, 50).map(w => ({ ledgerId: w.ledgerId,
        cells: [badge(w.level), w.unitName, w.text, w.responsibleLeader, w.deadline, w.daysLeft] })), r => go('ledger/' + r.ledgerId)),
      exportsFor(['overdue'])];
  },
  async ledgers() {
    const ledgers = await api('/api/supervision/ledgers?' + filters());
    return [table(['unit', 'jurisdiction', 'year', 'tasks', 'verified', 'overdue', 'closedOn'], ledgers.map(l => ({ id: l.ledgerId,
      cells: [l.unitName, l.jurisdictionId, l.year, l.tasks.length, l.tasks.filter(x => x.status === 'VERIFIED').length,
        l.tasks.filter(x => x.overdue && x.status !== 'VERIFIED').length, l.closedOn || '—'] })), r => go('ledger/' + r.id)),
      exportsFor(['ledgers'])];
  },
  async ledger(id) {
    const { ledger, interview } = await api('/api/supervision/ledgers/' + encodeURIComponent(id));
    const lists = interview.lists || {};
    const listBox = (key, items, text) => el('div', {}, el('h2', {}, t(key)), el('ol', {}, (items || []).map(i => el('li', {}, text(i)))));
    return [el('h2', {}, t('ledgerTitle') + ' · ' + (ledger.unitName || '')),
      el('p', {}, `${t('conductedOn')}: ${interview.conductedOn || '—'} · ${t('lead')}: ${interview.leadInterviewer || '—'} · `
        + `${t('writtenReport')}: ${ledger.writtenReport.filedOn ? t('filed') + ' ' + (ledger.writtenReport.registrationNumber || '') : t('notFiled')}`
        + ` · ${t('trackingEvaluation')}: ${ledger.trackingEvaluationFiled ? t('filed') : t('notFiled')}`),
      el('div', { class: 'lists' },
        listBox('responsibilities', lists.responsibilities, i => i.text),
        listBox('problems', lists.problems, i => `【${i.aspect}】${i.description}`),
        listBox('risks', lists.risks, i => `【${i.businessArea}】${i.description}`)),
      el('h2', {}, t('tasks')),
      table(['kind', 'text', 'leader', 'department', 'deadline', 'status', 'evidence', 'history'], ledger.tasks.map(x => ({
        cells: [t(x.kind), x.text, x.responsibleLeader || '—', x.responsibleDepartment || '—', x.deadline || '—',
          el('span', {}, badge(x.status), x.overdue && x.status !== 'VERIFIED' ? badge('RED') : ''), x.evidence,
          el('ul', { class: 'timeline' }, x.history.map(s => el('li', {}, `${s.at.substring(0, 10)} ${s.type}${s.note ? '：' + s.note : ''}`)))] })))];
  },
  async units() {
    // the table is per year: the chosen one, else the latest year with interviews
    const options = [...document.getElementById('year').options].map(o => o.value).filter(v => v);
    const year = document.getElementById('year').value || options[options.length - 1] || new Date().getFullYear();
    const p = filters(); p.set('year', year);
    const rows = await api('/api/supervision/evaluation?' + p);
    return [el('h2', {}, `${t('nav.units')} · ${year}`),
      table(['unit', 'jurisdiction', 'tasks', 'verified', 'overdue', 'notRectified', 'regulations', 'reportOnTime', 'accountabilityCases', 'closureRate', 'score', 'traceTasks'],
        rows.map(r => ({ id: r.ledgerId, cells: [r.unitName, r.jurisdictionId, r.tasks, r.verified, r.overdue, r.notRectified, r.regulations,
          t(r.writtenReportOnTime ? 'yes' : 'no'), r.accountabilityCases, pct(r.closureRate), r.score, traced(r.overdueTaskIds)] })),
        r => go('ledger/' + r.id)),
      exportsFor(['evaluation'], year)];
  },
  async accountability() {
    const rows = await api('/api/supervision/accountability?' + filters());
    return [table(['unit', 'caseId', 'grounds', 'openedOn', 'traceTasks', 'outcome'], rows.map(r => ({ id: r.ledgerId,
      cells: [r.unitName, r.caseId, r.grounds, r.openedOn, r.taskIds.join(' '), r.outcome || t('pending')] })), r => go('ledger/' + r.id))];
  },
  /** Where a printed document's QR code leads: its verification code is the audit entry's event id. */
  async verify(code) {
    const form = el('form', { class: 'filters', onsubmit: e => { e.preventDefault(); go('verify/' + encodeURIComponent(input.value.trim())); } });
    const input = el('input', { name: 'code', value: code || '', placeholder: t('verifyCode'), size: 40 });
    form.append(input, el('button', { type: 'submit' }, t('verify')));
    if (!code) return [el('h2', {}, t('verifyTitle')), form];
    const e = await api('/api/audit/events/' + encodeURIComponent(code));
    const result = verifyButton(e.eventId);
    const rows = [['type', e.type], ['source', e.source], ['interview', e.aggregateId], ['eventTime', new Date(e.eventTime).toLocaleString()],
      ['recordedAt', new Date(e.recordedAt).toLocaleString()], ['leafHash', e.leafHash]];
    setTimeout(() => result.querySelector('button')?.click(), 0);
    return [el('h2', {}, t('verifyTitle')), form,
      el('table', { class: 'fields' }, rows.map(([k, v]) => el('tr', {}, el('th', {}, t(k)), el('td', {}, v ?? '—')))),
      el('p', { 'data-verification': code }, result)];
  },
  async audit() {
    const entries = await api('/api/audit/events?size=100');
    entries.reverse();
    return [el('h2', {}, t('auditTitle')),
      table(['recordedAt', 'type', 'source', 'interview', 'verify'], entries.map(e => ({
        cells: [new Date(e.recordedAt).toLocaleString(), e.type, e.source, e.aggregateId, verifyButton(e.eventId)] })))];
  }
};

function verifyButton(eventId) {
  const out = el('span', {});
  const button = el('button', { class: 'verify', type: 'button', onclick: async () => {
    button.disabled = true;
    try {
      const result = await verifyInclusion(eventId);
      out.replaceChildren(el('span', { class: result.included ? 'ok' : 'bad', 'data-verified': String(result.included) },
        (result.included ? '✔ ' + t('included') : '✘ ' + t('notIncluded') + ' ' + (result.reason || ''))
        + (result.treeSize ? ` (#${result.leafIndex} / ${result.treeSize})` : '')));
    } catch (e) {
      out.replaceChildren(el('span', { class: 'bad', 'data-verified': 'false' }, '✘ ' + t('notIncluded') + ' ' + e.message));
    }
  } }, t('verify'));
  out.append(button);
  return out;
}
function exportsFor(tables, year) {
  const p = filters(); if (year) p.set('year', year);
  return el('p', { class: 'exports' }, t('export') + '：', tables.flatMap(name => ['csv', 'xlsx'].map(f => {
    const href = `/api/supervision/export/${name}.${f}?${p}`;
    return el('a', { href, onclick: e => { e.preventDefault(); download(href, `${name}.${f}`); } }, `${name}.${f}`);
  })));
}
/** A link cannot carry the bearer token: fetch the file with it and hand the browser the bytes. */
async function download(href, name) {
  const res = await Auth.fetch(href);
  if (!res || !res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = el('a', { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
function go(route) { location.hash = '#/' + route; }

let rendering = Promise.resolve();
function render() {
  rendering = rendering.then(async () => {
    const [name, arg] = location.hash.replace(/^#\//, '').split('/');
    const route = views[name] ? name : 'overview';
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.getAttribute('href') === '#/' + route));
    try {
      const content = await views[route](arg ? decodeURIComponent(arg) : undefined);
      charts.splice(0).forEach(c => c.dispose());
      view.replaceChildren(...content);
      view.dataset.route = route;
    } catch (e) { view.replaceChildren(el('p', { class: 'bad' }, e.message)); }
  });
  return rendering;
}

async function fillFilters() {
  const interviews = await api('/api/supervision/interviews').catch(() => []);
  const years = [...new Set(interviews.map(i => i.year))].sort();
  const jurs = [...new Set(interviews.map(i => i.jurisdictionId))].sort();
  const add = (id, values) => { const s = document.getElementById(id); const keep = s.value;
    s.replaceChildren(s.options[0], ...values.map(v => el('option', { value: v }, v))); s.value = keep; };
  add('year', years); add('jurisdiction', jurs);
}

let pending = null;
// the live stream names every changed interview and ledger, so only roles that see the whole
// jurisdiction get it (see the access table); the others see fresh figures on every navigation
const LIVE_ROLES = ['LEADERSHIP', 'SUPERVISION_OFFICE', 'AUDITOR'];
async function live() {
  const user = Auth.user();
  if (!user) { Auth.signIn(); return; }
  if (!user.roles.some(r => LIVE_ROLES.includes(r))) return;
  const url = await Auth.streamUrl('/api/supervision/stream');
  if (!url) return;
  const source = new EventSource(url);
  const badgeEl = document.getElementById('live');
  source.onopen = () => { badgeEl.dataset.i18n = 'live.on'; badgeEl.textContent = t('live.on'); badgeEl.classList.add('on'); };
  source.onerror = () => {
    badgeEl.dataset.i18n = 'live.off'; badgeEl.textContent = t('live.off'); badgeEl.classList.remove('on');
    // a refused token (401) closes the stream for good; network trouble reconnects by itself
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(() => Auth.fetch('/api/supervision/interviews')
        .then(res => { if (res && res.ok) live(); }).catch(() => {}), 5000);
    }
  };
  source.addEventListener('changed', () => {
    clearTimeout(pending);
    pending = setTimeout(() => { fillFilters(); render(); }, 400);
  });
}

function showUser() {
  const user = Auth.user();
  const box = document.getElementById('user');
  box.textContent = user ? `${user.name} · ${user.roles.map(r => t('role.' + r)).join('、')}` : '';
  if (user) box.dataset.user = user.id;
}

document.getElementById('lang').onclick = () => { switchLanguage(); applyStaticText(); showUser(); render(); };
document.getElementById('sign-out').onclick = () => Auth.signOut();
['year', 'jurisdiction'].forEach(id => document.getElementById(id).onchange = render);
window.addEventListener('hashchange', render);
window.addEventListener('resize', () => charts.forEach(c => c.resize()));
applyStaticText();
// nothing is asked of the services before somebody is signed in
if (Auth.session()) {
  showUser();
  fillFilters().then(render);
  live();
} else {
  Auth.signIn();
}
