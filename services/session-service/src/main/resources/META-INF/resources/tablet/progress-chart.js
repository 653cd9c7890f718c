// The progress chart of the tablet app, drawn as inline SVG without a library: pain before and after each
// session (0-10) with the sessions a symptom stopped marked in red, the angle and hold of each session as
// bars, and the ODI points at baseline, week 4 and week 8. Pure drawing from the progress view's data; the
// sizes are in viewBox units, so the chart scales to the width it is given. Every text is set as text.

import { el, clock, dayOf } from '/common/ui.js';

const HOLD_LIMIT_SECONDS = 180;

const SVG_NS = 'http://www.w3.org/2000/svg';
// viewBox units: three panels stacked, margins left and right for the axes' labels
const CHART = {
  width: 800, height: 600, left: 60, right: 60,
  painTop: 40, painHeight: 170, barsTop: 260, barsHeight: 110, odiTop: 470, odiHeight: 90,
};

/** An SVG element: attributes as given, text as textContent, children appended. */
function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

/** Draws the three panels into the (empty) svg node #progress-chart: pain, angle and hold, ODI. */
export function drawProgressChart(chart, progress, name) {
  const sessions = progress.sessions ?? [];
  chart.setAttribute('viewBox', `0 0 ${CHART.width} ${CHART.height}`);
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const step = plotWidth / Math.max(1, sessions.length);
  const x = index => CHART.left + step * (index + 0.5);
  chart.replaceChildren(
    svg('title', { id: 'progress-chart-title', text: `Progress of ${name}: pain before and after each session, angle and hold, ODI` }),
    ...painPanel(sessions, x, step),
    ...dosePanel(sessions, x, step),
    ...dateAxis(sessions, x, step),
    ...odiPanel(progress.odi ?? {}, plotWidth));
}

function panelTitle(y, text) {
  return svg('text', { x: CHART.left, y, class: 'panel-title', text });
}

/** A horizontal grid line across the plot with its value on the left axis. */
function gridLine(y, label) {
  return [
    svg('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: y, y2: y, class: 'grid' }),
    svg('text', { x: CHART.left - 10, y: y + 5, class: 'axis', 'text-anchor': 'end', text: label }),
  ];
}

function painPanel(sessions, x, step) {
  const y = value => CHART.painTop + CHART.painHeight * (1 - value / 10);
  const parts = [panelTitle(CHART.painTop - 16, 'Pain 0–10 (lower is better)')];
  [0, 2, 4, 6, 8, 10].forEach(value => parts.push(...gridLine(y(value), String(value))));
  sessions.forEach((session, index) => {
    if (session.stoppedBySymptom) parts.push(stopMark(x(index), step));
  });
  if (!sessions.length) {
    parts.push(svg('text', { x: CHART.width / 2, y: CHART.painTop + CHART.painHeight / 2, class: 'empty', 'text-anchor': 'middle', text: 'No sessions yet' }));
  }
  parts.push(...painLine(sessions, x, y, 'painBefore', 'pain-before', 'before'));
  parts.push(...painLine(sessions, x, y, 'painAfter', 'pain-after', 'after'));
  return parts;
}

/** A red band behind a session stopped by a symptom, with a STOP label above it. */
function stopMark(cx, step) {
  const width = Math.min(step * 0.8, 60);
  return svg('g', { class: 'stopped' },
    svg('rect', { x: cx - width / 2, y: CHART.painTop, width, height: CHART.painHeight }),
    svg('text', { x: cx, y: CHART.painTop + 14, 'text-anchor': 'middle', text: 'STOP' }));
}

/** One line per series, joined across a session without that score (a stopped session has no pain after): the band says why. */
function painLine(sessions, x, y, field, cssClass, word) {
  const known = sessions.map((session, index) => ({ session, index, value: session[field] }))
    .filter(point => point.value !== null && point.value !== undefined);
  const line = known.length > 1
    && svg('polyline', { class: `line ${cssClass}`, points: known.map(point => `${x(point.index)},${y(point.value)}`).join(' ') });
  const dots = known.map(point => svg('circle', { class: `point ${cssClass}`, cx: x(point.index), cy: y(point.value), r: 7 },
    svg('title', { text: `${dayOf(point.session.startedAt)}: pain ${word} ${point.value}` })));
  return [line, ...dots].filter(Boolean);
}

function dosePanel(sessions, x, step) {
  const top = CHART.barsTop;
  const height = CHART.barsHeight;
  const bottom = top + height;
  const angleY = degrees => bottom - height * Math.min(degrees, 60) / 60;
  const holdY = seconds => bottom - height * Math.min(seconds, HOLD_LIMIT_SECONDS) / HOLD_LIMIT_SECONDS;
  const parts = [panelTitle(top - 16, 'Angle reached (left, degrees) and planned hold (right, seconds)')];
  [[0, 0], [30, 90], [60, 180]].forEach(([degrees, seconds]) => {
    parts.push(...gridLine(angleY(degrees), `${degrees}°`));
    parts.push(svg('text', { x: CHART.width - CHART.right + 10, y: angleY(degrees) + 5, class: 'axis right', text: `${seconds} s` }));
  });
  const barWidth = Math.min(step * 0.32, 28);
  sessions.forEach((session, index) => {
    const cx = x(index);
    // the angle the patient reached (not only the one planned), and the planned hold with the time inverted in all
    const angle = session.angleReachedDegrees ?? session.angleDegrees;
    if (angle) {
      const barTop = angleY(angle);
      parts.push(svg('rect', { class: 'bar angle', x: cx - barWidth - 1, y: barTop, width: barWidth, height: bottom - barTop },
        svg('title', { text: `${dayOf(session.startedAt)}: reached ${angle}° (planned ${session.angleDegrees}°)` })));
    }
    if (session.holdSeconds) {
      const barTop = holdY(session.holdSeconds);
      const inverted = session.secondsInverted == null ? '' : `, ${clock(session.secondsInverted)} inverted in all`;
      parts.push(svg('rect', { class: 'bar hold', x: cx + 1, y: barTop, width: barWidth, height: bottom - barTop },
        svg('title', { text: `${dayOf(session.startedAt)}: hold ${clock(session.holdSeconds)}${inverted}` })));
    }
  });
  return parts;
}

/** Dates under the sessions; with many sessions, only every few, so they stay readable. */
function dateAxis(sessions, x, step) {
  const every = Math.max(1, Math.ceil(56 / step));
  const y = CHART.barsTop + CHART.barsHeight + 24;
  return sessions.flatMap((session, index) => {
    if (index % every !== 0 && index !== sessions.length - 1) return [];
    return [svg('text', { x: x(index), y, class: `date${session.stoppedBySymptom ? ' stopped-date' : ''}`, 'text-anchor': 'middle', text: dayOf(session.startedAt) })];
  });
}

function odiPanel(odi, plotWidth) {
  const top = CHART.odiTop;
  const height = CHART.odiHeight;
  const y = score => top + height * (1 - score / 100);
  const points = [['BASELINE', 'Baseline'], ['WEEK_4', 'Week 4'], ['WEEK_8', 'Week 8']]
    .map(([key, label], index) => ({ key, label, x: CHART.left + plotWidth * (index * 2 + 1) / 6, score: odi[key] }));
  const parts = [panelTitle(top - 16, 'ODI disability 0–100 (lower is better)')];
  [0, 50, 100].forEach(score => parts.push(...gridLine(y(score), String(score))));
  const known = points.filter(point => point.score !== undefined && point.score !== null);
  if (known.length > 1) {
    parts.push(svg('polyline', { class: 'line odi', points: known.map(point => `${point.x},${y(point.score)}`).join(' ') }));
  }
  points.forEach(point => {
    parts.push(svg('text', { x: point.x, y: top + height + 24, class: 'date', 'text-anchor': 'middle', text: point.label }));
    if (point.score === undefined || point.score === null) {
      parts.push(svg('text', { x: point.x, y: y(50) + 5, class: 'empty', 'text-anchor': 'middle', text: 'not recorded' }));
      return;
    }
    parts.push(svg('circle', { class: 'point odi', cx: point.x, cy: y(point.score), r: 8 }, svg('title', { text: `ODI ${point.label}: ${point.score}` })));
    parts.push(svg('text', { x: point.x, y: y(point.score) - 14, class: 'value', 'text-anchor': 'middle', text: String(point.score) }));
  });
  return parts;
}

/** The legend under the chart, as HTML: a swatch and its words for each series. */
export function chartLegend() {
  const item = (cssClass, text) => el('span', { class: 'legend-item' }, el('span', { class: `swatch ${cssClass}`, 'aria-hidden': 'true' }), text);
  return [item('pain-before', 'Pain before'), item('pain-after', 'Pain after'), item('stopped', 'Stopped by a symptom'),
    item('angle', 'Angle'), item('hold', 'Hold'), item('odi', 'ODI')];
}
