import { summarizeSources, type SourcesSummary } from '$lib/core/metrics/sources-summary';
import type { Order } from '$lib/core/model/order';
import type { SurveyColumns } from '$lib/core/model/survey';
import type { ServiceLensDb } from '$lib/db/database';
import { forEachCommittedChunk } from '$lib/db/repositories/record-chunks';
import { listImports } from '$lib/db/repositories/imports';
import { orderAt, surveyAt } from '$lib/core/model/record-columns';
import {
	classifySurveyAnswer,
	type SurveyAnswerPart,
	type SurveyKpiId
} from '$lib/core/metrics/survey-population';
import { surveyAnswerCsvLine, surveyAnswersCsvHeader } from '$lib/core/metrics/survey-answers-csv';

/** Survey and order figures over every committed import (read chunk by chunk). */
export async function computeSourcesSummary(db: ServiceLensDb): Promise<SourcesSummary> {
	const surveys: { scores: Float64Array; scaleCodes: Uint8Array }[] = [];
	await forEachCommittedChunk(db, 'surveyChunks', (chunk) => {
		const columns = chunk.columns as unknown as SurveyColumns;
		surveys.push({ scores: columns.scores, scaleCodes: columns.scaleCodes });
	});
	const orders: Order[] = [];
	await forEachCommittedChunk(db, 'orderChunks', (chunk) => {
		for (let row = 0; row < chunk.size; row++) orders.push(orderAt(chunk, row));
	});
	return summarizeSources(surveys, orders);
}

/**
 * The survey answers a survey tile counted (`included`) or left out (`excluded`: impossible
 * scores), as CSV in file order, with the time in `timeZone` (the explain panel's links).
 */
export async function surveyAnswersCsv(
	db: ServiceLensDb,
	kpi: SurveyKpiId,
	part: Extract<SurveyAnswerPart, 'included' | 'excluded'>,
	timeZone: string
): Promise<Blob> {
	const fileNames = new Map((await listImports(db)).map((record) => [record.id, record.fileName]));
	const pieces: string[] = ['\uFEFF' + surveyAnswersCsvHeader()];
	await forEachCommittedChunk(db, 'surveyChunks', (chunk) => {
		const columns = chunk.columns as unknown as SurveyColumns;
		let piece = '';
		for (let row = 0; row < chunk.size; row++) {
			const found = classifySurveyAnswer(
				kpi,
				columns.scores[row] ?? NaN,
				columns.scaleCodes[row] ?? 0
			);
			if (found !== part) continue;
			piece += surveyAnswerCsvLine(
				surveyAt(chunk, row),
				found,
				timeZone,
				fileNames.get(chunk.importId) ?? ''
			);
		}
		pieces.push(piece);
	});
	return new Blob(pieces, { type: 'text/csv;charset=utf-8' });
}
