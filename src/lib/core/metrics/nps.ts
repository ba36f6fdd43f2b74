import type { KpiResult } from './ticket-count';

export interface NpsResult extends KpiResult {
	promoters: number;
	passives: number;
	detractors: number;
}

/**
 * Net Promoter Score of 0..10 answers: % promoters (9-10) minus % detractors (0-6), in points
 * from -100 to 100. Values that are not whole numbers 0..10 are excluded; no answers → null.
 */
export function netPromoterScore(answers: ArrayLike<number>): NpsResult {
	let promoters = 0;
	let passives = 0;
	let detractors = 0;
	let excluded = 0;
	for (let i = 0; i < answers.length; i++) {
		const score = answers[i] ?? NaN;
		if (Number.isNaN(score)) continue;
		if (!Number.isInteger(score) || score < 0 || score > 10) excluded++;
		else if (score >= 9) promoters++;
		else if (score >= 7) passives++;
		else detractors++;
	}
	const n = promoters + passives + detractors;
	return {
		value: n === 0 ? null : ((promoters - detractors) / n) * 100,
		n,
		excluded,
		promoters,
		passives,
		detractors
	};
}
