// The clinic tablet's screening page: pick a patient, ask the screening questions, show the outcome,
// and let a clinician record a physician's clearance. Plain DOM, no framework; every text from the
// server is set as text, never as HTML. The helpers every page shares come from /common/ui.js.

import {
  $, el, show, say, numberOrNull, timeOf, onSubmit, claimsOf, tokenProblem, tokenOnArrival, keepToken, forgetToken,
  signedInToken, whoIs, whenTokenRefused, api as callApi, NetworkError, problemText, plainMessage,
} from '/common/ui.js';

const NO_CONNECTION = 'No connection: nothing was saved, try again.';
const NO_CONNECTION_LOADING = 'No connection: could not load, try again.';
const ONLY_CLINICIANS = 'Only a clinician can record a clearance: ask a clinician to sign in and record it.';

const OUTCOMES = {
  CLEARED: { label: 'CLEARED', icon: '✓', says: 'Inversion therapy may go ahead.' },
  NEEDS_CLEARANCE: { label: 'NEEDS CLEARANCE', icon: '!', says: 'A physician must clear the patient before any session.' },
  CONTRAINDICATED: { label: 'CONTRAINDICATED', icon: '✕', says: 'Inversion therapy is not safe for this patient.' },
};
const REASON_TAGS = { CONTRAINDICATED: 'Contraindicated', NEEDS_CLEARANCE: 'Needs clearance', CLEARED: 'Watch' };
const YES_NO = [{ value: false, text: 'No' }, { value: true, text: 'Yes' }];

const state = { questionnaire: null, patients: [], patient: null, answers: {}, readings: {}, clearanceTarget: null };
const clearanceForm = document.getElementById('clearance-form');

// ---- Page helpers of this page only

function notice(text) {
  say($('#notice'), text);
}

function humanize(name) {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function todayIso() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** eligibleUntil is the instant eligibility ends, so the last day a session may start is the day before it. */
function lastDayBefore(instant) {
  return new Date(Date.parse(instant) - 1).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
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
  const { user, clinic } = whoIs(claims);
  $('#signed-in-user').textContent = user;
  $('#signed-in-clinic').textContent = clinic;
  $('#signed-in').hidden = false;
  showPatients();
}

function signOut(message) {
  forgetToken();
  $('#signed-in').hidden = true;
  $('#token-input').value = '';
  say($('#sign-in-error'), message);
  notice(null);
  show('sign-in-view');
}

// ---- The API: every call carries the token; refusals come back as problem details

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

/** The body of a successful answer; a refusal throws ApiError, no connection an ApiError of status 0. */
async function api(method, path, body) {
  let answer;
  try {
    answer = await callApi(path, { method, body });
  } catch (error) {
    if (error instanceof NetworkError) throw new ApiError(0, { detail: method === 'GET' ? NO_CONNECTION_LOADING : NO_CONNECTION });
    throw error;
  }
  if (!answer.ok) {
    throw new ApiError(answer.status, answer.body);
  }
  return answer.body;
}

/** What to tell staff about a failed call, in a sentence. */
function plainly(error) {
  if (!(error instanceof ApiError)) {
    return `Something went wrong on this page: ${error.message}`;
  }
  if (error.status === 0) {
    return error.message;
  }
  return problemText(error.status, error.problem);
}

// ---- Patients

async function showPatients() {
  notice(null);
  show('patients-view');
  try {
    state.patients = await api('GET', '/api/patients');
    renderPatients();
  } catch (error) {
    notice(plainly(error));
  }
}

function renderPatients() {
  const filter = $('#patient-filter').value.trim().toLowerCase();
  const shown = state.patients.filter(patient => patient.displayName.toLowerCase().includes(filter));
  $('#patient-list').replaceChildren(...shown.map(patient => el('li', {}, el('button', {
    type: 'button', class: 'patient', 'data-patient-id': patient.id, text: patient.displayName, onclick: () => openPatient(patient),
  }))));
  $('#no-patients').hidden = shown.length > 0;
}

async function registerPatient() {
  const name = $('#new-patient-name').value.trim();
  if (!name) {
    say($('#register-error'), "Enter the patient's name.");
    return;
  }
  try {
    const patient = await api('POST', '/api/patients', { displayName: name });
    $('#new-patient-name').value = '';
    say($('#register-error'), null);
    choosePatient(patient);
    await startScreening();
  } catch (error) {
    say($('#register-error'), plainly(error));
  }
}

function choosePatient(patient) {
  state.patient = patient;
  document.querySelectorAll('.patient-name').forEach(node => { node.textContent = patient.displayName; });
}

/** A patient's page: may they start a session now, and (when a physician can clear them) the clearance form. */
async function openPatient(patient) {
  choosePatient(patient);
  notice(null);
  show('patient-view');
  const container = $('#patient-eligibility');
  container.replaceChildren(el('p', { text: 'Loading…' }));
  $('#patient-clearance').replaceChildren();
  try {
    const eligibility = await api('GET', `/api/patients/${patient.id}/eligibility`);
    renderEligibility(container, eligibility);
    offerClearance(container, $('#patient-clearance'), eligibility);
  } catch (error) {
    container.replaceChildren(el('p', { class: 'error', text: plainly(error) }));
  }
}

// ---- The questionnaire, rendered from the server's definition: one card per question

/** How each answer type is shown, and how its answer goes into the request body. */
const ANSWER_TYPES = {
  YES_NO: {
    render: ({ fields: [flag] }) => [yesNo(flag)],
    collect: ({ fields: [flag] }) => flagAnswer(flag),
  },
  YES_NO_DATE: {
    render: ({ fields: [flag, date] }) => [yesNo(flag, revealedInput(date, 'date', 'When?'))],
    collect: ({ fields: [flag, date] }) => flagAnswer(flag, date),
  },
  YES_NO_LIST: {
    render: ({ fields: [flag, list] }) => [yesNo(flag, revealedInput(list, 'text', 'Which? Separate the names with commas'))],
    collect: ({ fields: [flag, list] }) => ({
      [flag]: answerOf(flag),
      [list]: answerOf(flag) ? inputValue(list)?.split(',').map(name => name.trim()).filter(Boolean) ?? [] : [],
    }),
  },
  BLOOD_PRESSURE: {
    render: ({ fields: [field] }) => bloodPressureInputs(field),
    collect: ({ fields: [field] }) => ({ [field]: bloodPressureAnswer(field) }),
  },
  // The first field is the choice; the others are yes/no findings, each with the date field that follows it, if any.
  CHOICE: {
    render: ({ fields: [choice, ...findings], choices }) => [
      answerRow(humanize(choice), toggles(choice, choices.map(value => ({ value, text: humanize(value) })), humanize(choice))),
      ...withDates(findings).map(([flag, date]) => yesNo(flag, date && revealedInput(date, 'date', 'When?'), humanize(flag))),
    ],
    collect: ({ fields: [choice, ...findings] }) => Object.assign({ [choice]: answerOf(choice) },
      ...withDates(findings).map(([flag, date]) => flagAnswer(flag, date))),
  },
  WEIGHT: {
    render: ({ fields: [field] }) => [answerRow('Weight', numberInput(field, 'Weight in kilograms'), el('span', { class: 'unit', text: 'kg' }))],
    collect: ({ fields: [field] }) => ({ [field]: numberOrNull(inputValue(field) ?? '') }),
  },
};

async function startScreening() {
  notice(null);
  try {
    state.questionnaire ??= await api('GET', '/api/screening/questionnaire');
  } catch (error) {
    notice(plainly(error));
    return;
  }
  state.answers = {};
  state.readings = {};
  $('#questions').replaceChildren(...state.questionnaire.questions.map(questionCard));
  say($('#screening-error'), null);
  show('questionnaire-view');
}

function questionCard(question) {
  return el('section', { class: 'question', id: `q-${question.id}`, 'data-question': question.id },
    el('h3', {}, el('span', { class: 'rule', text: question.id }), el('span', { text: question.text })),
    ...ANSWER_TYPES[question.type].render(question),
    el('ul', { class: 'error', hidden: true }));
}

function answerRow(label, ...controls) {
  return el('div', { class: 'answer' }, label && el('span', { class: 'answer-label', text: label }), ...controls);
}

/** Big toggle buttons of which one is pressed; the choice is kept in state.answers[field]. */
function toggles(field, options, label, onChoose) {
  const buttons = options.map(({ value, text }) => el('button', {
    type: 'button', class: 'toggle', 'data-field': field, 'data-value': String(value), 'aria-pressed': 'false', text,
    onclick: () => {
      state.answers[field] = value;
      buttons.forEach(button => button.setAttribute('aria-pressed', String(button.dataset.value === String(value))));
      onChoose?.(value);
    },
  }));
  return el('div', { class: 'toggles', role: 'group', 'aria-label': label }, ...buttons);
}

/** A yes/no answer; what it reveals (a date, a list) shows only after a yes. */
function yesNo(field, revealed, label) {
  const buttons = toggles(field, YES_NO, label ?? 'Answer', yes => { if (revealed) revealed.hidden = !yes; });
  return answerRow(label, buttons, revealed);
}

function revealedInput(field, type, label) {
  return el('label', { class: 'revealed', hidden: true }, el('span', { text: label }), el('input', { type, name: field, autocomplete: 'off' }));
}

function numberInput(name, label, onInput) {
  return el('input', { type: 'number', inputmode: 'numeric', step: 'any', name, 'aria-label': label, oninput: onInput });
}

function withDates(fields) {
  return fields.reduce((groups, field) => {
    if (field.endsWith('Date') && groups.length) groups.at(-1).push(field);
    else groups.push([field]);
    return groups;
  }, []);
}

function answerOf(field) {
  return state.answers[field] ?? null;
}

function inputValue(name) {
  const value = $('#screening-form').elements.namedItem(name)?.value.trim();
  return value ? value : null;
}

function flagAnswer(flag, date) {
  const body = { [flag]: answerOf(flag) };
  if (date) body[date] = answerOf(flag) ? inputValue(date) : null;
  return body;
}

// ---- S7 blood pressure: each reading keeps the moment staff entered it; a recheck comes at least 5 minutes later

function bloodPressureInputs(field) {
  const recheck = reading(field, 'recheck', 'Recheck');
  recheck.hidden = true;
  const addRecheck = el('button', {
    type: 'button', class: 'quiet', text: 'Add a recheck (at least 5 minutes after the first reading)',
    onclick: () => { recheck.hidden = false; addRecheck.hidden = true; },
  });
  return [reading(field, 'first', 'Reading'), addRecheck, recheck];
}

function reading(field, which, title) {
  const takenAt = el('span', { class: 'taken-at' });
  const noteTime = () => {
    const complete = inputs.every(input => input.value !== '');
    state.readings[which] = complete ? state.readings[which] ?? new Date() : null;
    takenAt.textContent = complete ? `entered ${timeOf(state.readings[which])}` : '';
  };
  const inputs = ['systolic', 'diastolic'].map(part => numberInput(`${field}.${which}.${part}`, `${title} ${part}`, noteTime));
  return answerRow(title,
    el('label', { class: 'stacked' }, el('span', { text: 'Systolic' }), inputs[0]),
    el('span', { class: 'slash', text: '/' }),
    el('label', { class: 'stacked' }, el('span', { text: 'Diastolic' }), inputs[1]),
    el('span', { class: 'unit', text: 'mmHg' }),
    takenAt);
}

function bloodPressureAnswer(field) {
  const first = readingAnswer(field, 'first');
  return first && { first, recheck: readingAnswer(field, 'recheck') };
}

function readingAnswer(field, which) {
  const systolic = numberOrNull(inputValue(`${field}.${which}.systolic`) ?? '');
  const diastolic = numberOrNull(inputValue(`${field}.${which}.diastolic`) ?? '');
  if (systolic === null && diastolic === null) return null;
  return { systolic, diastolic, takenAt: (state.readings[which] ?? new Date()).toISOString() };
}

// ---- Submitting: a 400 names the fields, shown on their questions; nothing is saved then

async function submitScreening() {
  clearAnswerErrors();
  const body = Object.assign({}, ...state.questionnaire.questions.map(question => ANSWER_TYPES[question.type].collect(question)));
  try {
    showOutcome(await api('POST', `/api/patients/${state.patient.id}/screenings`, body));
  } catch (error) {
    if (error.status === 400 && error.problem.errors?.length) {
      showAnswerErrors(error.problem.errors);
    } else {
      say($('#screening-error'), plainly(error));
    }
  }
}

function clearAnswerErrors() {
  document.querySelectorAll('.question').forEach(card => card.classList.remove('has-error'));
  document.querySelectorAll('.question > .error').forEach(list => { list.replaceChildren(); list.hidden = true; });
  document.querySelectorAll('#screening-form [aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  say($('#screening-error'), null);
}

function showAnswerErrors(errors) {
  const unplaced = [];
  for (const { field, message } of errors) {
    const [, questionId, text] = message.match(/^(S\d+): (.*)$/) ?? [null, questionOf(field), `${humanize(field.split('.').at(-1))}: ${plainMessage(message)}`];
    const card = questionId && document.getElementById(`q-${questionId}`);
    if (!card) {
      unplaced.push(message);
      continue;
    }
    card.classList.add('has-error');
    const list = card.querySelector(':scope > .error');
    list.append(el('li', { text }));
    list.hidden = false;
    $('#screening-form').elements.namedItem(field)?.setAttribute('aria-invalid', 'true');
  }
  say($('#screening-error'), ['Some answers need attention (marked in red): nothing was saved.', ...unplaced].join(' '));
  document.querySelector('.question.has-error')?.scrollIntoView({ block: 'start' });
}

/** The question whose fields hold a JSON path such as bloodPressure.first.systolic. */
function questionOf(field) {
  const root = field.split(/[.[]/)[0];
  return state.questionnaire.questions.find(question => question.fields.includes(root))?.id;
}

// ---- The outcome, in plain words

function showOutcome(screening) {
  const outcome = OUTCOMES[screening.outcome];
  const banner = $('#outcome-banner');
  banner.className = `banner ${screening.outcome.toLowerCase().replace('_', '-')}`;
  banner.replaceChildren(el('span', { class: 'icon', 'aria-hidden': 'true', text: outcome.icon }),
    el('div', {}, el('strong', { text: outcome.label }), el('p', { text: outcome.says })));
  $('#urgent-note').hidden = !screening.reasons.some(reason => reason.urgent);
  $('#reasons').replaceChildren(...(screening.reasons.length
    ? screening.reasons.map(reasonItem)
    : [el('li', { text: 'Nothing in the answers stands in the way.' })]));
  renderEligibility($('#outcome-eligibility'), screening.eligibility);
  offerClearance($('#outcome-eligibility'), $('#outcome-clearance'), screening.eligibility);
  show('outcome-view');
}

function reasonItem(reason) {
  const tag = reason.urgent ? 'Urgent' : REASON_TAGS[reason.outcome];
  return el('li', { class: `reason ${reason.outcome.toLowerCase().replace('_', '-')}`, 'data-rule': reason.ruleId },
    el('span', { class: 'tag', text: tag }), el('span', { text: reason.text }));
}

function renderEligibility(container, eligibility) {
  if (eligibility.eligible) {
    const ceiling = eligibility.bpCeilingSystolic != null
      && `Before each session the blood pressure must be at most ${eligibility.bpCeilingSystolic}/${eligibility.bpCeilingDiastolic} mmHg (the physician's ceiling).`;
    container.replaceChildren(el('div', { class: 'eligibility may-start' },
      el('p', { text: `May start sessions until ${lastDayBefore(eligibility.eligibleUntil)}.` }), ceiling && el('p', { text: ceiling })));
  } else {
    const worst = eligibility.effectiveOutcome === 'CONTRAINDICATED' ? ' contraindicated' : '';
    container.replaceChildren(el('div', { class: `eligibility cannot-start${worst}` },
      el('p', {}, el('strong', { text: 'Cannot start sessions: ' }), eligibility.blockingReasons.map(reason => reason.text).join(' '))));
  }
}

// ---- Physician clearance: only for reasons a physician may clear, and only when nothing is contraindicated

function clearableReasons(eligibility) {
  const reasons = eligibility.blockingReasons;
  if (eligibility.eligible || reasons.some(reason => reason.outcome === 'CONTRAINDICATED')) return [];
  return reasons.filter(reason => reason.outcome === 'NEEDS_CLEARANCE' && /^S\d+$/.test(reason.ruleId));
}

function offerClearance(eligibilityContainer, container, eligibility) {
  const reasons = clearableReasons(eligibility);
  container.replaceChildren();
  if (!reasons.length) return;
  state.clearanceTarget = { eligibilityContainer, container };
  clearanceForm.reset();
  clearFieldErrors(clearanceForm);
  $('#clearance-scope').replaceChildren(...reasons.map(reason => el('label', { class: 'check' },
    el('input', { type: 'checkbox', name: 'scope', value: reason.ruleId, checked: true }),
    el('span', {}, el('strong', { text: reason.ruleId }), ` ${reason.text}`))));
  clearanceForm.elements.issuedOn.value = todayIso();
  container.append(clearanceForm);
  clearanceForm.hidden = false;
}

async function submitClearance() {
  clearFieldErrors(clearanceForm);
  const fields = clearanceForm.elements;
  const body = {
    physicianName: fields.physicianName.value.trim(),
    physicianId: fields.physicianId.value.trim(),
    issuedOn: fields.issuedOn.value || null,
    scope: [...clearanceForm.querySelectorAll('input[name=scope]:checked')].map(box => box.value),
    bpCeilingSystolic: numberOrNull(fields.bpCeilingSystolic.value),
    bpCeilingDiastolic: numberOrNull(fields.bpCeilingDiastolic.value),
    expiresOn: fields.expiresOn.value || null,
  };
  try {
    await api('POST', `/api/patients/${state.patient.id}/clearances`, body);
  } catch (error) {
    showClearanceError(error);
    return;
  }
  const { eligibilityContainer, container } = state.clearanceTarget;
  const recorded = el('p', { class: 'recorded', text: `Clearance by ${body.physicianName} recorded.` });
  try {
    const eligibility = await api('GET', `/api/patients/${state.patient.id}/eligibility`);
    renderEligibility(eligibilityContainer, eligibility);
    offerClearance(eligibilityContainer, container, eligibility);
    container.prepend(recorded);
  } catch (error) {
    container.replaceChildren(recorded,
      el('p', { class: 'error', text: `Could not load whether the patient may start now: ${plainly(error)}` }));
  }
}

function showClearanceError(error) {
  if (error.status === 403) {
    say($('#clearance-error'), ONLY_CLINICIANS);
  } else if (error.problem.errors?.length) {
    showFieldErrors(clearanceForm, error.problem.errors);
  } else {
    say($('#clearance-error'), plainly(error));
  }
}

function clearFieldErrors(form) {
  form.querySelectorAll('.error').forEach(node => say(node, null));
}

function showFieldErrors(form, errors) {
  const unplaced = [];
  for (const { field, message } of errors) {
    const node = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (node) say(node, plainMessage(message));
    else unplaced.push(`${field}: ${message}`);
  }
  say(form.querySelector('.summary'), ['Nothing was saved: correct what is marked.', ...unplaced].join(' '));
}

// ---- Start

function start() {
  onSubmit($('#sign-in-form'), async () => signIn($('#token-input').value.trim()));
  onSubmit($('#register-form'), registerPatient);
  onSubmit($('#screening-form'), submitScreening);
  onSubmit(clearanceForm, submitClearance);
  $('#sign-out').addEventListener('click', () => signOut(null));
  whenTokenRefused(() => signOut('Your access token was refused (it may have expired): sign in again.'));
  $('#patient-filter').addEventListener('input', renderPatients);
  $('#start-screening').addEventListener('click', startScreening);
  document.querySelectorAll('.back').forEach(button => button.addEventListener('click', showPatients));
  window.addEventListener('hashchange', () => {
    const token = tokenOnArrival();
    if (token && token !== signedInToken()) signIn(token);
  });
  const token = tokenOnArrival();
  if (token) signIn(token);
  else signOut(null);
}

start();
