import type { CustomerRecord } from '../model/records';

/**
 * Whether a linked customer matches what the user typed: every word must appear in the
 * name, an e-mail, a tag or the key (case-insensitive). A query that is only digits and
 * phone punctuation matches phones by its digits ("+49 170" finds 491701234567).
 */
export function customerMatches(customer: CustomerRecord, query: string): boolean {
	// A query of digits and phone punctuation is one phone number, however it is spaced.
	if (/^[\d\s+\-().]+$/.test(query.trim())) {
		const digits = query.replace(/\D/g, '').replace(/^00/, '');
		return digits.length >= 3 && customer.phones.some((phone) => phone.includes(digits));
	}
	const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const text = [customer.key, customer.name, ...customer.emails, ...(customer.tags ?? [])]
		.join('\n')
		.toLowerCase();
	return words.every((word) => text.includes(word));
}
