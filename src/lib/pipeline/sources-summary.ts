import { summarizeSources, type SourcesSummary } from '$lib/core/metrics/sources-summary';
import { orderAt } from '$lib/core/model/record-columns';
import type { Order } from '$lib/core/model/order';
import type { SurveyColumns } from '$lib/core/model/survey';
import type { ServiceLensDb } from '$lib/db/database';
import { forEachCommittedChunk } from '$lib/db/repositories/record-chunks';

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
