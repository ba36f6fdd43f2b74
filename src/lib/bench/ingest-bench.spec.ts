import { describe, expect, it } from 'vitest';
import { benchRequestFromSearch } from './ingest-bench';

describe('benchRequestFromSearch', () => {
	it('reads rows, mode and the kind of export', () => {
		expect(benchRequestFromSearch('?rows=1000&mode=parse&kind=messages')).toEqual({
			rows: 1000,
			mode: 'parse',
			kind: 'messages',
			seed: undefined
		});
		expect(benchRequestFromSearch('?rows=5')).toMatchObject({ mode: 'import', kind: 'tickets' });
		expect(benchRequestFromSearch('?rows=0')).toBeNull();
	});

	it('a mailbox is asked for by size in MB', () => {
		expect(benchRequestFromSearch('?kind=mbox&mb=500&mode=import')).toEqual({
			rows: 1,
			mode: 'import',
			kind: 'mbox',
			megabytes: 500,
			seed: undefined
		});
		expect(benchRequestFromSearch('?kind=mbox&mode=import')).toBeNull();
	});
});
