import { describe, expect, it } from 'vitest';
import { seededNormal } from '../shared/random';
import { loessSmooth } from './loess';
import { MstlEtsForecaster } from './mstl-ets';
import { mstl } from './stl';

const daily = (t: number) => Math.sin((2 * Math.PI * t) / 24);
const weekly = (t: number) => 0.5 * Math.cos((2 * Math.PI * t) / 168);

describe('loess', () => {
	it('reproduces a straight line exactly (local linear), with or without jumps', () => {
		const line = Float64Array.from({ length: 100 }, (_, t) => 2 + 0.5 * t);
		for (const jump of [1, 7]) {
			const smooth = loessSmooth(line, 21, 1, jump);
			smooth.forEach((value, t) => expect(value).toBeCloseTo(line[t]!, 9));
		}
	});
});

describe('MSTL', () => {
	it('separates a daily and a weekly cycle and a linear trend (4 weeks, noiseless)', () => {
		const n = 24 * 7 * 6;
		const series = Float64Array.from({ length: n }, (_, t) => 0.01 * t + daily(t) + weekly(t));
		const { seasonals, trend, periods } = mstl(series, [168, 24]);
		expect(periods).toEqual([24, 168]);
		// Away from the ends (one week each side): daily and trend within 0.05, weekly within 0.1
		// (20 % of its amplitude: with 6 cycles and two inner passes, as R's mstl, some of the
		// trend is still in the weekly subseries).
		for (let t = 168; t < n - 168; t++) {
			expect(Math.abs(seasonals[0]![t]! - daily(t))).toBeLessThan(0.05);
			expect(Math.abs(seasonals[1]![t]! - weekly(t))).toBeLessThan(0.1);
			expect(Math.abs(trend[t]! - 0.01 * t)).toBeLessThan(0.05);
		}
	});

	it('drops periods that do not fit twice', () => {
		const series = Float64Array.from({ length: 300 }, (_, t) => daily(t));
		expect(mstl(series, [24, 168]).periods).toEqual([24]);
	});

	it('forecasts a noisy two-cycle series to within 5 % (mean absolute percentage error)', () => {
		const noise = seededNormal(4);
		const n = 24 * 7 * 5;
		const level = (t: number) => Math.exp(4 + 0.3 * daily(t) + 0.3 * weekly(t));
		const series = Float64Array.from({ length: n }, (_, t) => level(t) * Math.exp(0.02 * noise()));
		const model = new MstlEtsForecaster({ periods: [24, 168] });
		model.fit(series);
		const { mean } = model.predict(48, []);
		let error = 0;
		for (let h = 0; h < 48; h++) error += Math.abs(mean[h]! / level(n + h) - 1) / 48;
		expect(error).toBeLessThan(0.05);
	});
});
