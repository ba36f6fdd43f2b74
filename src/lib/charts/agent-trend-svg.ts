import type { WeekPoint } from '$lib/core/metrics/agent-scorecard';
import { escapeXml } from './svg-document';

/** Texts the drawing needs, in the page's language, and the page's number formats. */
export interface AgentTrendSvgText {
	tickets: string;
	firstResponse: string;
	agentLine: string;
	teamLine: string;
	csat: string;
	count: (value: number) => string;
	duration: (seconds: number) => string;
	percent: (fraction: number) => string;
}

const LEFT = 96;
const RIGHT = 16;
const COLUMN = 44;
const BAR_TOP = 26;
const BAR_HEIGHT = 96;
const LINE_TOP = BAR_TOP + BAR_HEIGHT + 44;
const LINE_HEIGHT = 96;
const CSAT_Y = LINE_TOP + LINE_HEIGHT + 26;
const WEEK_Y = CSAT_Y + 22;
const HEIGHT = WEEK_Y + 30;
const AGENT_COLOUR = '#0969da';
const TEAM_COLOUR = '#8c959f';
const INK = '#1f2328';
const MUTED = '#57606a';
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';

const round = (value: number) => Math.round(value * 10) / 10;

function text(
	x: number,
	y: number,
	content: string,
	options: { size?: number; anchor?: 'start' | 'middle' | 'end'; fill?: string } = {}
): string {
	const { size = 10, anchor = 'start', fill = INK } = options;
	return `<text x="${round(x)}" y="${round(y)}" font-size="${size}" text-anchor="${anchor}" fill="${fill}" ${FONT}>${escapeXml(content)}</text>`;
}

/** Polyline segments through the weeks that have a value: a week without one breaks the line. */
function lineSegments(points: readonly ({ x: number; y: number } | null)[]): string[] {
	const segments: string[] = [];
	let current: string[] = [];
	for (const point of [...points, null]) {
		if (point === null) {
			if (current.length > 1) segments.push(current.join(' '));
			current = [];
		} else current.push(`${round(point.x)},${round(point.y)}`);
	}
	return segments;
}

/**
 * The scorecard's weekly trend (an HTML table on the page) as SVG marks: tickets per week as
 * bars, the agent's median first response beside the team's as lines on one duration axis
 * (a week without a reply has no point: the line breaks, it never drops to 0), and the CSAT
 * share per week as text. Each bar and point carries its week and value (`data-week`,
 * `data-value`), so a file can be checked against the table. Weeks are the agent's; the team
 * line uses the team's value of the same week.
 */
export function agentTrendSvgBody(
	weeks: readonly WeekPoint[],
	teamWeeks: readonly WeekPoint[],
	labels: AgentTrendSvgText
): { body: string; width: number; height: number } {
	const width = LEFT + Math.max(1, weeks.length) * COLUMN + RIGHT;
	const team = new Map(teamWeeks.map((week) => [week.weekStart, week]));
	const columnX = (index: number) => LEFT + index * COLUMN + COLUMN / 2;
	const parts: string[] = [];

	// Tickets per week.
	const maxTickets = Math.max(1, ...weeks.map((week) => week.tickets));
	parts.push(text(8, BAR_TOP - 10, labels.tickets, { size: 12, fill: MUTED }));
	parts.push(
		`<line x1="${LEFT}" y1="${BAR_TOP + BAR_HEIGHT}" x2="${width - RIGHT}" y2="${BAR_TOP + BAR_HEIGHT}" stroke="#d0d7de" stroke-width="1"/>`
	);
	weeks.forEach((week, index) => {
		const height = (week.tickets / maxTickets) * BAR_HEIGHT;
		const x = columnX(index);
		parts.push(
			`<rect x="${round(x - COLUMN * 0.3)}" y="${round(BAR_TOP + BAR_HEIGHT - height)}" width="${round(COLUMN * 0.6)}" height="${round(height)}" fill="${AGENT_COLOUR}" data-week="${week.weekStart}" data-value="${week.tickets}"/>`
		);
		parts.push(
			text(x, BAR_TOP + BAR_HEIGHT - height - 3, labels.count(week.tickets), { anchor: 'middle' })
		);
	});

	// Median first response: the agent's and the team's, one axis from 0 to the largest.
	const agentValues = weeks.map((week) => week.firstResponseMedianSeconds);
	const teamValues = weeks.map(
		(week) => team.get(week.weekStart)?.firstResponseMedianSeconds ?? null
	);
	const finite = [...agentValues, ...teamValues].filter(
		(value): value is number => value !== null && Number.isFinite(value) && value >= 0
	);
	const maxSeconds = Math.max(1, ...finite);
	const yOf = (seconds: number) =>
		LINE_TOP + LINE_HEIGHT - (Math.max(0, seconds) / maxSeconds) * LINE_HEIGHT;
	parts.push(text(8, LINE_TOP - 22, labels.firstResponse, { size: 12, fill: MUTED }));
	parts.push(
		`<line x1="${LEFT + 8}" y1="${LINE_TOP - 14}" x2="${LEFT + 28}" y2="${LINE_TOP - 14}" stroke="${AGENT_COLOUR}" stroke-width="2"/>`,
		text(LEFT + 32, LINE_TOP - 10, labels.agentLine, { fill: MUTED }),
		`<line x1="${LEFT + 148}" y1="${LINE_TOP - 14}" x2="${LEFT + 168}" y2="${LINE_TOP - 14}" stroke="${TEAM_COLOUR}" stroke-width="2" stroke-dasharray="4 3"/>`,
		text(LEFT + 172, LINE_TOP - 10, labels.teamLine, { fill: MUTED })
	);
	for (const [value, y] of [
		[maxSeconds, LINE_TOP],
		[0, LINE_TOP + LINE_HEIGHT]
	] as const) {
		parts.push(text(LEFT - 8, y + 4, labels.duration(value), { anchor: 'end', fill: MUTED }));
		parts.push(
			`<line x1="${LEFT}" y1="${y}" x2="${width - RIGHT}" y2="${y}" stroke="#d0d7de" stroke-width="1"/>`
		);
	}
	const points = (values: readonly (number | null)[]) =>
		values.map((value, index) =>
			value === null || !Number.isFinite(value) ? null : { x: columnX(index), y: yOf(value) }
		);
	for (const segment of lineSegments(points(teamValues)))
		parts.push(
			`<polyline points="${segment}" fill="none" stroke="${TEAM_COLOUR}" stroke-width="2" stroke-dasharray="4 3" data-series="team"/>`
		);
	for (const segment of lineSegments(points(agentValues)))
		parts.push(
			`<polyline points="${segment}" fill="none" stroke="${AGENT_COLOUR}" stroke-width="2" data-series="agent"/>`
		);
	weeks.forEach((week, index) => {
		const value = week.firstResponseMedianSeconds;
		if (value === null || !Number.isFinite(value)) return;
		parts.push(
			`<circle cx="${round(columnX(index))}" cy="${round(yOf(value))}" r="3" fill="${AGENT_COLOUR}" data-week="${week.weekStart}" data-value="${value}" data-n="${week.firstResponseN}"/>`
		);
	});

	// CSAT share per week (with its n), and the weeks.
	parts.push(text(8, CSAT_Y, labels.csat, { size: 12, fill: MUTED }));
	weeks.forEach((week, index) => {
		const x = columnX(index);
		parts.push(
			text(
				x,
				CSAT_Y,
				week.csatSatisfiedRate === null ? '–' : labels.percent(week.csatSatisfiedRate),
				{ anchor: 'middle' }
			)
		);
		parts.push(
			text(x, CSAT_Y + 11, `n=${week.csatRated}`, { size: 8, anchor: 'middle', fill: MUTED })
		);
		parts.push(text(x, WEEK_Y, week.weekStart.slice(5), { anchor: 'middle', fill: MUTED }));
		parts.push(
			text(x, WEEK_Y + 11, week.weekStart.slice(0, 4), { size: 8, anchor: 'middle', fill: MUTED })
		);
	});
	return { body: parts.join(''), width, height: HEIGHT };
}
