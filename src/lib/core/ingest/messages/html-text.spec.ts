import { describe, expect, it } from 'vitest';
import { textOfHtml } from './html-text';

describe('textOfHtml', () => {
	it('drops tags, scripts and styles, keeps paragraph breaks, decodes entities', () => {
		expect(
			textOfHtml(
				'<style>p{}</style><p>Order <b>#1001</b> &amp; &quot;more&quot;</p><script>x()</script><p>a&lt;b</p>'
			)
		).toBe('Order #1001 & "more"\n a<b');
		expect(textOfHtml('plain text')).toBe('plain text');
	});
});
