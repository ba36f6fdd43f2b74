/**
 * One survey answer or review (CSAT, NPS, an order review), normalised. The score keeps its
 * own scale: Good/Bad as 1/0, 1..5, or 0..10 (NPS); the raw text is kept beside it.
 */
export const SURVEY_SCALES = ['none', 'good_bad', 'five_point', 'zero_to_ten'] as const;
export type SurveyScale = (typeof SURVEY_SCALES)[number];

export interface SurveyAnswer {
	/** `<vendor>:<external id>`; re-imports merge on it. */
	key: string;
	externalId: string;
	/** When the customer answered, epoch ms (required). */
	respondedAtMs: number;
	/** When the survey was sent, when the export says. */
	sentAtMs: number | null;
	score: number | null;
	scale: SurveyScale;
	rawScore: string;
	comment: string;
	ticketId: string;
	orderId: string;
	/** Lower-cased e-mail, else `id:<customer id>`, else '' (as on tickets). */
	customerKey: string;
	email: string;
	phone: string;
	customerId: string;
	customerName: string;
	agent: string;
}

/** Columnar layout of survey answers inside a `surveyChunks` record's `columns`. */
export interface SurveyColumns {
	externalIds: string[];
	respondedAtMs: Float64Array;
	sentAtMs: Float64Array;
	scores: Float64Array;
	scaleCodes: Uint8Array;
	rawScores: string[];
	comments: string[];
	ticketIds: string[];
	orderIds: string[];
	customerKeys: string[];
	emails: string[];
	phones: string[];
	customerIds: string[];
	customerNames: string[];
	agents: string[];
}
