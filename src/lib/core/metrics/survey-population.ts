import { SURVEY_SCALES } from '../model/survey';

/** The survey tiles that explain their population ("How is this computed?"). */
export const SURVEY_KPI_IDS = ['survey_csat_rate', 'survey_nps'] as const;
export type SurveyKpiId = (typeof SURVEY_KPI_IDS)[number];

/**
 * Where one survey answer falls for a survey KPI: counted (`included`, its n), dropped as
 * impossible (`excluded`: a score outside its scale), or out of scope: an answer on another
 * scale (`other_scale`: NPS answers are not CSAT, CSAT answers are not NPS) or without a score
 * (`no_score`). The same rules as surveySatisfiedRate and netPromoterScore; a spec checks the
 * counts equal their n and excluded.
 */
export type SurveyAnswerPart = 'included' | 'excluded' | 'other_scale' | 'no_score';

const GOOD_BAD = SURVEY_SCALES.indexOf('good_bad');
const FIVE_POINT = SURVEY_SCALES.indexOf('five_point');
const ZERO_TO_TEN = SURVEY_SCALES.indexOf('zero_to_ten');

export function classifySurveyAnswer(
	kpi: SurveyKpiId,
	score: number,
	scaleCode: number
): SurveyAnswerPart {
	if (kpi === 'survey_nps') {
		if (scaleCode !== ZERO_TO_TEN) return 'other_scale';
		if (Number.isNaN(score)) return 'no_score';
		return Number.isInteger(score) && score >= 0 && score <= 10 ? 'included' : 'excluded';
	}
	if (scaleCode === GOOD_BAD) {
		if (Number.isNaN(score)) return 'no_score';
		return score === 0 || score === 1 ? 'included' : 'excluded';
	}
	if (scaleCode === FIVE_POINT) {
		if (Number.isNaN(score)) return 'no_score';
		return score >= 1 && score <= 5 ? 'included' : 'excluded';
	}
	return 'other_scale';
}

export type SurveyPopulation = Record<SurveyAnswerPart, number>;

/** How many answers fall in each part, for the explain panel. */
export function surveyPopulation(
	kpi: SurveyKpiId,
	scores: ArrayLike<number>,
	scaleCodes: ArrayLike<number>
): SurveyPopulation {
	const counts: SurveyPopulation = { included: 0, excluded: 0, other_scale: 0, no_score: 0 };
	for (let i = 0; i < scores.length; i++)
		counts[classifySurveyAnswer(kpi, scores[i] ?? NaN, scaleCodes[i] ?? 0)]++;
	return counts;
}
