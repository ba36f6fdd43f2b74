import { mulberry32 } from '../../src/lib/core/demo/random';
import { emptyTicketColumns, TICKET_CHUNK_SIZE } from '../../src/lib/core/model/ticket-columns';
import type { TicketTableChunk } from '../../src/lib/core/table/ticket-table';

const AGENTS = ['Anna', 'Ben', 'Chloé', 'Daniel', 'Eva', 'Felix', 'Greta', 'Hugo', ''];
const GROUPS = ['Orders', 'Returns', 'Billing', ''];
const TAGS = ['refund', 'vip', 'delivery', 'damaged', 'login', 'summer_sale'];
const START_MS = Date.UTC(2025, 6, 1);
const YEAR_MS = 365 * 86_400_000;

export interface SyntheticOptions {
	seed?: number;
	/** Share of values rounded to whole minutes (exports state minutes), the rest fractional. */
	wholeMinutes?: number;
	importIds?: number[];
}

/**
 * Seeded random tickets straight into columnar chunks (no CSV, no import session): for
 * equality specs of the fast table paths and for profiling at 1M rows. Covers the awkward
 * cases on purpose: absent (NaN) and negative durations, ties, open tickets with
 * resolutions, missing creation times, both CSAT scales, tagless rows.
 */
export function syntheticChunks(rows: number, options: SyntheticOptions = {}): TicketTableChunk[] {
	const rng = mulberry32(options.seed ?? 7);
	const importIds = options.importIds ?? [1, 2];
	const wholeMinutes = options.wholeMinutes ?? 0.9;
	const chunks: TicketTableChunk[] = [];
	// Its own stream, so adding the column left every other seeded value as it was.
	const firstResolutionRng = mulberry32((options.seed ?? 7) + 1_000);
	const firstResolution = (): number => {
		const r = firstResolutionRng();
		if (r < 0.3) return NaN;
		if (r < 0.31) return -60;
		return Math.round(firstResolutionRng() * 40) * 900;
	};
	const duration = (median: number): number => {
		const r = rng();
		if (r < 0.08) return NaN;
		if (r < 0.09) return -Math.round(rng() * 600);
		const value = median * Math.exp(1.2 * (rng() + rng() + rng() + rng() - 2) * 1.73);
		return rng() < wholeMinutes ? Math.round(value / 60) * 60 : value;
	};
	for (let start = 0; start < rows; start += TICKET_CHUNK_SIZE) {
		const size = Math.min(TICKET_CHUNK_SIZE, rows - start);
		const columns = emptyTicketColumns(size);
		for (let row = 0; row < size; row++) {
			const index = start + row;
			const created = rng() < 0.002 ? NaN : START_MS + Math.floor((index / rows) * YEAR_MS);
			const status = 1 + Math.floor(rng() * 6);
			const resolution = duration(36_000);
			columns.keys.push(`z:${index}`);
			columns.externalIds.push(String(index));
			columns.createdAtMs[row] = created;
			columns.firstResponseSeconds[row] = duration(3_600);
			columns.resolutionSeconds[row] = resolution;
			if (columns.firstResolutionSeconds) columns.firstResolutionSeconds[row] = firstResolution();
			columns.solvedAtMs[row] =
				rng() < 0.7 && Number.isFinite(resolution) ? created + resolution * 1000 : NaN;
			columns.statusCodes[row] = status;
			columns.channelCodes[row] = Math.floor(rng() * 8);
			columns.priorityCodes[row] = Math.floor(rng() * 5);
			columns.agents.push(AGENTS[Math.floor(rng() * AGENTS.length)] ?? '');
			columns.groups.push(GROUPS[Math.floor(rng() * GROUPS.length)] ?? '');
			columns.subjects.push(`Subject ${index % 97}`);
			const tags: string[] = [];
			for (const tag of TAGS) if (rng() < 0.2) tags.push(tag);
			columns.tags.push(tags.join('|'));
			columns.customerKeys.push(`c${Math.floor(rng() * rows * 0.3)}@example.com`);
			const scale = Math.floor(rng() * 3);
			columns.csatScaleCodes[row] = scale;
			columns.csatScores[row] =
				scale === 0 ? NaN : scale === 1 ? Math.floor(rng() * 2) : 1 + Math.floor(rng() * 5);
			columns.csatRaw?.push('');
			columns.agentReplies[row] = rng() < 0.05 ? NaN : Math.floor(rng() * rng() * 6);
			columns.reopens[row] = rng() < 0.1 ? NaN : Math.floor(rng() * rng() * 3);
		}
		columns.size = size;
		chunks.push({
			...columns,
			importId: importIds[Math.floor(start / TICKET_CHUNK_SIZE) % importIds.length] ?? 1
		});
	}
	return chunks;
}
