import { CSAT_SCALES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import type { KpiResult } from './ticket-count';

const GOOD_BAD_CODE = codeOf(CSAT_SCALES, 'good_bad');
const FIVE_POINT_CODE = codeOf(CSAT_SCALES, 'five_point');

/** Good/Bad is stored 1/0; anything else on that scale cannot come from a survey. */
const isValidGoodBad = (score: number): boolean => score === 0 || score === 1;
const isValidFivePoint = (score: number): boolean => score >= 1 && score <= 5;

/**
 * Satisfied share of rated tickets (0..1): Good on the good/bad scale, 4 or 5 on the five-point
 * scale (top-2-box, as Gorgias, Chatwoot and Zendesk's new scale do), so both scales pool.
 * Rated = a scale is set and the score is finite; scores outside their scale are excluded.
 */
export function csatSatisfiedRate(columns: TicketColumns): KpiResult {
	const scales = columns.csatScaleCodes;
	const scores = columns.csatScores;
	const size = Math.min(columns.size, scales.length, scores.length);
	let rated = 0;
	let satisfied = 0;
	let excluded = 0;
	for (let i = 0; i < size; i++) {
		const scale = scales[i];
		const score = scores[i] ?? NaN;
		if (scale === 0 || !Number.isFinite(score)) continue;
		if (scale === GOOD_BAD_CODE) {
			if (!isValidGoodBad(score)) {
				excluded++;
				continue;
			}
			rated++;
			if (score === 1) satisfied++;
		} else if (scale === FIVE_POINT_CODE) {
			if (!isValidFivePoint(score)) {
				excluded++;
				continue;
			}
			rated++;
			if (score >= 4) satisfied++;
		} else {
			// An unknown scale code cannot be interpreted.
			excluded++;
		}
	}
	return { value: rated === 0 ? null : satisfied / rated, n: rated, excluded };
}

/**
 * Mean five-point score (1..5). Good/bad answers have no meaningful mean, so they are out of
 * scope; five-point scores outside 1..5 are excluded.
 */
export function csatMean(columns: TicketColumns): KpiResult {
	const scales = columns.csatScaleCodes;
	const scores = columns.csatScores;
	const size = Math.min(columns.size, scales.length, scores.length);
	let count = 0;
	let sum = 0;
	let excluded = 0;
	for (let i = 0; i < size; i++) {
		if (scales[i] !== FIVE_POINT_CODE) continue;
		const score = scores[i] ?? NaN;
		if (!Number.isFinite(score)) continue;
		if (!isValidFivePoint(score)) {
			excluded++;
			continue;
		}
		count++;
		sum += score;
	}
	return { value: count === 0 ? null : sum / count, n: count, excluded };
}
