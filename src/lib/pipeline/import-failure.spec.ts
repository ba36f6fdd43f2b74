import { describe, expect, it } from 'vitest';
import { CancelledError, createImportCheckpoint } from './import-failure';

describe('createImportCheckpoint', () => {
	it('reports at most every 100 ms and stops once cancelled', () => {
		let clock = 1_000;
		const reported: [number, number, number][] = [];
		const controller = new AbortController();
		const checkpoint = createImportCheckpoint({
			fileName: 'a.csv',
			totalBytes: 500,
			now: () => clock,
			startedAt: 1_000,
			onProgress: (p) => reported.push([p.rowsRead, p.bytesRead, p.elapsedMs]),
			signal: controller.signal
		});
		checkpoint(10, 100); // t = 0: first call always reports
		clock += 60;
		checkpoint(20, 200); // 60 ms later: skipped
		clock += 40;
		checkpoint(30, 300); // 100 ms after the last report: reported
		expect(reported).toEqual([
			[10, 100, 0],
			[30, 300, 100]
		]);
		controller.abort();
		clock += 10;
		expect(() => checkpoint(40, 400)).toThrow(CancelledError);
	});
});
