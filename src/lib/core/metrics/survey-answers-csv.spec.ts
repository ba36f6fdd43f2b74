import { describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '../model/survey';
import { surveyAnswerCsvLine, surveyAnswersCsvHeader } from './survey-answers-csv';

const answer: SurveyAnswer = {
	key: 'survey:s9',
	externalId: 's9',
	respondedAtMs: Date.UTC(2026, 6, 1, 11),
	sentAtMs: null,
	score: 7,
	scale: 'five_point',
	rawScore: '7',
	comment: '=HYPERLINK("x"), "late"',
	ticketId: '101',
	orderId: '',
	customerKey: 'a@example.com',
	email: 'a@example.com',
	phone: '',
	customerId: '',
	customerName: '',
	agent: 'Anna'
};

describe('survey answers CSV', () => {
	it('one formula-safe line per answer, time in the shop zone, why it was left out', () => {
		expect(surveyAnswersCsvHeader()).toBe(
			'answer_id,key,responded_at,score,scale,raw_score,why_left_out,comment,ticket_id,order_id,customer,agent,import_file\r\n'
		);
		expect(surveyAnswerCsvLine(answer, 'excluded', 'Europe/Berlin', 'csat.csv')).toBe(
			's9,survey:s9,2026-07-01T13:00:00+02:00,7,five_point,7,score outside its scale,"\'=HYPERLINK(""x""), ""late""",101,,a@example.com,Anna,csat.csv\r\n'
		);
		expect(
			surveyAnswerCsvLine({ ...answer, score: null, comment: '' }, 'included', 'UTC', '')
		).toBe('s9,survey:s9,2026-07-01T11:00:00+00:00,,five_point,7,,,101,,a@example.com,Anna,\r\n');
	});
});
