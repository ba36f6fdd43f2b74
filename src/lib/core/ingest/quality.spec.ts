import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../../../tests/factories/ticket';
import { QualityCollector, csvCell, csvLine } from './quality';

describe('QualityCollector', () => {
	it('counts filled cells per column, ignoring blanks', () => {
		const quality = new QualityCollector();
		quality.countRow(['1', '', 'x']);
		quality.countRow(['2', '  ', '']);
		quality.countRow(['3', 'a']);
		expect(quality.result(['id', 'name', 'note']).columnFill).toEqual([
			{ column: 'id', filled: 3 },
			{ column: 'name', filled: 1 },
			{ column: 'note', filled: 1 }
		]);
	});

	it('flags replies and solves before creation', () => {
		const quality = new QualityCollector();
		quality.checkTicket(makeTicket({ firstResponseSeconds: -60 }));
		quality.checkTicket(makeTicket({ firstResponseSeconds: -1, resolutionSeconds: -5 }));
		quality.checkTicket(makeTicket({ firstResponseSeconds: 0, resolutionSeconds: 10 }));
		expect(quality.result([]).warnings).toEqual([
			{ code: 'reply_before_creation', count: 2 },
			{ code: 'solved_before_creation', count: 1 }
		]);
	});
});

describe('csvCell', () => {
	it('defuses cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
	});

	it('quotes commas, quotes and newlines and leaves plain text alone', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('订单')).toBe('订单');
		expect(csvLine(['1', 'x,y'])).toBe('1,"x,y"\r\n');
	});
});
