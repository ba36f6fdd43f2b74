import { describe, expect, it } from 'vitest';
import { mase, owa, seasonalNaiveScale, smape } from './metrics';

describe('M4 metrics, worked example', () => {
	// Training x = 10, 20, 30, 12, 22, 34 with m = 3; actual 14, 24; forecast 12, 30.
	const training = [10, 20, 30, 12, 22, 34];
	const actual = [14, 24];
	const forecast = [12, 30];

	it('sMAPE: mean of 200·|y−f|/(|y|+|f|)', () => {
		// h1: 200·2/26 = 15.384615…; h2: 200·6/54 = 22.222222…; mean 18.803418…
		expect(smape(actual, forecast)).toBeCloseTo((400 / 26 + 1200 / 54) / 2, 12);
		expect(smape(actual, forecast)).toBeCloseTo(18.803418803, 8);
	});

	it('MASE: MAE over the in-sample seasonal naive MAE', () => {
		// scale = (|12−10| + |22−20| + |34−30|) / 3 = 8/3; MAE = (2 + 6)/2 = 4; MASE = 1.5
		expect(seasonalNaiveScale(training, 3)).toBeCloseTo(8 / 3, 12);
		expect(mase(actual, forecast, training, 3)).toBeCloseTo(1.5, 12);
	});

	it('OWA from set-level averages reproduces the published sNaive Hourly figure', () => {
		// Anchors §2: ½·(13.912/18.383 + 1.193/2.395) = 0.6275
		const value = owa({ smape: 13.912, mase: 1.193 }, { smape: 18.383, mase: 2.395 });
		expect(value).toBeCloseTo(0.6275, 4);
		expect(owa({ smape: 18.383, mase: 2.395 }, { smape: 18.383, mase: 2.395 })).toBe(1);
	});

	it('sMAPE counts a zero forecast of a zero actual as no error', () => {
		expect(smape([0, 10], [0, 10])).toBe(0);
	});
});
