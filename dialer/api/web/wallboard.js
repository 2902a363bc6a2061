// Supervisor wallboard: the floor, campaigns with the abandonment gauge, agents by state.
// Fed by "floor" messages of the event stream; campaign buttons call the API.
import { api, events, requireLogin, duration, el, logoutButton } from '/common.js';

const user = requireLogin(['supervisor', 'manager', 'admin']);
const $ = (id) => document.getElementById(id);
let last = null;
const history = [];  // {t, talk, abandon}

$('who').textContent = user ? `${user.username} (${user.role})` : '';
$('managerlink').hidden = !user || !['manager', 'admin'].includes(user.role);
logoutButton($('logout'));
const mayControl = user && ['manager', 'admin'].includes(user.role);

function pct(x) { return `${(100 * x).toFixed(1)} %`; }

function gauge(rate, ceiling) {
  const fill = Math.min(100, ceiling > 0 ? (100 * rate) / ceiling : 0);
  const cls = rate >= ceiling ? 'gauge over' : rate >= 0.8 * ceiling ? 'gauge high' : 'gauge';
  return el('div', { title: `${pct(rate)} of ${pct(ceiling)}` },
    el('div', { class: cls }, el('div', { style: `width:${fill}%` })), `${pct(rate)} / ${pct(ceiling)}`);
}

function control(c) {
  if (!mayControl) return '';
  const action = c.paused ? 'start' : 'pause';
  return el('button', {
    'data-campaign': c.id,
    onclick: async () => {
      try { await api('POST', `/api/campaigns/${c.id}/${action}`); } catch (err) { $('message').textContent = err.message; }
    },
  }, c.paused ? 'Start' : 'Pause');
}

function render(s) {
  last = s;
  const f = s.floor;
  const rows = [['Agents logged in', f.agents.logged_in], ['Ready', f.agents.ready], ['Talking', f.agents.talking],
    ['Wrap-up', f.agents.wrap], ['Ringing', f.calls.ringing], ['Analysing (AMD)', f.calls.analysing],
    ['Waiting for an agent', f.calls.waiting], ['Lines per agent', f.lines_per_agent.toFixed(2)],
    ['Talk time', pct(f.talk_time_ratio)], ['Dialing', f.dialing_halted ? 'HALTED (storage)' : 'running']];
  $('floor').replaceChildren(...rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', { 'data-figure': k }, v))));
  $('campaigns').replaceChildren(...s.campaigns.map((c) => {
    const k = c.counters;
    return el('tr', { 'data-campaign-row': c.name },
      el('td', {}, c.name, c.paused ? ' (paused)' : ''), el('td', {}, c.dial_mode), el('td', { 'data-dialed': '' }, k.dialed),
      el('td', {}, k.answered), el('td', {}, k.live), el('td', {}, k.machine), el('td', {}, k.bridged),
      el('td', {}, k.abandoned), el('td', {}, gauge(c.abandon_rate, c.abandon_ceiling)),
      el('td', {}, c.leads_waiting), el('td', {}, control(c)));
  }));
  renderAgents();
  const abandon = s.campaigns.reduce((m, c) => Math.max(m, c.abandon_rate), 0);
  history.push({ t: Date.now(), talk: f.talk_time_ratio, abandon });
  if (history.length > 2000) history.shift();
  drawChart();
}

function renderAgents() {
  if (!last) return;
  const now = Date.now();
  $('agents').replaceChildren(...last.agents.map((a) => el('tr', { 'data-agent': a.agent },
    el('td', {}, a.agent), el('td', {}, el('span', { class: `state ${a.state}` }, a.state)),
    el('td', {}, duration(now - a.state_since_ms)), el('td', {}, a.call ? a.call.campaign : ''),
    el('td', {}, a.call ? `${a.call.lead.first_name} ${a.call.lead.last_name} ${a.call.lead.phone}` : ''),
    el('td', {}, a.call && a.call.connected_ms ? duration((a.call.ended_ms || now) - a.call.connected_ms) : ''))));
}
setInterval(renderAgents, 1000);

function drawChart() {
  const c = $('chart');
  const g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  if (history.length < 2) return;
  const t0 = history[0].t;
  const span = Math.max(1, history[history.length - 1].t - t0);
  const line = (key, scale, color) => {
    g.strokeStyle = color;
    g.beginPath();
    history.forEach((p, i) => {
      const x = ((p.t - t0) / span) * c.width;
      const y = c.height - Math.min(1, p[key] / scale) * (c.height - 4) - 2;
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
  };
  line('talk', 1, '#1f5fbf');
  line('abandon', 0.05, '#c62828');  // the red line's top is 5 %
}

if (user) {
  api('GET', '/api/status').then(render).catch((err) => { $('message').textContent = err.message; });
  events((m) => { if (m.type === 'floor') render(m.status); },
         (up) => { $('link').textContent = up ? 'live' : 'reconnecting…'; });
}
