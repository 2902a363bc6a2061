// Agent console: state and controls, the screen pop of the current call, the disposition form.
// Everything shown comes from the event stream ("agent" messages); buttons call the API.
import { api, events, requireLogin, duration, el, logoutButton } from '/common.js';

const user = requireLogin(['agent']);
const $ = (id) => document.getElementById(id);
let view = null;

$('who').textContent = user ? user.username : '';
logoutButton($('logout'));

function say(text) { $('message').textContent = text || ''; }

async function act(method, path, body) {
  say('');
  try { await api(method, path, body); } catch (err) { say(err.message); }
}

$('ready').addEventListener('click', () => act('POST', '/api/agent/ready'));
$('pause').addEventListener('click', () => act('POST', '/api/agent/pause', { reason: $('reason').value }));
$('hangup').addEventListener('click', () => act('POST', '/api/agent/hangup'));

function render(v) {
  view = v;
  $('state').textContent = v.state + (v.pause_reason ? ` (${v.pause_reason})` : '');
  $('state').className = `state ${v.state}`;
  $('phone').textContent = v.phone_connected ? 'phone connected' : 'phone not connected: register your SIP phone';
  $('ready').disabled = !v.phone_connected || !['paused'].includes(v.state);
  $('pause').disabled = !v.phone_connected || v.state === 'paused';
  const call = v.call;
  $('callcard').hidden = !call;
  $('hangup').disabled = !call || call.phase !== 'talking';
  $('dispocard').hidden = !call || call.phase !== 'wrap_up';
  if (!call) return;
  const lead = call.lead;
  $('phase').textContent = `${call.phase} · ${call.campaign}`;
  $('customer').textContent = `${lead.first_name} ${lead.last_name}`.trim() || lead.phone;
  const rows = [['Phone', lead.phone], ['Address', lead.address], ['City', lead.city], ['State', lead.state],
    ['Postal code', lead.postal_code], ['Email', lead.email], ['Attempts', lead.attempts],
    ...Object.entries(lead.custom || {})];
  $('lead').replaceChildren(...rows.filter(([, value]) => value !== '' && value !== undefined)
    .flatMap(([k, value]) => [el('dt', {}, k), el('dd', {}, value)]));
  $('script').textContent = call.script || '(this campaign has no script)';
  const codes = call.dispositions.map((d, i) => el('button', {
    'data-code': d.code, title: `key ${i + 1}`,
    onclick: () => act('POST', '/api/agent/disposition', { code: d.code }),
  }, `${d.label} `, el('kbd', {}, String(i + 1))));
  $('codes').replaceChildren(...codes);
}

function tick() {
  if (view && view.call) {
    const c = view.call;
    const start = c.connected_ms || view.state_since_ms;
    const end = c.ended_ms || Date.now();
    $('timer').textContent = duration(end - start);
    $('wrapleft').textContent = c.wrap_deadline_ms
      ? `(${Math.max(0, Math.round((c.wrap_deadline_ms - Date.now()) / 1000))} s left)` : '';
  }
  if (view) $('since').textContent = `for ${duration(Date.now() - view.state_since_ms)}`;
}
setInterval(tick, 500);

document.addEventListener('keydown', (e) => {
  if (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT') return;
  const k = e.key.toLowerCase();
  if (k === 'r') $('ready').click();
  else if (k === 'p') $('pause').click();
  else if (k === 'h' && !$('hangup').disabled) $('hangup').click();
  else if (/^[1-9]$/.test(k) && !$('dispocard').hidden) {
    const b = $('codes').children[Number(k) - 1];
    if (b) b.click();
  }
});

if (user) {
  api('GET', '/api/agent').then(render).catch((err) => say(err.message));
  events((m) => { if (m.type === 'agent') render(m.agent); },
         (up) => { $('link').textContent = up ? 'live' : 'reconnecting…'; });
}
