/**
 * Plain text of an HTML body (an HTML-only mail, Intercom and Help Scout message bodies):
 * tags dropped, line breaks kept, common entities decoded. The text is stored and shown as
 * text, never rendered as HTML.
 */
export function textOfHtml(html: string): string {
	return html
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<br\s*\/?>|<\/p>/gi, '\n')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/[ \t]+/g, ' ')
		.trim();
}
