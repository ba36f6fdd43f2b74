import type { KpiResult } from './ticket-count';

/**
 * Net Promoter Score from 0-10 answers: % promoters (9-10) − % detractors (0-6), −100..100.
 * Answers that are not whole numbers 0..10 are excluded. Not on the dashboard yet: tickets carry
 * CSAT (good/bad, 1-5), and 0-10 survey answers live in imported surveys (surveyChunks).
 */
export function netPromoterScore(scores: ArrayLike<number>): KpiResult {
	let n = 0;
	let promoters = 0;
	let detractors = 0;
	let excluded = 0;
	for (let i = 0; i < scores.length; i++) {
		const score = scores[i] ?? NaN;
		if (Number.isNaN(score)) continue;
		if (!Number.isInteger(score) || score < 0 || score > 10) {
			excluded++;
			continue;
		}
		n++;
		if (score >= 9) promoters++;
		else if (score <= 6) detractors++;
	}
	return { value: n === 0 ? null : (100 * (promoters - detractors)) / n, n, excluded };
}
