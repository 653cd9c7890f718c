// The clinician console: the clinic's alerts as cards, open ones first (HIGH at the top, then those nobody has
// acknowledged), each with its escalation countdown, who was paged and how, the actions (acknowledge, resolve with
// an outcome, cancel with a reason) and its timeline; closed alerts in a shorter list below. The clinic's alert
// stream keeps it live; when the stream drops, a banner says so and the page reconnects with back-off, then
// reloads the list. Countdowns run on the server's time (its Date header), not the device's clock.
// Plain DOM, no framework; every text from the server is set as text, never as HTML.

import {
  $, el, show, say, timeOf, dayOf, clock, onSubmit, claimsOf, tokenProblem, tokenOnArrival, keepToken, forgetToken,
  signedInToken, whoIs, hasGroup, whenTokenRefused, bearer, api, NetworkError, problemText, fieldErrors, plainMessage,
  newKey, readServerSentEvents, parseJson,
} from '/common/ui.js';

const STREAM_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];
const BACK_SHOWN_MS = 5000;
// the server sends a keep-alive every 15 s: three missed, and the connection is dead even if no error said so
const SILENCE_MS = 45000;
const TOKEN_REFUSED = 'Your access token was refused (it may have expired): sign in again.';
const NO_ANSWER = 'No connection to the server: it may not have been done. Try again: it will not be done twice.';

const PRIORITY_RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 };
const OPEN = new Set(['RAISED', 'ACKNOWLEDGED']);

// Causes are symptom codes, session watchdog flags and screening rule ids; anything new shows as its code in words.
const CAUSE_WORDS = {
  'chest-pain': 'Chest pain',
  fainting: 'Fainting (syncope)',
  'sudden-headache': 'Sudden headache',
  'new-weakness': 'New weakness',
  'visual-disturbance': 'Visual disturbance',
  'new-numbness': 'New numbness',
  dizziness: 'Dizziness',
  'worsening-back-pain': 'Worsening back pain',
  nausea: 'Nausea',
  'eye-redness': 'Eye redness or petechiae',
  HOLD_OVERDUE: 'Patient still inverted past the planned hold',
  HOLD_ESCALATED: 'Patient left inverted: go to the table',
  TABLET_SILENT: 'Tablet silent while the patient is inverted',
  'bp-crisis': 'Blood pressure crisis at the pre-check',
  'post-session-bp-crisis': 'Blood pressure crisis after the session',
  'post-session-bp-rise': 'Blood pressure rise after the session',
  S7: 'Screening: hypertensive crisis (S7)',
  S14: 'Screening: neurological red flags (S14)',
};
const STATUS_WORDS = {
  RAISED: 'Not acknowledged', ACKNOWLEDGED: 'Acknowledged', RESOLVED: 'Resolved', CANCELLED: 'Cancelled: entered in error',
};
const KIND_WORDS = {
  RAISED: 'Raised', CAUSE_ADDED: 'Further cause', PRIORITY_RAISED: 'Priority raised', PAGED: 'Paged',
  NOBODY_ON_CALL: 'Nobody on call', ACKNOWLEDGED: 'Acknowledged', RETRIGGERED: 'Paging again (not resolved in time)',
  RESOLVED: 'Resolved', CANCELLED: 'Cancelled',
};
// The timeline entries whose cause is what the entry is about; on the others it only repeats the alert's cause.
const CAUSE_KINDS = new Set(['RAISED', 'CAUSE_ADDED', 'PRIORITY_RAISED']);
const CHANNEL_WORDS = { console: 'console', webhook: 'webhook', email: 'e-mail' };
const DELIVERY_WORDS = { SHOWN: 'shown', PENDING: 'sending', DELIVERED: 'delivered', FAILED: 'failed', STOPPED: 'stopped' };
const FIELD_WORDS = { outcome: 'Outcome', reason: 'Reason' };

const state = {
  claims: null,
  alerts: new Map(), // id -> AlertView, the freshest heard
  cards: new Map(), // id -> the parts of its card, kept across updates so what is typed in a form stays
  loading: Promise.resolve(), // the list loads under way, one after the other
  listed: false, // whether the list has loaded once since sign-in: later, an alert not seen before is an arrival
  arrivalId: null, // the alert the arrival line is about
  unseen: false, // an alert arrived while the tab was hidden
  keys: new Map(), // path -> {key, fingerprint}: an action's Idempotency-Key until it gets an answer
  serverTime: null, // {at, received}: the server's time from a Date header, and performance.now() when it came
  stream: null, // {abort, heardAt, silent, ended}: the stream connection under way
  streamAttempt: 0,
  streamTimer: null,
  reconnectAt: null, // performance.now() of the next reconnect, while one is waiting
  streamDown: false, // the stream dropped (or never came up) and has not caught up since
  live: false, // subscribed and the list reloaded since
  backUntil: 0, // performance.now() until which the banner says live updates are back
};

// ---- Small helpers

function isOpen(alert) {
  return OPEN.has(alert.status);
}

function isClinician() {
  return hasGroup(state.claims, 'clinician');
}

function causeWords(cause) {
  if (!cause) return 'Unknown cause';
  const words = CAUSE_WORDS[cause] ?? cause.replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function shortId(id) {
  return `…${String(id).slice(-4)}`;
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

// ---- Server time: the last Date header, then the device's monotonic time since it came

/** The server's now in ms; the device's clock only until a Date header has come. */
function serverNow() {
  const anchor = state.serverTime;
  return anchor ? anchor.at + (performance.now() - anchor.received) : Date.now();
}

/** Date is cut to whole seconds, so the server's time when it answered is taken as the middle of that second. */
function noteServerTime(response) {
  const date = Date.parse(response.headers.get('Date') ?? '');
  if (!Number.isNaN(date)) state.serverTime = { at: date + 500, received: performance.now() };
}

/** "10:21" today, "3 Mar 10:21" on another day. */
function when(instant) {
  const date = new Date(instant);
  const today = new Date(serverNow()).toDateString() === date.toDateString();
  return today ? timeOf(date) : `${dayOf(instant)} ${timeOf(date)}`;
}

function ago(instant) {
  const seconds = Math.max(0, Math.floor((serverNow() - Date.parse(instant)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

// ---- Signing in: the token comes from #token=... or is pasted; its claims are read for display only

function signIn(token) {
  const claims = claimsOf(token);
  const problem = tokenProblem(claims);
  if (problem) {
    signOut(problem);
    return;
  }
  keepToken(token);
  forgetAlerts();
  state.claims = claims;
  const { user, clinic } = whoIs(claims);
  $('#signed-in-user').textContent = user;
  $('#signed-in-clinic').textContent = clinic;
  $('#signed-in').hidden = false;
  $('#read-only').hidden = isClinician();
  show('alerts-view');
  loadAlerts();
  startStream();
}

function signOut(message) {
  forgetToken();
  state.claims = null;
  stopStream();
  forgetAlerts();
  $('#signed-in').hidden = true;
  $('#token-input').value = '';
  say($('#sign-in-error'), message);
  show('sign-in-view');
}

/** Another user may sign in next: nothing of the last one's clinic stays on the page. */
function forgetAlerts() {
  state.alerts.clear();
  state.cards.clear();
  state.keys.clear();
  state.listed = false;
  state.arrivalId = null;
  state.unseen = false;
  $('#open-alerts').replaceChildren();
  $('#closed-alerts').replaceChildren();
  say($('#list-error'), null);
  render();
}

// ---- Loading

/** One list load at a time, in order, so an earlier answer never lands after a later one. */
function loadAlerts() {
  state.loading = state.loading.catch(() => {}).then(fetchAlerts);
  return state.loading;
}

async function fetchAlerts() {
  const token = signedInToken();
  let answer;
  try {
    answer = await api('/api/alerts');
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    say($('#list-error'), 'No connection to the server: the alerts could not be loaded. They load again when it is back.');
    return;
  }
  // signed out, or in as someone else, meanwhile: this answer is of no concern to the page any more
  if (signedInToken() !== token) return;
  if (!answer.ok) {
    if (answer.status !== 401) say($('#list-error'), `The alerts could not be loaded. ${problemText(answer.status, answer.body)}`);
    return;
  }
  say($('#list-error'), null);
  const views = Array.isArray(answer.body) ? answer.body : [];
  // after the first load, an alert not seen before came while the stream was down: it is announced like a live one
  const arrivals = state.listed ? views.filter(view => !state.alerts.has(view.id)) : [];
  views.forEach(keep);
  state.listed = true;
  render();
  arrivals.forEach(arrived);
}

async function refreshAlert(id) {
  const token = signedInToken();
  try {
    const answer = await api(`/api/alerts/${id}`);
    if (answer.ok && signedInToken() === token) receive(answer.body);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
  }
}

/** Keeps a view unless an older one: a list read before a change may answer after the stream has told of it. */
function keep(view) {
  const known = state.alerts.get(view.id);
  if (known && Date.parse(view.updatedAt) < Date.parse(known.updatedAt)) return false;
  state.alerts.set(view.id, view);
  return true;
}

/** An AlertView from the stream or an action's answer: the card shows it at once. */
function receive(view, raised = false) {
  const isNew = !state.alerts.has(view.id);
  if (!keep(view)) return;
  render();
  if (isNew && (raised || state.listed)) arrived(view);
}

// ---- The live stream: alert-raised and alert-updated for the clinic, read with fetch so the token can be sent

function startStream() {
  closeStream();
  const connection = { abort: new AbortController(), heardAt: performance.now(), silent: false, ended: false };
  state.stream = connection;
  renderLive();
  readStream(connection).finally(() => {
    connection.ended = true;
    if (!connection.abort.signal.aborted || connection.silent) streamLost(connection);
  });
}

function closeStream() {
  state.stream?.abort.abort();
  state.stream = null;
  clearTimeout(state.streamTimer);
  state.reconnectAt = null;
}

/** Signed out: no stream, and nothing to say about it. */
function stopStream() {
  closeStream();
  state.streamAttempt = 0;
  state.streamDown = false;
  state.live = false;
  renderLive();
}

async function readStream(connection) {
  try {
    const response = await fetch('/api/alerts/stream', {
      headers: { ...bearer(), Accept: 'text/event-stream' }, signal: connection.abort.signal, cache: 'no-store',
    });
    if (response.status === 401) {
      connection.abort.abort();
      signOut(TOKEN_REFUSED);
      return;
    }
    if (!response.ok || !response.body) return;
    noteServerTime(response);
    const heard = new TransformStream({
      transform(chunk, controller) {
        connection.heardAt = performance.now();
        controller.enqueue(chunk);
      },
    });
    await readServerSentEvents(response.body.pipeThrough(heard), (type, data) => onStreamEvent(connection, type, data));
  } catch {
    // dropped or unreachable: streamLost tries again
  }
}

/** Back-off 1 s, 2 s, 4 s ... 30 s; it starts again at 1 s once a connection has caught up. */
function streamLost(connection) {
  state.streamDown = true;
  state.live = false;
  const delay = STREAM_DELAYS_MS[Math.min(state.streamAttempt, STREAM_DELAYS_MS.length - 1)];
  state.streamAttempt += 1;
  state.reconnectAt = performance.now() + delay;
  state.streamTimer = setTimeout(() => {
    state.reconnectAt = null;
    if (state.stream === connection && signedInToken()) startStream();
  }, delay);
  renderLive();
}

/** A connection can die without an error (a laptop asleep, a Wi-Fi gone): so long a silence counts as lost. */
function checkSilence() {
  const connection = state.stream;
  if (!connection || connection.ended || performance.now() - connection.heardAt < SILENCE_MS) return;
  connection.silent = true;
  connection.abort.abort();
}

/** The browser says the network is back: no need to wait out the back-off. */
function reconnectNow() {
  if (state.streamDown && state.stream?.ended && signedInToken()) startStream();
}

function onStreamEvent(connection, type, data) {
  if (type === 'subscribed') {
    caughtUp(connection);
  } else if (type === 'alert-raised' || type === 'alert-updated') {
    const view = parseJson(data);
    if (view?.id) receive(view, type === 'alert-raised');
  }
}

/** Events may have been missed before this connection: the list is reloaded, and only then is the page live. */
async function caughtUp(connection) {
  await loadAlerts();
  if (state.stream !== connection || connection.ended) return;
  if (state.streamDown) state.backUntil = performance.now() + BACK_SHOWN_MS;
  state.streamAttempt = 0;
  state.streamDown = false;
  state.live = true;
  renderLive();
}

function renderLive() {
  const live = $('#live-state');
  live.dataset.live = String(state.live);
  setText(live, state.live ? 'Live' : state.streamDown ? 'Not live' : 'Connecting…');
  const back = !state.streamDown && performance.now() < state.backUntil;
  const banner = $('#stream-banner');
  banner.hidden = !state.streamDown && !back;
  banner.classList.toggle('back', back);
  // the alert text is set only when it changes, so it is read out once; the seconds are beside it, not in it
  setText($('#stream-state'), state.streamDown
    ? 'Live updates lost: reconnecting. New alerts and changes may not show until then.'
    : back ? 'Live updates are back: the list was reloaded.' : '');
  const seconds = state.reconnectAt === null ? null : Math.ceil((state.reconnectAt - performance.now()) / 1000);
  setText($('#retry-in'), !state.streamDown ? '' : seconds === null ? 'Connecting…' : `Next try in ${Math.max(0, seconds)} s.`);
}

// ---- Arrivals: the arrival line (read out at once), a flash on the card, the page title

/** Only an alert still waiting for someone is news: one acknowledged or closed while the stream was down is not. */
function arrived(alert) {
  if (alert.status !== 'RAISED') return;
  state.arrivalId = alert.id;
  if (document.hidden) state.unseen = true;
  $('#arrival').textContent = `New ${alert.priority} alert: ${causeWords(alert.cause)}, raised ${when(alert.raisedAt)}.`;
  const card = state.cards.get(alert.id)?.card;
  if (card) {
    card.classList.remove('arrived');
    // a reflow between, so the flash plays again for an alert that arrives twice (after a reconnect)
    void card.offsetWidth;
    card.classList.add('arrived');
  }
  renderTitle();
}

/** The arrival line goes once its alert has been acknowledged or closed: it is no longer news. */
function renderArrival() {
  const alert = state.alerts.get(state.arrivalId);
  if (state.arrivalId && alert?.status !== 'RAISED') {
    state.arrivalId = null;
    $('#arrival').textContent = '';
  }
}

function renderTitle() {
  const waiting = [...state.alerts.values()].filter(alert => alert.status === 'RAISED').length;
  document.title = `${waiting ? `(${waiting}) ` : ''}${state.unseen ? 'New alert · ' : ''}Spotter · Console`;
}

// ---- Rendering the lists: cards are made once per alert and filled again on each change

/** Open alerts: HIGH first, then those nobody has acknowledged, then the newest. */
function byUrgency(a, b) {
  return (PRIORITY_RANK[a.priority] ?? 3) - (PRIORITY_RANK[b.priority] ?? 3)
    || Number(b.status === 'RAISED') - Number(a.status === 'RAISED')
    || Date.parse(b.raisedAt) - Date.parse(a.raisedAt);
}

function closedAt(alert) {
  return Date.parse(alert.resolvedAt ?? alert.cancelledAt ?? alert.updatedAt);
}

function render() {
  const alerts = [...state.alerts.values()];
  const open = alerts.filter(isOpen).sort(byUrgency);
  const closed = alerts.filter(alert => !isOpen(alert)).sort((a, b) => closedAt(b) - closedAt(a));
  alerts.forEach(alert => fillCard(cardFor(alert.id), alert));
  place($('#open-alerts'), open.map(alert => state.cards.get(alert.id).card));
  place($('#closed-alerts'), closed.map(alert => state.cards.get(alert.id).card));
  $('#no-open').hidden = !state.listed || open.length > 0;
  $('#no-closed').hidden = !state.listed || closed.length > 0;
  renderArrival();
  renderTitle();
  tick();
}

/** Puts the cards in this order, moving only those out of place; the field being typed in keeps the focus. */
function place(list, cards) {
  const focused = document.activeElement;
  cards.forEach((card, index) => {
    if (list.children[index] !== card) list.insertBefore(card, list.children[index] ?? null);
  });
  while (list.children.length > cards.length) list.lastElementChild.remove();
  if (focused?.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
}

function cardFor(id) {
  if (!state.cards.has(id)) state.cards.set(id, newCard(id));
  return state.cards.get(id);
}

function newCard(id) {
  const parts = {
    priority: el('span', { class: 'priority' }),
    cause: el('h3', { class: 'cause', id: `cause-${id}` }),
    status: el('span', { class: 'status' }),
    raised: el('span', { class: 'raised' }),
    source: el('span', { class: 'source' }),
    escalation: el('p', { class: 'escalation' }),
    countdown: el('strong', { class: 'countdown' }),
    lastPage: el('span', { class: 'last-page' }),
    handled: el('p', { class: 'handled' }),
    deliveries: el('ul', { class: 'delivery-list' }),
    acknowledge: el('button', {
      type: 'button', class: 'acknowledge primary', 'aria-describedby': `cause-${id}`, text: 'Acknowledge',
      onclick: () => acknowledge(id),
    }),
    outcome: el('textarea', { id: `outcome-${id}`, name: 'outcome', rows: 2, maxlength: 2000 }),
    reason: el('textarea', { id: `reason-${id}`, name: 'reason', rows: 2, maxlength: 2000 }),
    problem: el('p', { class: 'problem error', role: 'alert', hidden: true }),
    timelineSummary: el('summary'),
    timeline: el('ol', { class: 'timeline-entries' }),
  };
  parts.escalation.append(el('span', { class: 'escalation-words' }), parts.countdown, parts.lastPage);
  parts.paged = el('div', { class: 'deliveries' }, el('h4', { text: 'Who was paged, and did it arrive' }), parts.deliveries);
  parts.resolveForm = el('form', { class: 'resolve-form', novalidate: true },
    el('label', { for: `outcome-${id}`, text: 'Outcome: what you found and did' }), parts.outcome,
    el('button', { type: 'submit', class: 'primary', 'aria-describedby': `cause-${id}`, text: 'Resolve' }));
  parts.cancelForm = el('form', { class: 'cancel-form', novalidate: true },
    el('label', { for: `reason-${id}`, text: 'Why it was entered in error' }), parts.reason,
    el('button', { type: 'submit', class: 'danger', 'aria-describedby': `cause-${id}`, text: 'Cancel the alert' }));
  parts.resolve = el('details', { class: 'resolve' }, el('summary', { text: 'Resolve…' }), parts.resolveForm);
  parts.cancel = el('details', { class: 'cancel' }, el('summary', { text: 'Cancel: entered in error…' }), parts.cancelForm);
  parts.actions = el('div', { class: 'actions' }, parts.acknowledge, parts.resolve, parts.cancel);
  parts.card = el('li', { class: 'alert', 'data-alert-id': id, 'aria-labelledby': `cause-${id}` },
    el('div', { class: 'alert-head' }, parts.priority, parts.cause, parts.status),
    el('p', { class: 'facts' }, parts.raised, parts.source),
    parts.escalation, parts.handled, parts.paged, parts.actions, parts.problem,
    el('details', { class: 'timeline' }, parts.timelineSummary, parts.timeline));
  parts.card.addEventListener('animationend', () => parts.card.classList.remove('arrived'));
  onSubmit(parts.resolveForm, () => resolve(id));
  onSubmit(parts.cancelForm, () => cancel(id));
  return parts;
}

function fillCard(parts, alert) {
  const open = isOpen(alert);
  const clinician = isClinician();
  parts.card.dataset.priority = alert.priority.toLowerCase();
  parts.card.dataset.status = alert.status.toLowerCase();
  parts.card.classList.toggle('closed', !open);
  setText(parts.priority, alert.priority);
  setText(parts.cause, causeWords(alert.cause));
  setText(parts.status, STATUS_WORDS[alert.status] ?? alert.status);
  setText(parts.source, [alert.sessionId ? `Session ${shortId(alert.sessionId)}` : `Screening ${shortId(alert.screeningId)}`,
    `Patient ${shortId(alert.patientId)}`].join(' · '));
  parts.escalation.hidden = !open;
  setText(parts.lastPage, lastPage(alert));
  say(parts.handled, handledLine(alert));
  fillDeliveries(parts, alert);
  parts.actions.hidden = !open || !clinician;
  parts.acknowledge.hidden = alert.status !== 'RAISED';
  if (!open) {
    parts.resolve.open = false;
    parts.cancel.open = false;
  }
  fillTimeline(parts, alert.timeline ?? []);
}

/** Who took it in hand, or how it was closed, and in whose words. */
function handledLine(alert) {
  switch (alert.status) {
    case 'ACKNOWLEDGED': return `Acknowledged by ${alert.acknowledgedBy} at ${when(alert.acknowledgedAt)}`;
    case 'RESOLVED': return `Resolved by ${alert.resolvedBy} at ${when(alert.resolvedAt)}: ${alert.outcome}`;
    case 'CANCELLED': return `Cancelled by ${alert.cancelledBy} at ${when(alert.cancelledAt)}: ${alert.cancelReason}`;
    default: return null;
  }
}

/** Whom the latest page went to, from the timeline: "level 1: dr.secondary, dr.lead". */
function lastPage(alert) {
  const page = (alert.timeline ?? []).findLast(entry => entry.kind === 'PAGED' || entry.kind === 'NOBODY_ON_CALL');
  if (page) return ` Last page ${when(page.at)}: ${page.detail}.`;
  return alert.nextEscalationAt ? ' Nobody paged yet.' : '';
}

/** Only when the view carries deliveries: each clinician paged, by which channel, and whether it arrived. */
function fillDeliveries(parts, alert) {
  const deliveries = Array.isArray(alert.deliveries) ? alert.deliveries : [];
  parts.paged.hidden = deliveries.length === 0;
  parts.deliveries.replaceChildren(...deliveries.map(deliveryItem));
}

function deliveryItem(delivery) {
  const channel = CHANNEL_WORDS[delivery.channel] ?? delivery.channel;
  const purpose = delivery.purpose === 'CANCELLED' ? ', told of the cancellation' : '';
  const attempts = delivery.attempts > 1 ? ` after ${delivery.attempts} attempts` : '';
  const outcome = delivery.status === 'FAILED' || delivery.status === 'PENDING' ? delivery.lastOutcome : null;
  const level = Number.isInteger(delivery.level) ? `, level ${delivery.level}` : '';
  const at = delivery.lastAttemptAt ? `, ${when(delivery.lastAttemptAt)}` : '';
  return el('li', { class: 'delivery', 'data-status': delivery.status },
    el('span', { class: 'who', text: `${delivery.clinician} by ${channel}${level}${purpose}` }),
    el('span', { class: 'delivery-status', text: `${DELIVERY_WORDS[delivery.status] ?? delivery.status}${attempts}${at}` }),
    outcome && el('span', { class: 'delivery-outcome', text: outcome }));
}

function fillTimeline(parts, timeline) {
  setText(parts.timelineSummary, `Timeline (${timeline.length})`);
  parts.timeline.replaceChildren(...timeline.map(entry => el('li', { class: 'entry', 'data-kind': entry.kind },
    el('time', { datetime: entry.at, text: when(entry.at) }),
    el('span', { class: 'kind', text: KIND_WORDS[entry.kind] ?? entry.kind }),
    CAUSE_KINDS.has(entry.kind) && entry.cause && el('span', { class: 'entry-cause',
      text: `${causeWords(entry.cause)}${entry.priority ? ` (${entry.priority})` : ''}` }),
    entry.actor && el('span', { class: 'actor', text: `by ${entry.actor}` }),
    entry.detail && el('span', { class: 'detail', text: entry.detail }))));
}

// ---- Ticking: how long ago each alert was raised, the escalation countdowns, the banner's next try

/** The countdown to the next escalation, or what waits for an acknowledged HIGH alert, on the server's time. */
function escalationWords(alert) {
  const next = alert.nextEscalationAt ? Date.parse(alert.nextEscalationAt) - serverNow() : null;
  if (alert.status === 'ACKNOWLEDGED') {
    return next === null ? ['', ''] : ['Not resolved yet: pages again in ', next > 0 ? clock(next / 1000) : 'any moment'];
  }
  const level = `Escalation level ${alert.escalationLevel}`;
  if (next === null) return [`Nobody is paged for a ${alert.priority} alert: it waits here for a clinician.`, ''];
  return [`${level} · next page in `, next > 0 ? clock(next / 1000) : 'any moment'];
}

function tick() {
  for (const [id, parts] of state.cards) {
    const alert = state.alerts.get(id);
    setText(parts.raised, `Raised ${when(alert.raisedAt)}, ${ago(alert.raisedAt)}`);
    if (!isOpen(alert)) continue;
    const [words, countdown] = escalationWords(alert);
    setText(parts.escalation.firstChild, words);
    setText(parts.countdown, countdown);
    parts.escalation.dataset.due = String(countdown === 'any moment');
  }
  checkSilence();
  renderLive();
}

// ---- Actions: each sends an Idempotency-Key, kept until an answer comes, so a retry after no answer acts once

/** The same action with the same words, sent again after no answer, reuses its key. */
function keyFor(path, body) {
  const fingerprint = JSON.stringify(body ?? null);
  const kept = state.keys.get(path);
  if (kept?.fingerprint === fingerprint) return kept.key;
  const key = newKey();
  state.keys.set(path, { key, fingerprint });
  return key;
}

/** Sends an action; true when the server took it. A refusal is said in words under the card's buttons. */
async function act(id, action, body) {
  const parts = state.cards.get(id);
  say(parts.problem, null);
  const path = `/api/alerts/${id}/${action}`;
  const token = signedInToken();
  let answer;
  try {
    answer = await api(path, { method: 'POST', body, headers: { 'Idempotency-Key': keyFor(path, body) } });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    say(parts.problem, NO_ANSWER);
    return false;
  }
  if (signedInToken() !== token) return false;
  state.keys.delete(path);
  if (answer.ok) {
    receive(answer.body);
    return true;
  }
  if (answer.status === 401) return false; // signed out, with the reason, already
  say(parts.problem, refusal(answer));
  // someone else got there first: show where the alert really stands
  if (answer.status === 409) refreshAlert(id);
  return false;
}

function refusal(answer) {
  const fields = fieldErrors(answer.body).map(error => `${FIELD_WORDS[error.field] ?? error.field}: ${plainMessage(error.message)}`);
  return fields.length ? fields.join(' ') : withLocalTimes(problemText(answer.status, answer.body));
}

/** The server writes instants as ISO-8601 in UTC ("2026-03-03T10:21:07.5Z"); people read the local time. */
function withLocalTimes(text) {
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z/g, instant => when(instant));
}

async function acknowledge(id) {
  const parts = state.cards.get(id);
  parts.acknowledge.disabled = true;
  try {
    // the button goes once acknowledged: the focus moves on to what comes next
    if (await act(id, 'acknowledge')) parts.resolve.querySelector('summary').focus();
  } finally {
    parts.acknowledge.disabled = false;
  }
}

async function resolve(id) {
  await closeWith(id, 'resolve', 'outcome', state.cards.get(id).outcome, 'Write the outcome first: what you found and did.');
}

async function cancel(id) {
  await closeWith(id, 'cancel', 'reason', state.cards.get(id).reason, 'Write why the alert was entered in error first.');
}

/** Resolve and cancel: the text is required here too, so an empty one is not sent just to be refused. */
async function closeWith(id, action, field, input, missing) {
  const parts = state.cards.get(id);
  const text = input.value.trim();
  input.setAttribute('aria-invalid', String(!text));
  if (!text) {
    say(parts.problem, missing);
    input.focus();
    return;
  }
  if (await act(id, action, { [field]: text })) input.value = '';
}

// ---- Start

function start() {
  onSubmit($('#sign-in-form'), async () => signIn($('#token-input').value.trim()));
  whenTokenRefused(() => signOut(TOKEN_REFUSED));
  $('#sign-out').addEventListener('click', () => signOut(null));
  $('#refresh').addEventListener('click', loadAlerts);
  window.addEventListener('online', reconnectNow);
  window.addEventListener('hashchange', () => {
    const token = tokenOnArrival();
    if (token && token !== signedInToken()) signIn(token);
  });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) state.unseen = false;
    renderTitle();
  });
  setInterval(tick, 250);
  const token = tokenOnArrival();
  if (token) signIn(token);
  else signOut(null);
}

start();
