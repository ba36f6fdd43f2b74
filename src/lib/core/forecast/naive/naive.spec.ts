import { describe, expect, it } from 'vitest';
import { isSeasonal, multiplicativeSeasonalIndices } from '../shared/decompose';
import { Naive2 } from './naive2';
import { SeasonalNaive } from './seasonal-naive';

describe('SeasonalNaive', () => {
	it('repeats the last season and widens intervals per whole season ahead', () => {
		// Period 3: seasonal differences 2, 2, 4 → σ = √((4 + 4 + 16)/3) = √8
		const model = new SeasonalNaive({ period: 3 });
		model.fit(Float64Array.from([10, 20, 30, 12, 22, 34]));
		const { mean, intervals } = model.predict(5, [95]);
		expect([...mean]).toEqual([12, 22, 34, 12, 22]);
		const z95 = 1.959963985;
		const [band] = intervals;
		expect(band!.upper[0]).toBeCloseTo(12 + z95 * Math.sqrt(8), 6);
		expect(band!.lower[3]).toBeCloseTo(12 - z95 * Math.sqrt(8) * Math.SQRT2, 6);
	});
});

describe('Naive2', () => {
	it('falls back to plain naive when the series is too short for the seasonality test', () => {
		// n = 8 < 3·period 3·4: not seasonal → last value carried forward; σ from first differences
		const model = new Naive2({ period: 4 });
		model.fit(Float64Array.from([5, 7, 6, 8, 9, 7, 10, 11]));
		const { mean, intervals } = model.predict(3, [80]);
		expect([...mean]).toEqual([11, 11, 11]);
		// differences 2,−1,2,1,−2,3,1 → Σd² = 24, σ = √(24/7)
		const sigma = Math.sqrt(24 / 7);
		expect(intervals[0]!.upper[2]).toBeCloseTo(11 + 1.281551566 * sigma * Math.sqrt(3), 6);
	});

	it('divides by classical multiplicative indices and re-seasonalises (hand-computed)', () => {
		// Period 2, a pure seasonal pattern ×1.2 / ×0.8 around a level of 10, 6 cycles:
		// centred MA (½,1,½)/2 = 10 everywhere, ratios 1.2/0.8, indices 1.2, 0.8 (mean 1).
		const series = Float64Array.from({ length: 12 }, (_, t) => (t % 2 === 0 ? 12 : 8));
		expect(isSeasonal(series, 2)).toBe(true);
		const indices = multiplicativeSeasonalIndices(series, 2);
		expect(indices[0]).toBeCloseTo(1.2, 12);
		expect(indices[1]).toBeCloseTo(0.8, 12);
		const model = new Naive2({ period: 2 });
		model.fit(series);
		// Last value 8 at position 11 (index 0.8) → adjusted 10; next positions 12, 13, 14.
		expect([...model.predict(3).mean].map((v) => +v.toFixed(10))).toEqual([12, 8, 12]);
	});

	it('matches R decompose() indices on an uneven example', () => {
		// x = 2,4,6,3,5,8,4,6,9 with period 3 (odd → plain MA of 3):
		// MA at t=1..7: 4, 13/3, 14/3, 16/3, 17/3, 6, 19/3
		// ratios: t1 4/4=1, t2 6/(13/3)=18/13, t3 3/(14/3)=9/14, t4 5/(16/3)=15/16,
		//         t5 8/(17/3)=24/17, t6 4/6=2/3, t7 6/(19/3)=18/19
		// position 0 (t3,t6): (9/14 + 2/3)/2; position 1 (t1,t4,t7): (1 + 15/16 + 18/19)/3;
		// position 2 (t2,t5): (18/13 + 24/17)/2; then each divided by the mean of the three.
		const x = Float64Array.from([2, 4, 6, 3, 5, 8, 4, 6, 9]);
		const raw = [(9 / 14 + 2 / 3) / 2, (1 + 15 / 16 + 18 / 19) / 3, (18 / 13 + 24 / 17) / 2];
		const average = (raw[0]! + raw[1]! + raw[2]!) / 3;
		const indices = multiplicativeSeasonalIndices(x, 3);
		raw.forEach((value, k) => expect(indices[k]).toBeCloseTo(value / average, 12));
	});
});
