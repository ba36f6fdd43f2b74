import { csvCell } from '../ingest/quality';
import type { SurveyAnswer } from '../model/survey';
import { isoInZone } from '../table/ticket-export';
import type { SurveyAnswerPart } from './survey-population';

/** The survey answers behind a survey tile, one row each (the "how is this computed?" link). */
export const SURVEY_ANSWER_CSV_HEADER = [
	'answer_id',
	'key',
	'responded_at',
	'score',
	'scale',
	'raw_score',
	'why_left_out',
	'comment',
	'ticket_id',
	'order_id',
	'customer',
	'agent',
	'import_file'
] as const;

/** Why an answer is not in the tile's n ('' for a counted one). */
const WHY: Record<SurveyAnswerPart, string> = {
	included: '',
	excluded: 'score outside its scale',
	other_scale: 'another scale',
	no_score: 'no score'
};

export function surveyAnswersCsvHeader(): string {
	return SURVEY_ANSWER_CSV_HEADER.join(',') + '\r\n';
}

/**
 * One answer as a CSV line in header order: text formula-safe through csvCell, the score as a
 * number, the answer time in `timeZone` with its offset.
 */
export function surveyAnswerCsvLine(
	answer: SurveyAnswer,
	part: SurveyAnswerPart,
	timeZone: string,
	importFileName: string
): string {
	const text = (value: string) => csvCell(value);
	return (
		[
			text(answer.externalId),
			text(answer.key),
			isoInZone(Number.isFinite(answer.respondedAtMs) ? answer.respondedAtMs : null, timeZone),
			answer.score === null || !Number.isFinite(answer.score) ? '' : String(answer.score),
			text(answer.scale),
			text(answer.rawScore),
			text(WHY[part]),
			text(answer.comment),
			text(answer.ticketId),
			text(answer.orderId),
			text(answer.customerKey),
			text(answer.agent),
			text(importFileName)
		].join(',') + '\r\n'
	);
}
