import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { explainSurveyKpi } from '$lib/state/source-tiles';
import { SURVEY_EXPLAIN_MESSAGES } from '$lib/i18n/survey-explain-messages';
import { importFile } from './import-file';
import { computeSourcesSummary, surveyAnswersCsv } from './sources-summary';

const fixture = (name: string) =>
	new Blob([readFileSync(new URL(`../../../tests/fixtures/exports/${name}`, import.meta.url))]);

let db: ServiceLensDb;
let counter = 0;
afterEach(async () => {
	await db.delete();
});

async function importBoth() {
	db = new ServiceLensDb(`survey-answers-test-${++counter}`);
	for (const name of ['csat-survey.csv', 'nps-survey.csv']) {
		const result = await importFile(db, fixture(name), { fileName: name, timeZone: 'UTC' });
		if (!result.ok) throw new Error(result.error.message);
	}
}

const rowsOf = async (blob: Blob) =>
	Papa.parse<Record<string, string>>((await blob.text()).replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: true
	}).data;

describe('the survey tiles explain their answers', () => {
	it('CSAT and NPS populations, their answers as CSV, and the panel texts', async () => {
		await importBoth();
		const summary = await computeSourcesSummary(db);
		// csat-survey.csv: Great, Not Good, 5, 2, Okay → 5 rated, satisfied Great and 5 = 2/5.
		// nps-survey.csv: 10, 9, 7, 3, 8 (r6 and r7 quarantined) → (2 − 1) / 5 = 20 points.
		expect(summary.surveyCsat).toEqual({ value: 0.4, n: 5, excluded: 0 });
		expect(summary.nps).toEqual({ value: 20, n: 5, excluded: 0 });
		expect(summary.surveyPopulations).toEqual({
			survey_csat_rate: { included: 5, excluded: 0, other_scale: 5, no_score: 0 },
			survey_nps: { included: 5, excluded: 0, other_scale: 5, no_score: 0 }
		});

		const csat = await rowsOf(await surveyAnswersCsv(db, 'survey_csat_rate', 'included', 'UTC'));
		expect(csat.map((row) => row['answer_id'])).toEqual(['s1', 's2', 's3', 's4', 's5']);
		expect(csat.map((row) => row['raw_score'])).toEqual(['Great', 'Not Good', '5', '2', 'Okay']);
		expect(csat[0]).toMatchObject({
			responded_at: '2026-07-01T13:00:00+00:00',
			ticket_id: '101',
			import_file: 'csat-survey.csv'
		});
		const nps = await rowsOf(await surveyAnswersCsv(db, 'survey_nps', 'included', 'UTC'));
		expect(nps.map((row) => [row['answer_id'], row['score']])).toEqual([
			['r1', '10'],
			['r2', '9'],
			['r3', '7'],
			['r4', '3'],
			['r5', '8']
		]);
		expect(await rowsOf(await surveyAnswersCsv(db, 'survey_nps', 'excluded', 'UTC'))).toEqual([]);

		const asked: string[] = [];
		const panel = explainSurveyKpi('survey_nps', summary, 'en', (kpi, part) =>
			asked.push(`${kpi}:${part}`)
		);
		expect(panel).toMatchObject({
			nText: 'Computed from 5 answers.',
			excludedText: 'No answer was excluded.',
			outText: 'Not counted: CSAT answers (5), as Good/Bad or 1–5 is not NPS.',
			excludedAction: null
		});
		panel.includedAction?.onSelect();
		expect(asked).toEqual(['survey_nps:included']);
	});

	it('says how many answers were excluded and offers them', () => {
		const summary = {
			surveyPopulations: {
				survey_csat_rate: { included: 3, excluded: 2, other_scale: 0, no_score: 1 },
				survey_nps: { included: 0, excluded: 0, other_scale: 0, no_score: 0 }
			}
		} as unknown as Parameters<typeof explainSurveyKpi>[1];
		const panel = explainSurveyKpi('survey_csat_rate', summary, 'en', () => {});
		expect(panel.excludedText).toBe('2 answers excluded: score outside its scale.');
		expect(panel.outText).toBe('Not counted: answers without a score (1).');
		expect(panel.excludedAction?.text).toBe('Download the excluded answers (CSV) (2)');
		expect(explainSurveyKpi('survey_nps', summary, 'zh-CN', () => {}).nText).toBe(
			'基于 0 个回答计算。'
		);
	});

	it('has every string in English and Chinese', () => {
		expect(Object.keys(SURVEY_EXPLAIN_MESSAGES['zh-CN']).sort()).toEqual(
			Object.keys(SURVEY_EXPLAIN_MESSAGES.en).sort()
		);
	});
});
