import { describe, expect, it } from 'vitest';
import { nabProfile } from './profiles';
import { normaliseScore, optimiseThreshold, scoreCorpus, scoreFile, sweepRows } from './score';
import { probationLength, scaledSigmoid } from './sigmoid';

/**
 * Hand-worked example: 100 rows, probation min(⌊0.15·100⌋, 750) = 15 rows, one window at
 * rows 40–49 (width 10). σ(−1) = 0.986614, σ(−0.5) = 0.848297.
 */
const window = { left: 40, right: 49 };

function scoresWith(detections: Record<number, number>): Float64Array {
	const scores = new Float64Array(100);
	for (const [row, score] of Object.entries(detections)) scores[Number(row)] = score;
	return scores;
}

describe('scaled sigmoid and probation', () => {
	it('matches the published formula', () => {
		expect(scaledSigmoid(-1)).toBeCloseTo(0.986614, 6);
		expect(scaledSigmoid(0)).toBe(0);
		expect(scaledSigmoid(3.01)).toBe(-1);
		expect(probationLength(100)).toBe(15);
		expect(probationLength(20_000)).toBe(750);
	});
});

describe('NAB scoring on a hand-worked file', () => {
	// Detections: row 10 (probation: ignored), row 20 (before any window: −A_FP),
	// rows 45 and 47 (in the window: only the earlier, y = −(49−45+1)/10 = −0.5, counts:
	// 0.848297/0.986614 = 0.859793), row 50 (one row past the window: y = 1/9, A_FP·σ(1/9)
	// = 0.11·(−0.270847) = −0.029793).
	const file = {
		name: 'tiny.csv',
		scores: scoresWith({ 10: 0.9, 20: 0.9, 45: 0.9, 47: 0.9, 50: 0.9 }),
		windows: [window]
	};

	it('gives each row its weighted score', () => {
		const { weighted } = sweepRows(100, [window], nabProfile('standard'));
		expect(weighted[40]).toBeCloseTo(1, 9);
		expect(weighted[45]).toBeCloseTo(0.859793, 6);
		expect(weighted[20]).toBeCloseTo(-0.11, 9);
		expect(weighted[59]).toBeCloseTo(-0.109153, 6);
		expect(weighted[99]).toBeCloseTo(-0.11, 9);
	});

	it('scores the standard profile: −0.11 + 0.859793 − 0.029793 = 0.719999', () => {
		const result = scoreFile(file, nabProfile('standard'), 0.5);
		expect(result.score).toBeCloseTo(0.719999, 5);
		expect(result).toMatchObject({ tp: 2, fp: 2, fn: 8, tn: 73 });
		// Normalised with one window: 100·(0.719999 + 1)/(1 + 1) = 86.0.
		expect(normaliseScore(result.score, 1, nabProfile('standard'))).toBeCloseTo(86.0, 3);
	});

	it('scores the low-FP profile (A_FP = 0.22): 0.580206', () => {
		expect(scoreFile(file, nabProfile('reward_low_FP_rate'), 0.5).score).toBeCloseTo(0.580206, 5);
	});

	it('scores the low-FN profile: normalised 100·(0.719999 + 2)/3 = 90.667', () => {
		const corpus = scoreCorpus([file], nabProfile('reward_low_FN_rate'), 0.5);
		expect(corpus.raw).toBeCloseTo(0.719999, 5);
		expect(corpus.normalised).toBeCloseTo(90.6666, 3);
	});

	it('scores a missed window as −A_FN and the null detector as 0', () => {
		const empty = { name: 'none.csv', scores: new Float64Array(100), windows: [window] };
		const corpus = scoreCorpus([empty], nabProfile('reward_low_FN_rate'), 0.5);
		expect(corpus.raw).toBe(-2);
		expect(corpus.normalised).toBe(0);
	});

	it('picks the corpus threshold that maximises the raw score', () => {
		// θ = 0.9: row 45 alone → 0.859793; θ = 0.8: + row 20 → 0.749793;
		// θ = 0.7: row 40 lifts the window to 1 → 1 − 0.11 = 0.89 (the best).
		const sweep = {
			name: 'sweep.csv',
			scores: scoresWith({ 45: 0.9, 20: 0.8, 40: 0.7 }),
			windows: [window]
		};
		const best = optimiseThreshold([sweep], nabProfile('standard'));
		expect(best.threshold).toBe(0.7);
		expect(best.raw).toBeCloseTo(0.89, 9);
		expect(scoreCorpus([sweep], nabProfile('standard'), 0.8).raw).toBeCloseTo(0.749793, 6);
	});
});
