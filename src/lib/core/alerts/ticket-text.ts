import { TAG_SEPARATOR } from '../model/ticket-columns';

/**
 * Keyword tests on a ticket's subject and tags (English and Chinese). Tags are read with
 * `_` and `-` as spaces, so `delivery_delay` and `not-received` match like subjects do.
 */
const COMPLAINT =
	/\b(complain\w*|refund\w*|damag\w*|broken|cracked|delay\w*|late|not received|never (arrived|received)|missing|lost parcel)\b|投诉|退款|破损|损坏|延迟|延误|未收到|没收到|丢件/i;

/** Claims a customer can make for money or goods back: refunds, returns, "never arrived". */
const CLAIM =
	/\b(refund\w*|return\w*|not received|never (arrived|received)|missing|lost parcel|damag\w*|broken|cracked)\b|退款|退货|未收到|没收到|丢件|破损|损坏/i;

/** Tags that say the shop paid something back (refund, replacement, voucher, compensation). */
const COMPENSATION =
	/\b(refund issued|refunded|replacement sent|replaced|compensat\w*|voucher issued|goodwill|credit issued|reshipped)\b|已退款|补偿|赔偿|补发/i;

/** Insults and threats in subjects (a short list on purpose: false hits cost trust). */
const ABUSIVE =
	/\b(scam(s|mers?|med)?|fraud(s|sters?)?|idiots?|stupid|useless|incompetent|liars?|thie(f|ves)|disgusting|pathetic|sue you|lawyer|shit\w*|fuck\w*|crap)\b|骗子|垃圾|废物|律师/i;

function readable(tags: string): string {
	return tags.split(TAG_SEPARATOR).join(' ').replace(/[_-]+/g, ' ');
}

export function isComplaint(subject: string, tags: string): boolean {
	return COMPLAINT.test(subject) || COMPLAINT.test(readable(tags));
}

export function isClaim(subject: string, tags: string): boolean {
	return CLAIM.test(subject) || CLAIM.test(readable(tags));
}

export function isCompensated(tags: string): boolean {
	return COMPENSATION.test(readable(tags));
}

export function isAbusive(subject: string): boolean {
	return ABUSIVE.test(subject);
}
