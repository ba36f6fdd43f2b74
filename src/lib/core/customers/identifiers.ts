/**
 * The identifiers that link records of one person across sources. Each is a string with a
 * prefix, so an e-mail never equals a phone number or a customer id of another system.
 */

export function normalizeEmail(text: string): string {
	const email = text.trim().toLowerCase();
	return /^[^\s@]+@[^\s@]+$/.test(email) ? email : '';
}

/**
 * Digits of a phone number, "+" and the international "00" prefix dropped, Shopify's "'" guard
 * removed: "+44 20 7946 0018" and "0044 (20) 7946-0018" both give "442079460018". Fewer than
 * 7 digits is not a phone number. Numbers written without their country code only match
 * numbers written the same way.
 */
export function normalizePhone(text: string): string {
	let digits = text.replace(/[^\d+]/g, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	else if (digits.startsWith('00')) digits = digits.slice(2);
	digits = digits.replace(/\+/g, '');
	return digits.length >= 7 ? digits : '';
}

/** An order number as a link: "#1001" and "1001" are the same order. */
export function normalizeOrderNumber(text: string): string {
	return text.trim().replace(/^#/, '').replace(/^'/, '');
}

export const emailId = (email: string) => `email:${email}`;
export const phoneId = (phone: string) => `phone:${phone}`;
/** Customer ids are only unique within the system that issued them. */
export const customerIdOf = (system: string, id: string) => `cid:${system}:${id}`;
export const orderId = (number: string) => `order:${number}`;

/** The customer key rows carry: e-mail, else `id:<customer id>`, else '' (as tickets do). */
export function rowCustomerKey(email: string, customerId: string): string {
	return email !== '' ? email : customerId !== '' ? `id:${customerId}` : '';
}
