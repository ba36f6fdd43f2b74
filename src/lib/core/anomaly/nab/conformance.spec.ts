import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNabCsv } from './csv';
import { NAB_PROFILES } from './profiles';
import { normaliseScore, scoreFile } from './score';
import { windowsToRows } from './windows';

/** NAB's own files, shared beside the repository; the checks skip when they are absent. */
const NAB_DIR = join(process.cwd(), '..', 'shared', 'datasets', 'nab');
const present = existsSync(join(NAB_DIR, 'results', 'numenta'));

const FIXTURES = [
	'realTweets/Twitter_volume_AAPL.csv',
	'realKnownCause/nyc_taxi.csv',
	'artificialWithAnomaly/art_daily_jumpsup.csv'
];

type Thresholds = Record<string, Record<string, { score: number; threshold: number }>>;

function read(path: string): string {
	return readFileSync(join(NAB_DIR, path), 'utf8');
}

/** `Detector,Profile,File,Threshold,Score,TP,TN,FP,FN,Total_Count` rows keyed by file. */
function publishedRows(detector: string, profile: string): Map<string, string[]> {
	const lines = read(`results/${detector}/${detector}_${profile}_scores.csv`).trim().split('\n');
	return new Map(lines.slice(1).map((line) => [line.split(',')[2], line.split(',')]));
}

describe.skipIf(!present)('NAB scorer against NAB’s published Numenta HTM results', () => {
	const windows = JSON.parse(read('labels/combined_windows.json')) as Record<
		string,
		[string, string][]
	>;
	const thresholds = JSON.parse(read('config/thresholds.json')) as Thresholds;

	for (const profile of NAB_PROFILES) {
		for (const file of FIXTURES) {
			it(`${profile.name}: ${file}`, () => {
				const [category, name] = file.split('/');
				const text = read(`results/numenta/${category}/numenta_${name}`);
				const lines = text.trim().split('\n').slice(1);
				const scores = lines.map((line) => Number(line.split(',')[2]));
				const series = parseNabCsv(read(`data/${file}`));
				expect(scores.length).toBe(series.values.length);
				const result = scoreFile(
					{ name: file, scores, windows: windowsToRows(series.timestamps, windows[file]) },
					profile,
					thresholds.numenta[profile.name].threshold
				);
				const row = publishedRows('numenta', profile.name).get(file);
				if (!row) throw new Error(`no published row for ${file}`);
				const [, , , , score, tp, tn, fp, fn] = row;
				expect(result.score).toBeCloseTo(Number(score), 6);
				expect(result).toMatchObject({ tp: +tp, tn: +tn, fp: +fp, fn: +fn });
			});
		}
	}

	it('normalises the published corpus totals into final_results.json', () => {
		const final = JSON.parse(read('results/final_results.json')) as Record<
			string,
			Record<string, number>
		>;
		for (const detector of ['numenta', 'ARTime', 'contextOSE']) {
			for (const profile of NAB_PROFILES) {
				const lines = read(`results/${detector}/${detector}_${profile.name}_scores.csv`).trim();
				const raw = Number(lines.split('\n').at(-1)?.split(',')[4]);
				expect(normaliseScore(raw, 116, profile)).toBeCloseTo(final[detector][profile.name], 4);
			}
		}
	});
});
