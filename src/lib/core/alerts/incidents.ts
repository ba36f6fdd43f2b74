import type { MetricKind } from './monitored-series';
import type { Severity, SeriesAlert } from './group-alerts';

/**
 * One incident: alerts on related series that overlap in time (a sale shows on daily and
 * hourly volume, its channel and tag, complaints and the backlog at once). The merchant reads
 * one story with its members instead of six cards.
 */
export interface Incident<A extends SeriesAlert = SeriesAlert> {
	/** The lead alert's id: stable across recomputations as alert ids are. */
	id: string;
	/** The lead first (most severe, whole-shop before a segment), then the others in order. */
	members: A[];
	startWallMs: number;
	/** Wall-clock ms of the last member's last point (its start). */
	endWallMs: number;
	severity: Severity;
	/** Metric kinds present, in the order of KIND_ORDER. */
	kinds: MetricKind[];
}

const KIND_ORDER: readonly MetricKind[] = [
	'volume',
	'complaints',
	'backlog',
	'first_response_median',
	'resolution_median',
	'negative_share',
	'csat_satisfied_rate'
];

/**
 * Which metrics move together for one cause, and in which relative direction (+1 same, −1
 * opposite): demand (volume, complaints) fills the backlog; a backlog slows replies and
 * resolutions; slow replies lower satisfaction. Kinds not listed are unrelated (a volume surge
 * and a CSAT drop on the same days are two stories unless replies slowed between them).
 */
const RELATED: ReadonlyMap<string, 1 | -1> = new Map([
	['volume|volume', 1],
	['volume|complaints', 1],
	['volume|backlog', 1],
	['complaints|complaints', 1],
	['complaints|backlog', 1],
	['backlog|backlog', 1],
	['backlog|first_response_median', 1],
	['backlog|resolution_median', 1],
	['first_response_median|first_response_median', 1],
	['first_response_median|resolution_median', 1],
	['resolution_median|resolution_median', 1],
	['first_response_median|csat_satisfied_rate', -1],
	['resolution_median|csat_satisfied_rate', -1],
	['csat_satisfied_rate|csat_satisfied_rate', 1],
	['complaints|negative_share', 1],
	['first_response_median|negative_share', 1],
	['negative_share|negative_share', 1],
	['negative_share|csat_satisfied_rate', -1]
]);

function relation(a: MetricKind, b: MetricKind): 1 | -1 | undefined {
	return RELATED.get(`${a}|${b}`) ?? RELATED.get(`${b}|${a}`);
}

const DAY_MS = 86_400_000;

/** The alert's span in wall-clock ms, end exclusive (a day alert covers its whole last day). */
function span(alert: SeriesAlert): [number, number] {
	const step = alert.granularity === 'day' ? DAY_MS : 3_600_000;
	return [alert.startWallMs, alert.endWallMs + step];
}

/** Related kinds, moving the way the relation says, with overlapping spans. */
export function areRelated(a: SeriesAlert, b: SeriesAlert): boolean {
	const sign = relation(a.kind, b.kind);
	if (sign === undefined) return false;
	const sameWay = a.direction === b.direction;
	if (sameWay !== (sign === 1)) return false;
	const [startA, endA] = span(a);
	const [startB, endB] = span(b);
	return startA < endB && startB < endA;
}

const SEVERITY_RANK = { high: 2, medium: 1, low: 0 } as const;

/**
 * Members: the most severe first, then the earliest (the cause tends to show before its
 * consequences: the sale's volume before the backlog and the slow replies), whole-shop series
 * before segments, days before hours, demand before its effects (KIND_ORDER), then the higher
 * score.
 */
export function compareMembers(a: SeriesAlert, b: SeriesAlert): number {
	return (
		SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
		a.startWallMs - b.startWallMs ||
		Number(a.segment !== null) - Number(b.segment !== null) ||
		Number(a.granularity !== 'day') - Number(b.granularity !== 'day') ||
		KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
		b.peakScore - a.peakScore ||
		(a.id < b.id ? -1 : 1)
	);
}

/**
 * Groups alerts into incidents: connected components of `areRelated` (a chain volume → backlog
 * → first response joins all three). Members follow `compareMembers` (the lead is the first);
 * incidents follow `compare` applied to their leads (the page's alert order).
 */
export function groupIncidents<A extends SeriesAlert>(
	alerts: readonly A[],
	compare: (a: A, b: A) => number
): Incident<A>[] {
	const parent = alerts.map((_, index) => index);
	const find = (index: number): number => {
		while (parent[index] !== index) {
			parent[index] = parent[parent[index]!]!;
			index = parent[index]!;
		}
		return index;
	};
	for (let i = 0; i < alerts.length; i++) {
		for (let j = i + 1; j < alerts.length; j++) {
			if (areRelated(alerts[i]!, alerts[j]!)) parent[find(i)] = find(j);
		}
	}
	const groups = new Map<number, A[]>();
	alerts.forEach((alert, index) => {
		const root = find(index);
		groups.set(root, [...(groups.get(root) ?? []), alert]);
	});
	const incidents = [...groups.values()].map((members): Incident<A> => {
		members.sort(compareMembers);
		const lead = members[0]!;
		const present = new Set(members.map((m) => m.kind));
		return {
			id: lead.id,
			members,
			startWallMs: Math.min(...members.map((m) => m.startWallMs)),
			endWallMs: Math.max(...members.map((m) => m.endWallMs)),
			severity: lead.severity,
			kinds: KIND_ORDER.filter((kind) => present.has(kind))
		};
	});
	return incidents.sort((a, b) => compare(a.members[0]!, b.members[0]!));
}
