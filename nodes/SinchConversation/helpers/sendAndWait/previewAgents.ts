/**
 * Apps fetch a link as soon as it arrives to draw its preview (WhatsApp, iMessage, Telegram, Viber, LINE, KakaoTalk,
 * Teams, Slack, ...). Such a fetch must not answer for the person, so a link that answers on opening ignores these
 * user agents. Matched as lower-case substrings; a request without any user agent is a program too.
 */
const PREVIEW_AGENT_MARKS = [
	'bot', // Slackbot, TelegramBot, Twitterbot, Discordbot, Googlebot, LinkedInBot, Applebot, ...
	'crawler',
	'spider',
	'preview', // SkypeUriPreview (Teams), BingPreview, Google Web Preview
	'facebookexternalhit', // Messenger, Instagram, iMessage and LINE previews announce themselves as this
	'facebookcatalog',
	'whatsapp',
	'viber',
	'kakaotalk-scrap',
	'line-poker',
	'wechat-link',
	'embedly',
	'iframely',
	'google-pagerenderer',
	'headlesschrome',
	'curl/',
	'wget/',
	'python-requests',
	'go-http-client',
];

export function isPreviewAgent(userAgent: string | undefined): boolean {
	if (!userAgent?.trim()) return true;
	const agent = userAgent.toLowerCase();
	return PREVIEW_AGENT_MARKS.some((mark) => agent.includes(mark));
}
