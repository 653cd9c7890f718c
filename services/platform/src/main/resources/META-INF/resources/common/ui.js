// Page helpers every Spotter page imports as /common/ui.js (the platform jar is on each service's classpath,
// so each service serves this same file): finding and building elements, switching views, showing messages
// and times, signing in with a bearer token (from #token=... in the address, then kept for the tab), calling
// the API with that token, saying a problem-details refusal (RFC 9457) in a sentence, making Idempotency-Keys,
// and reading a server-sent event stream with the token. Plain DOM; every text from the server is set as
// text, never as HTML.

export const TOKEN_KEY = 'spotter.token';

// ---- Elements and views

export const $ = selector => document.querySelector(selector);

/** A new element: props are attributes, except text, class and on* listeners; false/null props and children are left out. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.filter(child => child !== undefined && child !== null && child !== false));
  return node;
}

/** Shows the view (a .view section) with this id and hides the others. */
export function show(viewId) {
  document.querySelectorAll('.view').forEach(view => { view.hidden = view.id !== viewId; });
  window.scrollTo(0, 0);
}

/** Shows a message in a node, or hides the node when there is none. */
export function say(node, text) {
  node.textContent = text ?? '';
  node.hidden = !text;
}

export function numberOrNull(text) {
  return text === '' || text === undefined || text === null ? null : Number(text);
}

export function timeOf(date) {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** A short date such as "3 Mar", in the tablet's language. */
export function dayOf(instant) {
  return new Date(instant).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** m:ss of a number of seconds, never negative. */
export function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Keeps a form's submit button disabled while its request runs, so a double tap does not send twice. */
export async function whileBusy(form, work) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

/** Runs work on the form's submit, instead of the browser's own submit. */
export function onSubmit(form, work) {
  form.addEventListener('submit', event => {
    event.preventDefault();
    whileBusy(form, work);
  });
}

// ---- Signing in: the token comes from #token=... or is pasted; its claims are read for display only

let currentToken = null;
let tokenRefused = () => {};

/** The token's claims (upn, clinic, groups, exp...), or null when it is not a JWT. The server checks the signature, not this. */
export function claimsOf(token) {
  try {
    const base64 = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), c => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

/** Why this token cannot be used, in a sentence, or null when it looks usable. */
export function tokenProblem(claims) {
  if (!claims) return 'That is not an access token: paste the whole token.';
  if (claims.exp && claims.exp * 1000 < Date.now()) return 'That access token has expired: ask for a new one.';
  return null;
}

/** The token in the address (then removed from it, so it is not bookmarked or shared), else the one kept for this tab. */
export function tokenOnArrival() {
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromAddress) {
    history.replaceState(null, '', location.pathname + location.search);
    return fromAddress;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** From now on api() sends this token; it is kept for the tab (not beyond), so a reload stays signed in. */
export function keepToken(token) {
  currentToken = token;
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  currentToken = null;
  sessionStorage.removeItem(TOKEN_KEY);
}

export function signedInToken() {
  return currentToken;
}

/** Who is signed in, for the header: user and clinic. */
export function whoIs(claims) {
  return { user: claims?.upn ?? claims?.sub ?? 'unknown user', clinic: claims?.clinic ?? 'no clinic' };
}

export function hasGroup(claims, group) {
  return Array.isArray(claims?.groups) && claims.groups.includes(group);
}

/** What to do when the server refuses the token (401): usually sign out and say why. */
export function whenTokenRefused(handler) {
  tokenRefused = handler;
}

// ---- The API: every call carries the token; refusals come back as problem details

/** The request never got an answer: no network, or the server could not be reached. */
export class NetworkError extends Error {
  constructor(cause) {
    super('No connection to the server.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

export function bearer() {
  return currentToken ? { Authorization: `Bearer ${currentToken}` } : {};
}

/**
 * Calls the API with the signed-in token: resolves to {ok, status, body} for any HTTP answer (body is the
 * parsed JSON, or null), throws NetworkError when no answer came. path may be a full URL of another service.
 */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { ...bearer(), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const data = await response.json().catch(() => null);
  // Only this service's 401 signs out: another service refusing the token says nothing about this one.
  if (response.status === 401 && currentToken && new URL(path, location.href).origin === location.origin) {
    tokenRefused();
  }
  return { ok: response.ok, status: response.status, body: data };
}

/** A refusal in a sentence: "title: detail" from the problem details, else the status. */
export function problemText(status, problem) {
  const { title, detail } = problem ?? {};
  return [title, detail].filter(Boolean).join(': ') || `The server answered ${status}.`;
}

/** The fields a 400 names, as [{field, message}]; empty when it names none. */
export function fieldErrors(problem) {
  return Array.isArray(problem?.errors) ? problem.errors : [];
}

/** Bean-validation messages in the words staff use. */
export function plainMessage(message) {
  return /^must not be (null|blank|empty)$/.test(message) ? 'Required.' : message;
}

/** A new Idempotency-Key: crypto.randomUUID where there is one (secure contexts), else a v4 UUID from getRandomValues. */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map(byte => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- Server-sent events

/** An event's data as JSON; null when it is not JSON (a stream's keep-alive or a torn message). */
export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Reads server-sent events from a fetch() response body (EventSource cannot send the Authorization header):
 * "event:" and "data:" lines, an empty line ends an event, which is handed to handle(type, data). Resolves
 * when the stream ends.
 */
export async function readServerSentEvents(body, handle) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { type: 'message', data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    // a trailing \r may be the first half of \r\n: keep it until the next chunk
    const cut = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    const lines = buffer.slice(0, cut).split(/\r\n|\r|\n/);
    buffer = lines.pop() + buffer.slice(cut);
    for (const line of lines) {
      if (line === '') {
        if (event.data.length || event.type !== 'message') handle(event.type, event.data.join('\n'));
        event = { type: 'message', data: [] };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.type = text;
        else if (field === 'data') event.data.push(text);
      }
    }
  }
}
