// Shared by every page: the session token, JSON calls to the API, the event stream, formatting.
export const session = {
  get token() { return sessionStorage.getItem('dialer.token'); },
  get user() { return JSON.parse(sessionStorage.getItem('dialer.user') || 'null'); },
  save(token, user) {
    sessionStorage.setItem('dialer.token', token);
    sessionStorage.setItem('dialer.user', JSON.stringify(user));
  },
  clear() { sessionStorage.removeItem('dialer.token'); sessionStorage.removeItem('dialer.user'); },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.field = body?.error?.field;
  }
}

export async function api(method, path, body, contentType = 'application/json') {
  const headers = {};
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  const res = await fetch(path, { method, headers, body: payload });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (res.status === 401 && path !== '/api/login') {
    session.clear();
    location.href = '/index.html';
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

// The WebSocket event stream; reconnects after a drop. onMessage gets each parsed message.
export function events(onMessage, onState = () => {}) {
  let closed = false;
  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/api/events?token=${encodeURIComponent(session.token)}`);
    ws.onopen = () => onState(true);
    ws.onmessage = (e) => onMessage(JSON.parse(e.data));
    ws.onclose = () => { onState(false); if (!closed) setTimeout(open, 1000); };
  };
  open();
  return () => { closed = true; };
}

export function requireLogin(roles) {
  const user = session.user;
  if (!session.token || !user || (roles && !roles.includes(user.role))) {
    location.href = '/index.html';
    return null;
  }
  return user;
}

export function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

export function logoutButton(button) {
  button.addEventListener('click', async () => {
    try { await api('POST', '/api/logout'); } catch (_) { /* already gone */ }
    session.clear();
    location.href = '/index.html';
  });
}
