import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * KPIs of a Zendesk-style CSV worked out here, independently of the app's code: the
 * definitions of the foundation issue, with numpy-style linear quantiles.
 */
export function expectedZendeskKpis(
	path: string,
	keep: (ticket: Record<string, string>) => boolean = () => true
): Record<string, number | null> {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	const byId = new Map<string, Record<string, string>>();
	for (const row of parsed.data) {
		const created = Date.parse((row['Created at'] ?? '').replace(' ', 'T'));
		if (Number.isNaN(created)) continue;
		const id = row['Id'] ?? '';
		// A later row of the same ticket fills in what it states.
		const earlier = byId.get(id) ?? {};
		const merged = { ...earlier };
		for (const [key, value] of Object.entries(row)) if (value !== '') merged[key] = value;
		byId.set(id, merged);
	}
	const tickets = [...byId.values()].filter(keep);
	const minutes = (text: string | undefined) => (text ? Number(text) * 60 : null);
	const firstResponses = tickets
		.map((t) => minutes(t['First reply time in minutes']))
		.filter((v): v is number => v !== null)
		.sort((a, b) => a - b);
	const resolved = tickets.filter((t) => ['Solved', 'Closed'].includes(t['Status'] ?? ''));
	const resolutions = resolved
		.map((t) => minutes(t['Full resolution time in minutes']))
		.filter((v): v is number => v !== null)
		.sort((a, b) => a - b);
	const rated = tickets.filter((t) => ['Good', 'Bad'].includes(t['Satisfaction Score'] ?? ''));
	return {
		tickets: tickets.length,
		first_response_median_s: quantile(firstResponses, 0.5),
		first_response_p90_s: quantile(firstResponses, 0.9),
		resolution_median_s: quantile(resolutions, 0.5),
		resolution_rate: tickets.length === 0 ? null : resolved.length / tickets.length,
		csat_satisfied_rate:
			rated.length === 0
				? null
				: rated.filter((t) => t['Satisfaction Score'] === 'Good').length / rated.length,
		csat_mean: null
	};
}

function quantile(sorted: number[], q: number): number | null {
	if (sorted.length === 0) return null;
	const h = (sorted.length - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.ceil(h);
	return (sorted[lo] ?? 0) + (h - lo) * ((sorted[hi] ?? 0) - (sorted[lo] ?? 0));
}

export function expectKpisClose(
	actual: Record<string, number | null>,
	expected: Record<string, number | null>
): string[] {
	const problems: string[] = [];
	for (const [id, value] of Object.entries(expected)) {
		const got = actual[id];
		if (
			value === null
				? got !== null
				: got === null ||
					got === undefined ||
					Math.abs(got - value) > 1e-9 * Math.max(1, Math.abs(value))
		)
			problems.push(`${id}: expected ${value}, got ${got}`);
	}
	return problems;
}
