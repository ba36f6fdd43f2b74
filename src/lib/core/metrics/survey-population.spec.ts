import { describe, expect, it } from 'vitest';
import { netPromoterScore } from './nps';
import { surveySatisfiedRate } from './survey-csat';
import { classifySurveyAnswer, surveyPopulation } from './survey-population';

// Codes (SURVEY_SCALES order): 0 none, 1 good_bad, 2 five_point, 3 zero_to_ten.
const scores = [1, 0, 2, 5, 3, 7, NaN, 10, 9, 6, 8, 7.5, 11, NaN, 4];
const scales = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 0];

describe('classifySurveyAnswer', () => {
	it('CSAT: good/bad 0-1 and five-point 1-5 count; other values are excluded; NPS is out', () => {
		const parts = scores.map((score, i) =>
			classifySurveyAnswer('survey_csat_rate', score, scales[i] ?? 0)
		);
		expect(parts).toEqual([
			'included',
			'included',
			'excluded',
			'included',
			'included',
			'excluded',
			'no_score',
			...Array(7).fill('other_scale'),
			'other_scale'
		]);
	});

	it('NPS: whole numbers 0-10 on the 0-10 scale count; 7.5 and 11 are excluded', () => {
		const parts = scores.map((score, i) =>
			classifySurveyAnswer('survey_nps', score, scales[i] ?? 0)
		);
		expect(parts).toEqual([
			...Array(7).fill('other_scale'),
			'included',
			'included',
			'included',
			'included',
			'excluded',
			'excluded',
			'no_score',
			'other_scale'
		]);
	});

	it('its counts are the n and excluded of the KPI functions', () => {
		const csat = surveySatisfiedRate(scores, scales);
		expect(surveyPopulation('survey_csat_rate', scores, scales)).toEqual({
			included: csat.n,
			excluded: csat.excluded,
			other_scale: 8,
			no_score: 1
		});
		expect(csat).toEqual({ value: 2 / 4, n: 4, excluded: 2 });
		const npsScores = scores.filter((_, i) => scales[i] === 3);
		const nps = netPromoterScore(npsScores);
		expect(surveyPopulation('survey_nps', scores, scales)).toEqual({
			included: nps.n,
			excluded: nps.excluded,
			other_scale: 8,
			no_score: 1
		});
		// 10 and 9 promote, 6 detracts, 8 is passive: (2 − 1) / 4 = 25 points.
		expect(nps).toEqual({ value: 25, n: 4, excluded: 2 });
	});
});
