import { SURVEY_SCALES } from '../model/survey';
import type { KpiResult } from './ticket-count';

const GOOD_BAD = SURVEY_SCALES.indexOf('good_bad');
const FIVE_POINT = SURVEY_SCALES.indexOf('five_point');

/**
 * Satisfied share of survey answers on CSAT scales (0..1), the same rule as tickets: Good on
 * good/bad, 4-5 on 1..5 (top-2-box). NPS answers (0..10) are not CSAT and are left out; a
 * score that cannot be on its scale (good/bad other than 0 or 1, five-point outside 1..5) is
 * excluded, as for tickets.
 */
export function surveySatisfiedRate(
	scores: ArrayLike<number>,
	scaleCodes: ArrayLike<number>
): KpiResult {
	let rated = 0;
	let satisfied = 0;
	let excluded = 0;
	for (let i = 0; i < scores.length; i++) {
		const score = scores[i] ?? NaN;
		const scale = scaleCodes[i];
		if (Number.isNaN(score)) continue;
		if (scale === GOOD_BAD) {
			if (score !== 0 && score !== 1) excluded++;
			else {
				rated++;
				if (score === 1) satisfied++;
			}
		} else if (scale === FIVE_POINT) {
			if (!(score >= 1 && score <= 5)) excluded++;
			else {
				rated++;
				if (score >= 4) satisfied++;
			}
		}
	}
	return { value: rated === 0 ? null : satisfied / rated, n: rated, excluded };
}
