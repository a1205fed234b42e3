/**
 * What each of Sinch's thirteen channels needs in a channel_credentials entry. The UI fields, the body builder and
 * the validator are all generated from this table, so a channel is described once.
 */
export interface CredentialField {
	/** Parameter name in the node UI; unique across channels so each can carry its own description. */
	param: string;
	/** Path of the value inside the channel's credential object, e.g. ['basic_auth', 'username']. */
	path: string[];
	displayName: string;
	description: string;
	required: boolean;
	secret: boolean;
	placeholder?: string;
}

export interface ChannelSpec {
	value: string;
	name: string;
	/** The credential object's property name in the entry. */
	property: string;
	fields: CredentialField[];
}

const field = (
	param: string,
	path: string | string[],
	displayName: string,
	description: string,
	options: { required?: boolean; secret?: boolean; placeholder?: string } = {},
): CredentialField => ({
	param,
	path: Array.isArray(path) ? path : [path],
	displayName,
	description,
	required: options.required ?? false,
	secret: options.secret ?? false,
	placeholder: options.placeholder,
});

const R = { required: true };
const RS = { required: true, secret: true };

export const CHANNELS: ChannelSpec[] = [
	{
		value: 'WHATSAPP',
		name: 'WhatsApp',
		property: 'static_bearer',
		fields: [
			field(
				'whatsappSenderId',
				'claimed_identity',
				'Sender ID',
				'WhatsApp sender ID (a Sinch-provisioned phone number ID) that sends and receives',
				R,
			),
			field(
				'whatsappToken',
				'token',
				'Bearer Token',
				'Bearer token of that WhatsApp sender, from the Sinch dashboard',
				RS,
			),
		],
	},
	{
		value: 'RCS',
		name: 'RCS',
		property: 'static_bearer',
		fields: [
			field(
				'rcsAgentId',
				'claimed_identity',
				'Agent ID',
				'ID of the RCS agent that sends and receives',
				R,
			),
			field('rcsToken', 'token', 'Bearer Token', 'Bearer token of that RCS agent', RS),
		],
	},
	{
		value: 'SMS',
		name: 'SMS',
		property: 'static_bearer',
		fields: [
			field(
				'smsServicePlanId',
				'claimed_identity',
				'Service Plan ID',
				'SMS service plan ID, from the SMS section of the Sinch dashboard',
				R,
			),
			field('smsApiToken', 'token', 'API Token', 'API token of that SMS service plan', RS),
		],
	},
	{
		value: 'MESSENGER',
		name: 'Facebook Messenger',
		property: 'static_token',
		fields: [
			field(
				'messengerPageToken',
				'token',
				'Page Access Token',
				'Access token of the Facebook page that talks to users',
				RS,
			),
		],
	},
	{
		value: 'VIBERBM',
		name: 'Viber Business Messages',
		property: 'static_bearer',
		fields: [
			field(
				'viberServiceId',
				'claimed_identity',
				'Service ID',
				'Viber Business Messages service ID',
				R,
			),
			field('viberToken', 'token', 'Token', 'Token of that Viber service', RS),
		],
	},
	{
		value: 'MMS',
		name: 'MMS',
		property: 'mms_credentials',
		fields: [
			field('mmsAccountId', 'account_id', 'Account ID', 'Sinch MMS account ID', R),
			field('mmsApiKey', 'api_key', 'API Key', 'API key of that MMS account', RS),
			field(
				'mmsBasicAuthUsername',
				['basic_auth', 'username'],
				'Basic Auth Username',
				'Only for MMS accounts that use Basic authentication; then the password is required too',
			),
			field(
				'mmsBasicAuthPassword',
				['basic_auth', 'password'],
				'Basic Auth Password',
				'Password for the Basic Auth Username',
				{ secret: true },
			),
		],
	},
	{
		value: 'INSTAGRAM',
		name: 'Instagram',
		property: 'instagram_credentials',
		fields: [
			field(
				'instagramToken',
				'token',
				'Access Token',
				'Access token of the Facebook page linked to the Instagram account',
				RS,
			),
			field(
				'instagramBusinessAccountId',
				'business_account_id',
				'Business Account ID',
				'Instagram business account ID; needed when the page has several accounts',
			),
		],
	},
	{
		value: 'TELEGRAM',
		name: 'Telegram',
		property: 'telegram_credentials',
		fields: [
			field(
				'telegramBotToken',
				'token',
				'Bot Token',
				"Token that Telegram's BotFather gave the bot",
				RS,
			),
		],
	},
	{
		value: 'KAKAOTALK',
		name: 'KakaoTalk',
		property: 'kakaotalk_credentials',
		fields: [
			field(
				'kakaotalkPlusFriendId',
				'kakaotalk_plus_friend_id',
				'Plus Friend ID',
				'KakaoTalk channel (Plus Friend) ID',
				R,
			),
			field(
				'kakaotalkSenderKey',
				'kakaotalk_sender_key',
				'Sender Key',
				'Sender key of that KakaoTalk channel',
				RS,
			),
		],
	},
	{
		value: 'KAKAOTALKCHAT',
		name: 'KakaoTalk Chat',
		property: 'kakaotalkchat_credentials',
		fields: [
			field(
				'kakaotalkChatPlusFriendId',
				'kakaotalk_plus_friend_id',
				'Plus Friend ID',
				'KakaoTalk channel (Plus Friend) ID used for chat',
				R,
			),
			field(
				'kakaotalkChatApiKey',
				'api_key',
				'API Key',
				'API key for KakaoTalk chat, when Sinch gave one',
				{ secret: true },
			),
		],
	},
	{
		value: 'LINE',
		name: 'LINE',
		property: 'line_credentials',
		fields: [
			field(
				'lineToken',
				'token',
				'Channel Access Token',
				'Channel access token of the LINE Official Account',
				RS,
			),
			field(
				'lineSecret',
				'secret',
				'Channel Secret',
				'Channel secret of the LINE Official Account',
				RS,
			),
		],
	},
	{
		value: 'WECHAT',
		name: 'WeChat',
		property: 'wechat_credentials',
		fields: [
			field('wechatAppId', 'app_id', 'App ID', 'AppID of the WeChat Official Account', R),
			field(
				'wechatAppSecret',
				'app_secret',
				'App Secret',
				'AppSecret of the WeChat Official Account',
				RS,
			),
			field(
				'wechatToken',
				'token',
				'Token',
				'Token set in the server configuration of the WeChat account',
				RS,
			),
			field(
				'wechatAesKey',
				'aes_key',
				'Encoding AES Key',
				'EncodingAESKey set in the server configuration of the WeChat account',
				RS,
			),
		],
	},
	{
		value: 'APPLEBC',
		name: 'Apple Messages for Business',
		property: 'applebc_credentials',
		fields: [
			field(
				'applebcBusinessChatAccountId',
				'business_chat_account_id',
				'Business Chat Account ID',
				'Apple Messages for Business account ID',
				R,
			),
			field(
				'applebcMerchantId',
				'merchant_id',
				'Merchant ID',
				'Apple Pay merchant ID; only for Apple Pay',
			),
			field(
				'applebcApplePayCertificateReference',
				'apple_pay_certificate_reference',
				'Apple Pay Certificate Reference',
				'Reference of the Apple Pay certificate; only for Apple Pay',
			),
			field(
				'applebcApplePayCertificatePassword',
				'apple_pay_certificate_password',
				'Apple Pay Certificate Password',
				'Password of the Apple Pay certificate; only for Apple Pay',
				{ secret: true },
			),
		],
	},
];

/** LINE has two more credential shapes beside line_credentials; the entry's LINE Type picks one. */
export const LINE_TYPES = [
	{ value: 'standard', name: 'Standard', property: 'line_credentials', region: undefined },
	{
		value: 'enterpriseJapan',
		name: 'Enterprise Japan',
		property: 'line_enterprise_credentials',
		region: 'line_japan',
	},
	{
		value: 'enterpriseThailand',
		name: 'Enterprise Thailand',
		property: 'line_enterprise_credentials',
		region: 'line_thailand',
	},
] as const;

export const LINE_ENTERPRISE_REGIONS = ['line_japan', 'line_thailand'];

/** The channels as a dropdown's options, by name. */
export const channelOptions = CHANNELS.map((channel) => ({
	name: channel.name,
	value: channel.value,
})).sort((a, b) => a.name.localeCompare(b.name));

export const CHANNEL_BY_VALUE = new Map(CHANNELS.map((channel) => [channel.value, channel]));

/** Every credential property Sinch knows, so JSON input that names the wrong one gets a clear message. */
export const CREDENTIAL_PROPERTIES = new Set([
	...CHANNELS.map((channel) => channel.property),
	'line_enterprise_credentials',
]);
