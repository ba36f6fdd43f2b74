/** Which way a KPI improves: fewer minutes to respond is better, more satisfied customers too. */
export type KpiPolarity = 'higher_is_better' | 'lower_is_better' | 'neutral';

export interface KpiDelta {
	/** current − previous, in the KPI's base unit. */
	change: number;
	/** change / |previous|; null when the previous value is 0. */
	relative: number | null;
	direction: 'up' | 'down' | 'flat';
	/** Whether the change is good news; 'neutral' for KPIs where neither way is better (volume). */
	verdict: 'better' | 'worse' | 'neutral';
}

/** Change of a KPI from the previous period; null when either period has no value. */
export function kpiDelta(
	current: number | null,
	previous: number | null,
	polarity: KpiPolarity
): KpiDelta | null {
	if (
		current === null ||
		previous === null ||
		!Number.isFinite(current) ||
		!Number.isFinite(previous)
	)
		return null;
	const change = current - previous;
	// Differences below rounding noise of the base unit read as "no change".
	const tolerance = 1e-9 * Math.max(1, Math.abs(current), Math.abs(previous));
	const direction = Math.abs(change) <= tolerance ? 'flat' : change > 0 ? 'up' : 'down';
	const verdict =
		direction === 'flat' || polarity === 'neutral'
			? 'neutral'
			: (direction === 'up') === (polarity === 'higher_is_better')
				? 'better'
				: 'worse';
	return {
		change: direction === 'flat' ? 0 : change,
		relative: previous === 0 ? null : (direction === 'flat' ? 0 : change) / Math.abs(previous),
		direction,
		verdict
	};
}

/**
 * Polarity per KPI id. Durations improve downwards, rates and satisfaction upwards; volume is
 * neutral. A KPI id not listed here is treated as neutral (shown without good/bad colour), so a
 * new KPI never gets a wrong colour by default; id patterns cover the usual names.
 */
export function kpiPolarity(id: string): KpiPolarity {
	const explicit: Record<string, KpiPolarity> = {
		tickets: 'neutral',
		resolution_rate: 'higher_is_better',
		csat_satisfied_rate: 'higher_is_better',
		csat_mean: 'higher_is_better'
	};
	const known = explicit[id];
	if (known !== undefined) return known;
	if (id.endsWith('_s')) return 'lower_is_better';
	if (/reopen|backlog/.test(id)) return 'lower_is_better';
	if (/one_touch|sla|attainment|csat|nps/.test(id)) return 'higher_is_better';
	return 'neutral';
}
