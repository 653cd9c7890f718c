// The clinic tablet app for inversion sessions: choose a patient, take the pre-check, run the session (timer,
// angle, holds, coming upright), show the stop protocol the instant a symptom is tapped, take the post-check,
// and draw the patient's progress. Every entry made during a session goes through one queue kept in
// localStorage and sent in order, so a dropped network loses nothing and a retry never acts twice (each entry
// keeps its Idempotency-Key). Elapsed times come from the server's own instants, never the tablet's clock.
// Plain DOM, no framework; every text from the server is set as text, never as HTML.

import {
  $, el, show, say, numberOrNull, timeOf, dayOf, clock, onSubmit, claimsOf, tokenProblem, tokenOnArrival, keepToken, forgetToken,
  signedInToken, whoIs, hasGroup, whenTokenRefused, bearer, api, NetworkError, problemText, fieldErrors, plainMessage, newKey,
  readServerSentEvents, parseJson,
} from '/common/ui.js';
import { drawProgressChart, chartLegend } from './progress-chart.js';

const QUEUE_KEY = 'spotter.tablet.queue';
const CATALOGUE_KEY = 'spotter.tablet.symptoms';
const CURRENT_KEY = 'spotter.tablet.current';
const STOP_KEY = 'spotter.tablet.stop';
const SPOTTER_KEY = 'spotter.tablet.spotter';

const HOLD_LIMIT_SECONDS = 180;
const TOTAL_LIMIT_SECONDS = 300;
const ANGLE_STEP = 5;
const RETRY_MS = 2000;
const STREAM_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];
const DEFAULT_CONFIG = { screeningUrl: '', heartbeatSeconds: 15, sitMinutes: 3 };

// The last resort when neither the server nor this tablet's cache has the catalogue: a copy of Symptom.java.
const BUILT_IN_STOP_PROTOCOL =
  'Bring the table slowly to horizontal. Keep the patient lying down. The spotter stays. Take BP and heart rate.';
const BUILT_IN_SYMPTOMS = [
  { code: 'chest-pain', label: 'Chest pain', priority: 'HIGH',
    extraAction: 'Emergency protocol. No further sessions until a physician has reviewed the patient.' },
  { code: 'fainting', label: 'Fainting (syncope)', priority: 'HIGH', extraAction: 'Keep the patient lying flat. Emergency protocol.' },
  { code: 'sudden-headache', label: 'Sudden headache', priority: 'HIGH', extraAction: 'Take blood pressure now: 180/120 or above is an emergency.' },
  { code: 'new-weakness', label: 'New weakness', priority: 'HIGH', extraAction: 'Stroke screen.' },
  { code: 'visual-disturbance', label: 'Visual disturbance', priority: 'HIGH', extraAction: 'Eye check. Ophthalmology review before the next session.' },
  { code: 'new-numbness', label: 'New numbness', priority: 'HIGH', extraAction: 'Neurological check.' },
  { code: 'dizziness', label: 'Dizziness', priority: 'MEDIUM', extraAction: 'Let the patient rise slowly. Take blood pressure.' },
  { code: 'worsening-back-pain', label: 'Worsening back pain', priority: 'MEDIUM', extraAction: 'Step the dose back next session.' },
  { code: 'nausea', label: 'Nausea', priority: 'LOW', extraAction: 'End the session.' },
  { code: 'eye-redness', label: 'Eye redness or petechiae', priority: 'LOW', extraAction: 'Document it. Review before the next session.' },
].map(symptom => ({ ...symptom, stopSymptom: true, stopProtocol: BUILT_IN_STOP_PROTOCOL }));

const NOT_STARTED_OFFLINE = 'No network: the session has NOT started. Starting needs the network, because the server checks '
  + 'that the patient may start and judges the blood pressure, so it is not kept to send later. Try again when the network is back.';
const TOKEN_REFUSED = 'Your access token was refused (it may have expired): sign in again.';
const ONLY_CLINICIANS = 'Only a clinician can release a review hold.';

const CHANGE_WORDS = {
  INCREASE_HOLD: 'Longer hold', INCREASE_ANGLE: 'Steeper angle', REPEAT: 'Same as last time',
  STEP_BACK: 'Step back', LOWER_TO_CEILING: 'Lowered to the ceiling',
};
const CRITERIA_WORDS = {
  PAIN_DOWN_2_POINTS: 'Pain down 2 points or more', PAIN_DOWN_30_PERCENT: 'Pain down 30 % or more',
  ODI_DOWN_10_POINTS: 'ODI down 10 points or more', ODI_DOWN_30_PERCENT: 'ODI down 30 % or more',
};
const STATUS_WORDS = { ACTIVE: 'Under way', STOPPED: 'Stopped by a symptom', COMPLETED: 'Completed', REFUSED: 'Refused at the pre-check' };
const PRECHECK_FIELDS = {
  spotter: '#spotter', 'bloodPressure.systolic': '#bp-systolic', 'bloodPressure.diastolic': '#bp-diastolic',
  heartRate: '#heart-rate', painBefore: '#pain-before', angleDegrees: '#angle', holdSeconds: '#hold',
};
const POSTCHECK_FIELDS = {
  'bloodPressure.systolic': '#post-bp-systolic', 'bloodPressure.diastolic': '#post-bp-diastolic',
  heartRate: '#post-heart-rate', painAfter: '#pain-after', spotterSignOff: '#spotter-signoff',
};

const state = {
  claims: null,
  config: null,
  configReady: null, // the promise of loading the config, which loading names waits for
  names: new Map(),
  courses: [],
  patient: null, // {id, name} on the pre-check
  progressPatient: null, // the patient whose progress is on screen
  catalogue: cachedCatalogue(),
  current: readJson(CURRENT_KEY, null), // {sessionId, patientId, name}: the session on screen, so a reload comes back to it
  stop: readJson(STOP_KEY, null), // {sessionId, symptoms, at}: the stop card, kept until staff tap #stop-done
  view: null, // the SessionView on screen
  viewAsOf: 0, // its asOf in ms, the server's clock
  viewArrivedAt: 0, // performance.now() when it arrived
  frozenAt: null, // server time (ms) at which the local timer was stopped by a tap, until the server's view agrees
  nextAngle: null,
  pain: { before: null, after: null },
  precheck: null, // {key, body} of the last start sent: the same entry sent again reuses its key
  queue: readJson(QUEUE_KEY, []),
  sending: false,
  offline: false,
  bannerUp: false,
  retryTimer: null,
  stream: null,
  streamAttempt: 0,
  streamTimer: null,
  coursesTimer: null,
  heartbeatTimer: null,
};
state.frozenAt = state.stop?.at ?? null;
const FIELD_NAMES = {
  spotter: 'Spotter', bloodPressure: 'Blood pressure', 'bloodPressure.systolic': 'Systolic', 'bloodPressure.diastolic': 'Diastolic',
  heartRate: 'Heart rate', painBefore: 'Pain', painAfter: 'Pain', angleDegrees: 'Angle', holdSeconds: 'Hold', spotterSignOff: 'Sign-off',
};

// ---- Small helpers

function readJson(key, fallback) {
  try {
    return JSON.parse(localStorage.getItem(key)) ?? fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key, value) {
  if (value === null || value === undefined) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(value));
}

function timeAt(instant) {
  return instant ? timeOf(new Date(instant)) : '';
}

/** " at 10:43", or nothing when the instant is not known. */
function atTime(instant) {
  return instant ? ` at ${timeAt(instant)}` : '';
}

function nameOf(patientId) {
  return state.names.get(patientId) ?? `Patient …${String(patientId).slice(-4)}`;
}

function setPatientName(name) {
  document.querySelectorAll('.patient-name').forEach(node => { node.textContent = name; });
}

function notice(text) {
  say($('#notice'), text);
}

function isShown(viewId) {
  return !document.getElementById(viewId).hidden;
}

function currentSessionId() {
  return state.current?.sessionId ?? null;
}

function isClinician() {
  return hasGroup(state.claims, 'clinician');
}

// ---- Server time: every elapsed time is the view's own instants against its asOf, plus the time passed here

/** The server's now in ms: the view's asOf plus the local monotonic time since it arrived. */
function serverNow() {
  if (!state.view) return null;
  return state.viewAsOf + (performance.now() - state.viewArrivedAt);
}

/** Seconds inverted in the hold under way; stops at the moment a symptom or upright was tapped. */
function holdElapsed() {
  const view = state.view;
  if (!view?.inverted || !view.invertedSince) return 0;
  const now = state.frozenAt ?? serverNow();
  return Math.max(0, (now - Date.parse(view.invertedSince)) / 1000);
}

function totalElapsed() {
  return (state.view?.invertedSecondsBefore ?? 0) + holdElapsed();
}

/** Whether the patient counts as inverted on this screen: the server says so and no stop or upright was tapped since. */
function invertedNow() {
  return Boolean(state.view?.inverted) && state.frozenAt === null && !stopShown();
}

function stopShown() {
  return Boolean(state.stop) && state.stop.sessionId === currentSessionId();
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
  state.claims = claims;
  const { user, clinic } = whoIs(claims);
  $('#signed-in-user').textContent = user;
  $('#signed-in-clinic').textContent = clinic;
  $('#signed-in').hidden = false;
  afterSignIn();
}

/** Back to the session on screen before a reload (with its stop card, if one was up), else the patient list. */
function afterSignIn() {
  state.configReady = loadConfig();
  loadCatalogue();
  startStream();
  pump();
  const resume = state.current?.sessionId ? state.current
    : state.stop && { sessionId: state.stop.sessionId, patientId: state.stop.patientId };
  if (resume) openSession(resume);
  else showPatients();
}

function signOut(message) {
  forgetToken();
  state.claims = null;
  stopStream();
  $('#signed-in').hidden = true;
  $('#token-input').value = '';
  say($('#signin-error'), message);
  notice(null);
  show('signin');
}

/** Entries still waiting are kept on the tablet and sent after the next sign-in; staff are told so first. */
function askToSignOut() {
  const waiting = state.queue.length;
  if (waiting && !window.confirm(`${waiting} entries are still waiting to be sent. They stay on this tablet and are sent `
    + 'after the next sign-in. Sign out anyway?')) return;
  signOut(null);
}

// ---- Loading: GETs that also tell whether the network is there

/** A GET's {ok, status, body}, or null when no answer came (the tablet is then marked offline). */
async function load(path) {
  try {
    const answer = await api(path);
    cameOnline();
    return answer;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    wentOffline();
    return null;
  }
}

async function loadConfig() {
  const answer = await load('/api/tablet/config');
  state.config = { ...DEFAULT_CONFIG, ...(state.config ?? {}), ...(answer?.ok ? answer.body : {}) };
  restartHeartbeat();
}

/** Names live in screening-service; when it cannot be reached the tablet goes on with "Patient …a001". */
async function loadNames() {
  await state.configReady;
  try {
    const answer = await api(`${state.config.screeningUrl ?? ''}/api/patients`);
    if (answer.ok && Array.isArray(answer.body)) {
      answer.body.forEach(patient => state.names.set(patient.id, patient.displayName));
    }
  } catch {
    // no names: the fallback label is shown
  }
}

function cachedCatalogue() {
  const cached = readJson(CATALOGUE_KEY, null);
  return Array.isArray(cached) && cached.length ? cached : BUILT_IN_SYMPTOMS;
}

/** The catalogue is kept on the tablet so the symptom buttons and the stop card work with no network. */
async function loadCatalogue() {
  const answer = await load('/api/symptoms');
  if (answer?.ok && Array.isArray(answer.body) && answer.body.length) {
    state.catalogue = answer.body;
    writeJson(CATALOGUE_KEY, answer.body);
    renderSymptomButtons();
  }
}

function symptomOf(code) {
  return state.catalogue.find(symptom => symptom.code === code)
    ?? BUILT_IN_SYMPTOMS.find(symptom => symptom.code === code)
    ?? { code, label: code, priority: 'HIGH', extraAction: null };
}

// ---- The network banner

function wentOffline() {
  state.offline = true;
  state.bannerUp = true;
  renderNetwork();
  scheduleRetry();
}

function cameOnline() {
  if (!state.offline) return;
  state.offline = false;
  renderNetwork();
}

function renderNetwork() {
  const waiting = state.queue.length;
  if (!state.offline && waiting === 0) state.bannerUp = false;
  const banner = $('#network-banner');
  const text = state.offline
    ? `No network. Entries are kept on this tablet and sent in order when it returns (${waiting} waiting).`
    : `Network is back: sending what was kept on this tablet (${waiting} waiting).`;
  banner.hidden = !state.bannerUp;
  banner.classList.toggle('back', !state.offline);
  // set only when it changes: it is an alert, read out each time it is set
  if (banner.textContent !== text) banner.textContent = text;
  renderPending();
  renderSessionControls();
  renderAlert();
  renderPostcheckPending();
}

// ---- The queue: every entry of a session, sent in order, one at a time, retried with the same key

function enqueue({ method, path, body, label, sessionId }) {
  state.queue.push({ key: newKey(), method, path, body, label, sessionId });
  writeJson(QUEUE_KEY, state.queue);
  renderNetwork();
  pump();
}

/** What an entry does, from its path: the same on a reloaded page as when it was made. */
function kindOf(path) {
  const match = path.match(/\/(holds|angle|upright|symptoms|post-check|release|odi)$/);
  return match ? match[1] : 'other';
}

function pending(sessionId, kind) {
  return state.queue.filter(entry => entry.sessionId === sessionId && (!kind || kindOf(entry.path) === kind));
}

/** Gateways and a restarting server answer 502-504: the entry was not taken, so it is sent again like after no network. */
function isTransient(status) {
  return status === 502 || status === 503 || status === 504;
}

async function pump() {
  if (state.sending || !signedInToken()) return;
  state.sending = true;
  try {
    while (state.queue.length && signedInToken()) {
      const entry = state.queue[0];
      const answer = await send(entry);
      if (!answer || answer.status === 401 || isTransient(answer.status)) {
        // no answer, or one that says "not now": keep the entry (and its key) for the next try
        if (answer) scheduleRetry();
        return;
      }
      state.queue.shift();
      writeJson(QUEUE_KEY, state.queue);
      renderNetwork();
      deliverSafely(entry, answer);
    }
  } finally {
    state.sending = false;
  }
}

async function send(entry) {
  try {
    const answer = await api(entry.path, { method: entry.method, body: entry.body, headers: { 'Idempotency-Key': entry.key } });
    cameOnline();
    return answer;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    wentOffline();
    return null;
  }
}

function scheduleRetry() {
  if (state.retryTimer) return;
  state.retryTimer = setTimeout(retryNow, RETRY_MS);
}

/** Tries the waiting entry again, or, with none waiting, asks the server whether the network is back. */
function retryNow() {
  clearTimeout(state.retryTimer);
  state.retryTimer = null;
  if (state.queue.length) pump();
  else if (state.offline) load('/api/tablet/config');
}

/** A screen's bug must not stop the queue: the entry is done either way. */
function deliverSafely(entry, answer) {
  try {
    deliver(entry, answer);
  } catch (error) {
    notice(`Something went wrong on this page after "${entry.label}": ${error.message}`);
  }
}

/** Hands an answered entry to its screen; a refused entry is shown, never retried. */
function deliver(entry, answer) {
  const kind = kindOf(entry.path);
  if (kind === 'release') {
    releaseAnswered(entry, answer);
  } else if (kind === 'odi') {
    odiAnswered(entry, answer);
  } else if (entry.sessionId !== currentSessionId()) {
    if (!answer.ok) notice(`Not accepted: ${entry.label}. ${problemText(answer.status, answer.body)}`);
  } else if (!answer.ok) {
    entryRefused(kind, answer);
  } else if (kind === 'symptoms') {
    refreshSession();
  } else if (kind === 'post-check') {
    postCheckDone(answer.body);
  } else {
    receive(answer.body);
  }
}

function entryRefused(kind, answer) {
  const node = kind === 'post-check' ? $('#postcheck-error') : $('#session-error');
  say(node, problemText(answer.status, answer.body));
  // the timer was stopped on the tap; the server did not agree, so its view decides again
  if (kind === 'upright') state.frozenAt = null;
  refreshSession();
}

function renderPending() {
  const id = currentSessionId();
  const mine = id ? pending(id) : [];
  $('#session-pending').replaceChildren(...mine.map(entry => el('li', { text: `Waiting to send: ${entry.label}` })));
}

// ---- The live stream: session-updated events for the clinic, read with fetch so the token can be sent

function startStream() {
  stopStream();
  const controller = new AbortController();
  state.stream = controller;
  readStream(controller).finally(() => {
    if (!controller.signal.aborted) reconnectLater(controller);
  });
}

function stopStream() {
  state.stream?.abort();
  state.stream = null;
  clearTimeout(state.streamTimer);
}

async function readStream(controller) {
  try {
    const response = await fetch('/api/sessions/stream', {
      headers: { ...bearer(), Accept: 'text/event-stream' }, signal: controller.signal, cache: 'no-store',
    });
    if (response.status === 401) {
      controller.abort();
      signOut(TOKEN_REFUSED);
      return;
    }
    if (!response.ok || !response.body) return;
    await readServerSentEvents(response.body, onStreamEvent);
  } catch {
    // dropped or unreachable: reconnectLater tries again
  }
}

/** Back-off 1 s, 2 s, 4 s ... 30 s; it starts again at 1 s once a connection is subscribed. */
function reconnectLater(controller) {
  const delay = STREAM_DELAYS_MS[Math.min(state.streamAttempt, STREAM_DELAYS_MS.length - 1)];
  state.streamAttempt += 1;
  state.streamTimer = setTimeout(() => {
    if (state.stream === controller && signedInToken()) startStream();
  }, delay);
}

function onStreamEvent(type, data) {
  if (type === 'subscribed') {
    state.streamAttempt = 0;
    // events may have been missed while the stream was down
    refreshSession();
    if (isShown('patients')) refreshCoursesSoon();
  } else if (type === 'session-updated') {
    const view = parseJson(data);
    if (view?.id === currentSessionId()) receive(view);
    else if (isShown('patients')) refreshCoursesSoon();
  }
}

// ---- Heartbeat: while the patient is inverted, so the server's watchdog knows the tablet is there

function restartHeartbeat() {
  clearInterval(state.heartbeatTimer);
  state.heartbeatTimer = setInterval(sendHeartbeat, (state.config?.heartbeatSeconds ?? DEFAULT_CONFIG.heartbeatSeconds) * 1000);
}

/** Not queued: a heartbeat sent late says nothing true, so a missed one is just skipped. */
async function sendHeartbeat() {
  const id = currentSessionId();
  if (!id || !invertedNow() || !signedInToken()) return;
  try {
    await api(`/api/sessions/${id}/heartbeat`, { method: 'POST' });
    cameOnline();
  } catch (error) {
    if (error instanceof NetworkError) wentOffline();
  }
}

// ---- Patients

async function showPatients() {
  show('patients');
  notice(null);
  say($('#patients-error'), null);
  state.current = null;
  writeJson(CURRENT_KEY, null);
  await refreshCourses();
}

async function refreshCourses() {
  const [answer] = await Promise.all([load('/api/courses'), loadNames()]);
  if (!answer) {
    say($('#patients-error'), 'No network: could not load the patients. The list comes back when the network does.');
    return;
  }
  if (!answer.ok) {
    say($('#patients-error'), problemText(answer.status, answer.body));
    return;
  }
  say($('#patients-error'), null);
  state.courses = answer.body;
  renderPatients();
}

/** Stream events come in bursts; one reload of the list a second is enough. */
/** At most one reload of the list every few seconds, however busy the clinic's stream is. */
function refreshCoursesSoon() {
  if (state.coursesTimer) return;
  state.coursesTimer = setTimeout(() => {
    state.coursesTimer = null;
    if (isShown('patients')) refreshCourses();
  }, 3000);
}

function renderPatients() {
  const courses = [...state.courses].sort((a, b) => nameOf(a.patientId).localeCompare(nameOf(b.patientId)));
  $('#patient-list').replaceChildren(...courses.map(patientCard));
  $('#no-patients').hidden = courses.length > 0;
}

function patientCard(course) {
  const id = course.patientId;
  const name = nameOf(id);
  return el('li', { class: `patient ${course.mayStart ? 'may-start' : 'cannot-start'}`, 'data-patient-id': id },
    el('h3', { text: name }),
    el('p', { class: 'eligibility', text: course.mayStart ? 'May start a session today' : course.whyNot ?? 'Cannot start a session now' }),
    lastSessionLine(course),
    course.activeSessionId && el('p', { class: 'active-session', text: 'A session is under way.' }),
    course.openReviews?.length > 0 && reviewList(id, course.openReviews),
    el('div', { class: 'actions' },
      el('button', {
        type: 'button', class: 'start primary', disabled: !course.mayStart, text: 'Start session', onclick: () => openPrecheck(id),
      }),
      course.activeSessionId && el('button', {
        type: 'button', class: 'resume primary', text: 'Resume session',
        onclick: () => openSession({ sessionId: course.activeSessionId, patientId: id, name }),
      }),
      el('button', { type: 'button', class: 'progress-link', text: 'Progress', onclick: () => openProgress(id) })));
}

function lastSessionLine(course) {
  const parts = [];
  if (course.lastSessionAt) parts.push(`Last session ${dayOf(course.lastSessionAt)}`);
  if (course.sessionsThisWeek !== undefined && course.sessionsThisWeek !== null) parts.push(`${course.sessionsThisWeek} this week`);
  return parts.length ? el('p', { class: 'meta', text: parts.join(' · ') }) : null;
}

function reviewList(patientId, reviews) {
  return el('ul', { class: 'reviews' }, ...reviews.map(review => el('li', { class: 'review', 'data-review-id': review.id },
    el('p', {}, el('strong', { text: `Review needed: ${review.kind}. ` }), review.reason ?? '',
      review.createdAt ? ` (since ${dayOf(review.createdAt)})` : ''),
    isClinician() && releaseControls(patientId, review))));
}

function releaseControls(patientId, review) {
  const note = el('input', { class: 'release-note', maxlength: 500, autocomplete: 'off', 'aria-label': 'Note: why the hold can be released' });
  const error = el('p', { class: 'error release-error', hidden: true });
  const button = el('button', { type: 'button', class: 'release-review', text: 'Release hold' });
  button.addEventListener('click', () => releaseReview(patientId, review, { note, error, button }));
  note.addEventListener('keydown', event => { if (event.key === 'Enter') button.click(); });
  return el('div', { class: 'release' }, el('label', { text: 'Note', class: 'small' }, note), button, error);
}

function releaseReview(patientId, review, { note, error, button }) {
  const text = note.value.trim();
  if (!text) {
    say(error, 'Write a note first: why the hold can be released.');
    note.focus();
    return;
  }
  say(error, null);
  button.disabled = true;
  button.textContent = 'Releasing…';
  enqueue({
    method: 'POST', path: `/api/courses/${patientId}/reviews/${review.id}/release`, body: { note: text },
    label: `Release review (${review.kind})`, sessionId: null,
  });
}

function releaseAnswered(entry, answer) {
  if (answer.ok) {
    if (isShown('patients')) refreshCourses();
    return;
  }
  const reviewId = entry.path.split('/').at(-2);
  const error = document.querySelector(`[data-review-id="${CSS.escape(reviewId)}"] .release-error`);
  const text = answer.status === 403 ? ONLY_CLINICIANS : problemText(answer.status, answer.body);
  if (error) {
    say(error, text);
    const button = error.parentElement.querySelector('.release-review');
    button.disabled = false;
    button.textContent = 'Release hold';
  } else {
    notice(`${entry.label} not accepted: ${text}`);
  }
}

// ---- Pain scale: 11 large buttons, the chosen one pressed

function painScale(container, which) {
  state.pain[which] = null;
  container.replaceChildren(...Array.from({ length: 11 }, (_, value) => el('button', {
    type: 'button', class: 'pain', 'data-value': String(value), 'aria-pressed': 'false', text: String(value),
    onclick: () => choosePain(container, which, value),
  })));
}

function choosePain(container, which, value) {
  state.pain[which] = value;
  container.removeAttribute('aria-invalid');
  container.querySelectorAll('button').forEach(button => {
    button.setAttribute('aria-pressed', String(Number(button.dataset.value) === value));
  });
}

// ---- Pre-check: needs the network, because the server decides whether the session may start

async function openPrecheck(patientId) {
  const name = nameOf(patientId);
  state.patient = { id: patientId, name };
  state.precheck = null;
  setPatientName(name);
  $('#precheck-form').reset();
  clearInvalid($('#precheck-form'));
  say($('#precheck-error'), null);
  $('#precheck-error').classList.remove('refused');
  $('#spotter').value = localStorage.getItem(SPOTTER_KEY) ?? '';
  painScale($('#pain-before'), 'before');
  show('precheck');
  await loadSuggestion(patientId);
}

async function loadSuggestion(patientId) {
  const node = $('#suggestion');
  node.replaceChildren(el('p', { text: "Loading today's suggestion…" }));
  const answer = await load(`/api/courses/${patientId}/next-session`);
  if (!answer?.ok) {
    node.replaceChildren(el('p', { class: 'error', text: answer ? problemText(answer.status, answer.body)
      : 'No network: no suggestion. The session cannot start until the network is back.' }));
    return;
  }
  const suggestion = answer.body;
  node.replaceChildren(...suggestionParts(suggestion));
  $('#angle').value = suggestion.angleDegrees;
  $('#hold').value = suggestion.holdSeconds;
}

function suggestionParts(suggestion) {
  return [
    el('p', { class: 'dose' }, el('span', { class: 'dose-label', text: 'Today' }),
      el('strong', { text: `${suggestion.angleDegrees}° for ${clock(suggestion.holdSeconds)}` }),
      suggestion.change && el('span', { class: 'chip', text: CHANGE_WORDS[suggestion.change] ?? suggestion.change })),
    suggestion.reason && el('p', { class: 'reason', text: suggestion.reason }),
    suggestion.slowerReturn && el('p', { class: 'slower', text: 'Bring the patient up slowly at the end.' }),
  ].filter(Boolean);
}

async function submitPrecheck() {
  const form = $('#precheck-form');
  clearInvalid(form);
  say($('#precheck-error'), null);
  $('#precheck-error').classList.remove('refused');
  const body = {
    patientId: state.patient.id,
    spotter: $('#spotter').value.trim(),
    bloodPressure: { systolic: numberOrNull($('#bp-systolic').value), diastolic: numberOrNull($('#bp-diastolic').value) },
    heartRate: numberOrNull($('#heart-rate').value),
    painBefore: state.pain.before,
    angleDegrees: numberOrNull($('#angle').value),
    holdSeconds: numberOrNull($('#hold').value),
  };
  if (body.spotter) localStorage.setItem(SPOTTER_KEY, body.spotter);
  // the same entry sent again keeps its key: after a lost answer it cannot start two sessions, and a refused
  // crisis reading tapped twice is recorded (and alerted) once; a changed entry is a new one
  const text = JSON.stringify(body);
  if (state.precheck?.body !== text) state.precheck = { key: newKey(), body: text };
  let answer;
  try {
    answer = await api('/api/sessions', { method: 'POST', body, headers: { 'Idempotency-Key': state.precheck.key } });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    wentOffline();
    say($('#precheck-error'), NOT_STARTED_OFFLINE);
    return;
  }
  cameOnline();
  if (answer.ok) {
    openSession({ sessionId: answer.body.id, patientId: state.patient.id, name: state.patient.name }, answer.body);
  } else {
    showPrecheckRefusal(answer);
  }
}

/** A 400 names its fields (marked on the form); a 409/422 refusal (BP crisis, not cleared...) is shown large. */
function showPrecheckRefusal(answer) {
  const node = $('#precheck-error');
  const errors = fieldErrors(answer.body);
  markInvalid($('#precheck-form'), PRECHECK_FIELDS, errors);
  if (answer.status === 400 && errors.length) {
    say(node, ['Check what is marked: nothing was started.', ...errors.map(fieldSentence)].join(' '));
    return;
  }
  node.classList.add('refused');
  say(node, problemText(answer.status, answer.body));
  node.scrollIntoView({ block: 'center' });
}

function fieldSentence({ field, message }) {
  return `${FIELD_NAMES[field] ?? field}: ${plainMessage(message)}`;
}

function markInvalid(form, fields, errors) {
  for (const { field } of errors) {
    const selector = fields[field] ?? (field === 'bloodPressure' ? fields['bloodPressure.systolic'] : null);
    if (selector) form.querySelector(selector)?.setAttribute('aria-invalid', 'true');
  }
}

function clearInvalid(form) {
  form.querySelectorAll('[aria-invalid]').forEach(node => node.removeAttribute('aria-invalid'));
}

// ---- The session: timer, angle, holds, upright

function openSession(current, view = null) {
  state.current = current;
  writeJson(CURRENT_KEY, current);
  if (state.stop && state.stop.sessionId !== current.sessionId) clearStop();
  state.view = null;
  state.frozenAt = state.stop ? state.stop.at : null;
  state.nextAngle = null;
  setPatientName(current.name ?? nameOf(current.patientId));
  say($('#session-error'), null);
  show('session');
  renderSymptomButtons();
  renderStop();
  if (view) receive(view);
  else renderSession();
  refreshSession();
}

async function refreshSession() {
  const id = currentSessionId();
  if (!id || !signedInToken()) return;
  const answer = await load(`/api/sessions/${id}`);
  if (!answer || id !== currentSessionId()) return; // offline: what is shown stays
  if (answer.ok) receive(answer.body);
  else say($('#session-error'), problemText(answer.status, answer.body));
}

/** A SessionView from the server, by a GET, an entry's answer or the stream: it becomes what the screen shows. */
function receive(view) {
  if (!view || view.id !== currentSessionId()) return;
  state.view = view;
  state.viewArrivedAt = performance.now();
  // asOf is the server's now; a server without it leaves only the tablet's clock
  state.viewAsOf = Date.parse(view.asOf) || Date.now();
  // a stop card restored after a reload has no moment yet: the timer stops from the first view seen
  if (state.stop && state.frozenAt === null) state.frozenAt = serverNow();
  if (!view.inverted || (state.frozenAt !== null && Date.parse(view.invertedSince) > state.frozenAt)) {
    if (!state.stop) state.frozenAt = null;
  }
  if (!pending(view.id, 'angle').length) state.nextAngle = angleToShow(view);
  if (view.status === 'COMPLETED' && (isShown('postcheck') || isShown('session'))) {
    showDone(view);
    return;
  }
  renderSession();
}

/** Inverted: the angle the table is at; upright: the angle chosen for the next hold, at first the last one used or the plan's. */
function angleToShow(view) {
  if (view.inverted) return view.currentAngleDegrees;
  return state.nextAngle ?? view.currentAngleDegrees ?? view.angleDegrees;
}

function renderSession() {
  const view = state.view;
  $('#session-status').textContent = !view ? 'Loading…'
    : view.status === 'ACTIVE' ? (invertedNow() ? 'Inverted' : 'Upright') : (STATUS_WORDS[view.status] ?? view.status);
  $('#session-status').dataset.status = view ? view.status.toLowerCase() : '';
  renderClock();
  renderSessionControls();
  renderAlert();
  renderPending();
}

function renderClock() {
  const view = state.view;
  const hold = holdElapsed();
  $('#timer').textContent = view ? clock(hold) : '—';
  $('#total').textContent = view ? clock(totalElapsed()) : '—';
  const planned = view?.holdSeconds ?? null;
  const bar = $('#hold-bar');
  bar.querySelector('.fill').style.width = `${Math.min(100, (hold / HOLD_LIMIT_SECONDS) * 100)}%`;
  const mark = bar.querySelector('.planned-mark');
  mark.hidden = !planned;
  if (planned) mark.style.left = `${Math.min(100, (planned / HOLD_LIMIT_SECONDS) * 100)}%`;
  bar.dataset.level = hold >= HOLD_LIMIT_SECONDS - 15 ? 'limit' : planned && hold >= planned ? 'over' : 'ok';
  $('#timer').dataset.level = bar.dataset.level;
  $('#total').dataset.level = totalElapsed() >= TOTAL_LIMIT_SECONDS - 30 ? 'limit' : 'ok';
  $('#planned-hold').textContent = planned ? `planned ${clock(planned)}` : '';
  $('#current-angle').textContent = state.nextAngle !== null && state.nextAngle !== undefined ? `${state.nextAngle}°` : '—';
  $('#current-angle').dataset.when = invertedNow() ? 'now' : 'next hold';
}

function renderSessionControls() {
  const id = currentSessionId();
  const view = state.view;
  if (!id || !$('#start-hold')) return;
  const open = view && (view.status === 'ACTIVE' || view.status === 'STOPPED');
  const active = view?.status === 'ACTIVE' && !stopShown();
  const moving = pending(id, 'holds').length + pending(id, 'upright').length > 0;
  $('#start-hold').disabled = !active || invertedNow() || moving;
  $('#upright').disabled = !active || !invertedNow() || moving;
  $('#angle-down').disabled = !active || state.nextAngle === null;
  $('#angle-up').disabled = !active || state.nextAngle === null;
  $('#to-postcheck').disabled = view ? !open || invertedNow() : !stopShown();
  document.querySelectorAll('#symptoms .symptom').forEach(button => {
    button.disabled = Boolean(view) && !open;
  });
}

function startHold() {
  const id = currentSessionId();
  say($('#session-error'), null);
  enqueue({
    method: 'POST', path: `/api/sessions/${id}/holds`, body: { angleDegrees: state.nextAngle },
    label: `Start hold at ${state.nextAngle}°`, sessionId: id,
  });
}

/** Inverted: the change is sent (the server refuses it outside the limits; never clipped here). Upright: it is the next hold's angle. */
function stepAngle(step) {
  const id = currentSessionId();
  say($('#session-error'), null);
  state.nextAngle += step;
  if (invertedNow()) {
    enqueue({
      method: 'PUT', path: `/api/sessions/${id}/angle`, body: { angleDegrees: state.nextAngle },
      label: `Angle to ${state.nextAngle}°`, sessionId: id,
    });
  }
  renderClock();
}

function upright() {
  const id = currentSessionId();
  say($('#session-error'), null);
  state.frozenAt ??= serverNow();
  enqueue({ method: 'POST', path: `/api/sessions/${id}/upright`, label: 'Upright', sessionId: id });
  renderSession();
}

// ---- Symptoms and the stop card: shown from local state first, then the entry is queued

function renderSymptomButtons() {
  $('#symptoms').replaceChildren(...state.catalogue.map(symptom => el('button', {
    type: 'button', class: `symptom priority-${String(symptom.priority).toLowerCase()}`, 'data-code': symptom.code,
    onclick: () => tapSymptom(symptom.code),
  }, el('span', { class: 'symptom-label', text: symptom.label }), el('span', { class: 'symptom-priority', text: symptom.priority }))));
  renderSessionControls();
}

function tapSymptom(code) {
  const id = currentSessionId();
  if (!id) return;
  const symptom = symptomOf(code);
  // first the timer and the stop card, from what the tablet holds; nothing here waits for the network
  state.frozenAt ??= serverNow();
  addToStop(id, symptom);
  renderStop();
  renderClock();
  if (!pending(id, 'symptoms').some(entry => entry.body.code === code)) {
    enqueue({ method: 'POST', path: `/api/sessions/${id}/symptoms`, body: { code }, label: `Symptom: ${symptom.label}`, sessionId: id });
  }
  renderSession();
}

function addToStop(sessionId, symptom) {
  const stop = state.stop?.sessionId === sessionId ? state.stop
    : { sessionId, patientId: state.current?.patientId, symptoms: [], at: state.frozenAt };
  if (!stop.symptoms.some(known => known.code === symptom.code)) {
    stop.symptoms.push({ code: symptom.code, label: symptom.label, extraAction: symptom.extraAction ?? null,
      stopProtocol: symptom.stopProtocol || BUILT_IN_STOP_PROTOCOL });
  }
  state.stop = stop;
  writeJson(STOP_KEY, stop);
}

function renderStop() {
  const stop = stopShown() ? state.stop : null;
  $('#stop-card').hidden = !stop;
  if (!stop) return;
  $('#stop-symptom').textContent = stop.symptoms.map(symptom => symptom.label).join(' + ');
  $('#stop-protocol').textContent = stop.symptoms[0]?.stopProtocol || BUILT_IN_STOP_PROTOCOL;
  say($('#stop-extra'), stop.symptoms.map(symptom => symptom.extraAction).filter(Boolean).join(' '));
  $('#stop-card').scrollIntoView({ block: 'start' });
}

function clearStop() {
  state.stop = null;
  writeJson(STOP_KEY, null);
}

/** Staff say the table is horizontal: log it as coming upright (the sitting time counts from here), then the post-check. */
function stopDone() {
  const id = currentSessionId();
  if (id && state.view?.inverted && !pending(id, 'upright').length) {
    enqueue({ method: 'POST', path: `/api/sessions/${id}/upright`, label: 'Table horizontal', sessionId: id });
  }
  clearStop();
  renderStop();
  openPostcheck();
}

// ---- The alert panel: what happened to the alert the symptom raised

function renderAlert() {
  const node = $('#alert-status');
  if (!node) return;
  const lines = alertLines();
  const text = lines.map(line => line.text).join('\n');
  // rewritten only when the words change, so screen readers are not told the same thing four times a second
  if (node.dataset.text === text) return;
  node.dataset.text = text;
  node.replaceChildren(...lines.map(line => el('p', { class: line.class ?? '', text: line.text })));
  node.hidden = !lines.length;
  node.dataset.priority = state.view?.alert?.priority?.toLowerCase() ?? '';
}

function alertLines() {
  const id = currentSessionId();
  const view = state.view;
  const sending = id ? pending(id, 'symptoms').length > 0 : false;
  const alert = view?.alert;
  if (!alert) {
    if (sending) {
      const phone = state.offline && { text: 'No network: the alert has not reached anyone. Call the clinician by phone now.', class: 'urgent' };
      return [{ text: 'Sending alert…', class: 'sending' }, phone].filter(Boolean);
    }
    if (view?.symptoms?.length) {
      return [{ text: `Symptom logged at ${timeAt(view.symptoms.at(-1).reportedAt)}. Waiting for the alert to be raised…`, class: 'sending' }];
    }
    return [];
  }
  return [
    { text: `Alert raised · ${alert.priority} · ${timeAt(alert.raisedAt ?? alert.updatedAt)}`, class: 'raised' },
    alert.status && alert.status !== 'RAISED' && { text: `Status: ${alert.status.toLowerCase()}` },
    ...(alert.notified ?? []).map(notifiedLine),
    alert.acknowledgedBy && { text: `Acknowledged by ${alert.acknowledgedBy}${atTime(alert.acknowledgedAt)}`, class: 'acknowledged' },
    alert.escalationLevel && { text: `Escalation level ${alert.escalationLevel}` },
    alert.nextEscalationAt && !alert.acknowledgedBy && serverNow() !== null
      && { text: `Next escalation in ${clock((Date.parse(alert.nextEscalationAt) - serverNow()) / 1000)}` },
    sending && { text: 'Sending the latest symptom…', class: 'sending' },
  ].filter(Boolean);
}

/** One page and what became of it (alert-service tries the next channel or level by itself), or a level with nobody on call. */
function notifiedLine(paged) {
  if (paged.outcome === 'nobody-on-call') {
    return { text: `Nobody on call at level ${paged.level}${atTime(paged.at)}`, class: 'urgent' };
  }
  const outcome = { delivered: ' · delivered', failed: ' · not delivered' }[paged.outcome] ?? '';
  return { text: `Paged: ${paged.who} by ${paged.channel}${atTime(paged.at)}${outcome}`, class: paged.outcome === 'failed' ? 'warning' : '' };
}

// ---- Post-check: after 3 minutes sitting

function openPostcheck() {
  const form = $('#postcheck-form');
  const id = currentSessionId();
  if (!pending(id, 'post-check').length) {
    form.reset();
    painScale($('#pain-after'), 'after');
    $('#spotter-signoff').value = state.view?.spotter ?? '';
  }
  clearInvalid(form);
  say($('#postcheck-error'), null);
  form.hidden = false;
  $('#session-done').hidden = true;
  renderPostcheckPending();
  renderSit();
  show('postcheck');
  refreshSession();
}

/** When sitting is done: the server's postCheckFrom; before the server has heard of the stop, the tap's moment plus 3 min. */
function sitEndsAt() {
  const view = state.view;
  if (view?.postCheckFrom) return Date.parse(view.postCheckFrom);
  const sitMs = (state.config?.sitMinutes ?? DEFAULT_CONFIG.sitMinutes) * 60000;
  if (view?.uprightAt && !view.inverted) return Date.parse(view.uprightAt) + sitMs;
  if (state.frozenAt !== null) return state.frozenAt + sitMs;
  return null;
}

function renderSit() {
  const node = $('#sit-countdown');
  const endsAt = sitEndsAt();
  const now = serverNow();
  if (endsAt === null || now === null) {
    node.textContent = '—';
    node.dataset.done = 'false';
    return;
  }
  const left = (endsAt - now) / 1000;
  node.textContent = left > 0 ? `${clock(Math.ceil(left))} left` : 'Done: take the reading';
  node.dataset.done = String(left <= 0);
}

function submitPostcheck() {
  const id = currentSessionId();
  if (pending(id, 'post-check').length) return;
  clearInvalid($('#postcheck-form'));
  say($('#postcheck-error'), null);
  const body = {
    bloodPressure: { systolic: numberOrNull($('#post-bp-systolic').value), diastolic: numberOrNull($('#post-bp-diastolic').value) },
    heartRate: numberOrNull($('#post-heart-rate').value),
    painAfter: state.pain.after,
    spotterSignOff: $('#spotter-signoff').value.trim(),
  };
  enqueue({ method: 'POST', path: `/api/sessions/${id}/post-check`, body, label: 'Post-check', sessionId: id });
}

function renderPostcheckPending() {
  const node = $('#postcheck-pending');
  const id = currentSessionId();
  const waiting = id ? pending(id, 'post-check').length > 0 : false;
  $('#postcheck-form button[type=submit]').disabled = waiting;
  say(node, !waiting ? null : state.offline
    ? 'Post-check kept on this tablet: it is sent when the network returns.'
    : 'Sending the post-check…');
}

function postCheckDone(view) {
  state.view = view;
  showDone(view);
}

function showDone(view) {
  const patientId = view.patientId ?? state.current?.patientId;
  $('#postcheck-form').hidden = true;
  const done = $('#session-done');
  done.replaceChildren(el('div', {},
    el('h3', { text: 'Session complete' }),
    view.recheckDueAt && el('p', { class: 'recheck', text: `Recheck BP at ${timeAt(view.recheckDueAt)}` }),
    el('dl', { class: 'summary-list' },
      ...summaryRow('Pain', `${view.painBefore ?? '—'} before → ${view.painAfter ?? '—'} after`),
      ...summaryRow('Blood pressure after', view.bpAfterSystolic ? `${view.bpAfterSystolic}/${view.bpAfterDiastolic} mmHg` : '—'),
      ...summaryRow('Inverted in total', clock(view.invertedSecondsBefore ?? 0)),
      ...summaryRow('Symptoms', view.symptoms?.length ? view.symptoms.map(symptom => symptom.label).join(', ') : 'none'),
      ...summaryRow('Spotter', view.spotterSignOff ?? view.spotter ?? '—')),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'progress-link primary', text: 'See progress', onclick: () => openProgress(patientId) }),
      el('button', { type: 'button', class: 'quiet', text: 'Next patient', onclick: showPatients }))));
  done.hidden = false;
  state.current = { ...state.current, sessionId: null };
  writeJson(CURRENT_KEY, null);
  show('postcheck');
}

function summaryRow(term, value) {
  return [el('dt', { text: term }), el('dd', { text: value })];
}

// ---- Progress: the chart a therapist looks at, and the summary beside it

async function openProgress(patientId) {
  const name = nameOf(patientId);
  state.progressPatient = patientId;
  setPatientName(name);
  state.current = null;
  writeJson(CURRENT_KEY, null);
  say($('#progress-error'), null);
  $('#progress-chart').replaceChildren();
  $('#progress-summary').replaceChildren(el('p', { text: 'Loading…' }));
  show('progress');
  const [progress, next] = await Promise.all([load(`/api/courses/${patientId}/progress`), load(`/api/courses/${patientId}/next-session`)]);
  if (!progress?.ok) {
    $('#progress-summary').replaceChildren();
    say($('#progress-error'), progress ? problemText(progress.status, progress.body) : 'No network: could not load the progress.');
    return;
  }
  drawProgressChart($('#progress-chart'), progress.body, name);
  $('#progress-legend').replaceChildren(...chartLegend());
  renderProgressSummary(progress.body, next?.ok ? next.body : null);
}

// ---- ODI scores: entered on the progress view, queued like every other entry

function submitOdi() {
  const patientId = state.progressPatient;
  const score = numberOrNull($('#odi-score').value);
  if (score === null || !Number.isInteger(score) || score < 0 || score > 100) {
    say($('#odi-error'), 'The ODI score is a whole number from 0 to 100.');
    return;
  }
  say($('#odi-error'), null);
  const point = $('#odi-point').value;
  enqueue({ method: 'POST', path: `/api/courses/${patientId}/odi`, body: { point, score }, label: `ODI ${point}: ${score}`, sessionId: null });
}

function odiAnswered(entry, answer) {
  const patientId = entry.path.split('/').at(-2);
  if (!isShown('progress') || state.progressPatient !== patientId) {
    if (!answer.ok) notice(`${entry.label} not accepted: ${problemText(answer.status, answer.body)}`);
    return;
  }
  if (answer.ok) {
    $('#odi-score').value = '';
    openProgress(patientId);
  } else {
    say($('#odi-error'), problemText(answer.status, answer.body));
  }
}

function renderProgressSummary(progress, next) {
  $('#progress-summary').replaceChildren(...[
    responderCard(progress), deteriorationCard(progress), adherenceCard(progress), adverseCard(progress), next && nextCard(next),
  ].filter(Boolean));
}

function summaryCard(cssClass, title, ...children) {
  return el('section', { class: `summary-card ${cssClass}` }, el('h3', { text: title }), ...children);
}

function responderCard(progress) {
  const criteria = progress.responderCriteria ?? [];
  return summaryCard(progress.responder ? 'good' : 'neutral', progress.responder ? 'Responder' : 'Not yet a responder',
    criteria.length > 0 && el('ul', {}, ...criteria.map(criterion => el('li', { text: CRITERIA_WORDS[criterion] ?? criterion }))),
    progress.response && el('p', { text: progress.response }));
}

function deteriorationCard(progress) {
  return progress.pausePlan
    ? summaryCard('bad', 'Pause the plan: review before the next session', progress.deterioration && el('p', { text: progress.deterioration }))
    : summaryCard('neutral', 'No deterioration', progress.deterioration && el('p', { text: progress.deterioration }));
}

function adherenceCard(progress) {
  const percent = progress.adherencePercent;
  const weeks = progress.weeks ?? [];
  return summaryCard('neutral', percent === null || percent === undefined ? 'Adherence: after the first full week' : `Adherence ${percent} %`,
    el('p', { text: `${progress.sessionsDone ?? 0} of ${progress.sessionsPlanned ?? 0} planned sessions in complete weeks.` }),
    weeks.length > 0 && el('ol', { class: 'weeks' }, ...weeks.map(week => el('li', {
      class: `week${week.complete ? '' : ' under-way'}`, title: `Week ${week.number}: ${week.done} of ${week.planned}`,
    }, el('span', { class: 'week-number', text: `W${week.number}` }),
      el('span', { class: 'week-dots', 'aria-label': `${week.done} of ${week.planned}` }, ...weekDots(week))))));
}

/** One dot per planned session, filled for each done; extra sessions add dots. */
function weekDots(week) {
  return Array.from({ length: Math.max(week.planned, week.done) }, (_, i) => el('span', { class: i < week.done ? 'dot done' : 'dot' }));
}

function adverseCard(progress) {
  const high = progress.adverseHigh ?? 0;
  const chip = (priority, count) => el('span', { class: `chip priority-${priority.toLowerCase()}${count ? '' : ' zero'}`, text: `${priority} ${count}` });
  return summaryCard(high ? 'bad' : 'neutral', 'Adverse events',
    el('p', { class: 'chips' }, chip('HIGH', high), chip('MEDIUM', progress.adverseMedium ?? 0), chip('LOW', progress.adverseLow ?? 0)));
}

function nextCard(next) {
  return summaryCard('neutral', 'Next session', ...suggestionParts(next));
}

// ---- Ticking: the clock, the sitting countdown and the escalation countdown, from the server's time

function tick() {
  if (isShown('session')) {
    renderClock();
    renderAlert();
  } else if (isShown('postcheck')) {
    renderSit();
  }
}

// ---- Start

function start() {
  onSubmit($('#signin-form'), async () => signIn($('#token-input').value.trim()));
  onSubmit($('#precheck-form'), submitPrecheck);
  $('#odi-form').addEventListener('submit', event => { event.preventDefault(); submitOdi(); });
  // not onSubmit: its busy state would re-enable the button that a waiting post-check keeps disabled
  $('#postcheck-form').addEventListener('submit', event => {
    event.preventDefault();
    submitPostcheck();
  });
  whenTokenRefused(() => signOut(TOKEN_REFUSED));
  $('#signout').addEventListener('click', askToSignOut);
  $('#to-patients').addEventListener('click', showPatients);
  $('#refresh-patients').addEventListener('click', refreshCourses);
  document.querySelectorAll('.back').forEach(button => button.addEventListener('click', showPatients));
  $('#start-hold').addEventListener('click', startHold);
  $('#angle-down').addEventListener('click', () => stepAngle(-ANGLE_STEP));
  $('#angle-up').addEventListener('click', () => stepAngle(ANGLE_STEP));
  $('#upright').addEventListener('click', upright);
  $('#to-postcheck').addEventListener('click', openPostcheck);
  $('#stop-done').addEventListener('click', stopDone);
  $('#back-to-session').addEventListener('click', () => state.current && openSession(state.current));
  window.addEventListener('online', retryNow);
  window.addEventListener('offline', wentOffline);
  window.addEventListener('hashchange', () => {
    const token = tokenOnArrival();
    if (token && token !== signedInToken()) signIn(token);
  });
  setInterval(tick, 250);
  renderSymptomButtons();
  renderNetwork();
  const token = tokenOnArrival();
  if (token) signIn(token);
  else signOut(null);
}

start();
