// Campaign manager: upload a lead CSV into a running campaign with a progress bar, then show the
// import report (rows loaded, and every bad row with its line number and reason).
import { api, session, requireLogin, el, logoutButton } from '/common.js';

const user = requireLogin(['manager', 'admin']);
const $ = (id) => document.getElementById(id);
$('who').textContent = user ? user.username : '';
logoutButton($('logout'));

if (user) {
  api('GET', '/api/campaigns').then((r) => {
    $('campaign').replaceChildren(...r.campaigns.map((c) => el('option', { value: c.id }, c.name)));
  }).catch((err) => { $('message').textContent = err.message; });
}

function showReport(r) {
  $('summary').textContent = `rows ${r.rows}, loaded ${r.loaded}, duplicates ${r.duplicates}, ` +
    `invalid ${r.invalid}, handed to the dialer ${r.handed_to_dialer}`;
  $('errors').replaceChildren(...r.errors.map((e) => el('tr', { 'data-line': e.line }, el('td', {}, e.line), el('td', {}, e.reason))));
}

$('upload').addEventListener('click', () => {
  const file = $('file').files[0];
  $('message').textContent = '';
  if (!file) { $('message').textContent = 'choose a CSV file first'; return; }
  const xhr = new XMLHttpRequest();
  const list = encodeURIComponent($('list').value || 'default');
  xhr.open('POST', `/api/campaigns/${$('campaign').value}/leads?list=${list}`);
  xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
  xhr.setRequestHeader('Content-Type', 'text/csv');
  $('progress').hidden = false;
  xhr.upload.onprogress = (e) => { if (e.lengthComputable) $('progress').value = (100 * e.loaded) / e.total; };
  xhr.onload = () => {
    $('progress').value = 100;
    const body = JSON.parse(xhr.responseText || '{}');
    if (xhr.status === 200) showReport(body);
    else $('message').textContent = body.error ? body.error.message : `HTTP ${xhr.status}`;
  };
  xhr.onerror = () => { $('message').textContent = 'upload failed: connection lost'; };
  xhr.send(file);
});
