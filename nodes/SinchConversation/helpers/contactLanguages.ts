/**
 * The languages a Sinch contact can have (Sinch's ContactLanguage codes), with their names. scripts/extract-app-schema.ts
 * stops when Sinch's list changes.
 */
export const CONTACT_LANGUAGES: ReadonlyArray<[code: string, name: string]> = [
	['AF', 'Afrikaans'],
	['SQ', 'Albanian'],
	['AR', 'Arabic'],
	['AZ', 'Azerbaijani'],
	['BN', 'Bengali'],
	['BG', 'Bulgarian'],
	['CA', 'Catalan'],
	['ZH', 'Chinese'],
	['ZH_CN', 'Chinese (China)'],
	['ZH_HK', 'Chinese (Hong Kong)'],
	['ZH_TW', 'Chinese (Taiwan)'],
	['HR', 'Croatian'],
	['CS', 'Czech'],
	['DA', 'Danish'],
	['NL', 'Dutch'],
	['EN', 'English'],
	['EN_GB', 'English (United Kingdom)'],
	['EN_US', 'English (United States)'],
	['ET', 'Estonian'],
	['FIL', 'Filipino'],
	['FI', 'Finnish'],
	['FR', 'French'],
	['DE', 'German'],
	['EL', 'Greek'],
	['GU', 'Gujarati'],
	['HA', 'Hausa'],
	['HE', 'Hebrew'],
	['HI', 'Hindi'],
	['HU', 'Hungarian'],
	['ID', 'Indonesian'],
	['GA', 'Irish'],
	['IT', 'Italian'],
	['JA', 'Japanese'],
	['KN', 'Kannada'],
	['KK', 'Kazakh'],
	['KO', 'Korean'],
	['LO', 'Lao'],
	['LV', 'Latvian'],
	['LT', 'Lithuanian'],
	['MK', 'Macedonian'],
	['MS', 'Malay'],
	['ML', 'Malayalam'],
	['MR', 'Marathi'],
	['NB', 'Norwegian Bokmål'],
	['FA', 'Persian'],
	['PL', 'Polish'],
	['PT', 'Portuguese'],
	['PT_BR', 'Portuguese (Brazil)'],
	['PT_PT', 'Portuguese (Portugal)'],
	['PA', 'Punjabi'],
	['RO', 'Romanian'],
	['RU', 'Russian'],
	['SR', 'Serbian'],
	['SK', 'Slovak'],
	['SL', 'Slovenian'],
	['ES', 'Spanish'],
	['ES_AR', 'Spanish (Argentina)'],
	['ES_ES', 'Spanish (Spain)'],
	['ES_MX', 'Spanish (Mexico)'],
	['SW', 'Swahili'],
	['SV', 'Swedish'],
	['TA', 'Tamil'],
	['TE', 'Telugu'],
	['TH', 'Thai'],
	['TR', 'Turkish'],
	['UK', 'Ukrainian'],
	['UR', 'Urdu'],
	['UZ', 'Uzbek'],
	['VI', 'Vietnamese'],
	['ZU', 'Zulu'],
];

export const CONTACT_LANGUAGE_CODES = CONTACT_LANGUAGES.map(([code]) => code);

/** Channels whose identities belong to one app: a contact's identity there names the app too. */
export const APP_SCOPED_CHANNELS = ['MESSENGER', 'INSTAGRAM', 'LINE', 'WECHAT'];

/** Channels whose profile name Get Channel Profile can read (Sinch also lists Viber Bot, which no app here has). */
export const PROFILE_CHANNELS: ReadonlyArray<{ name: string; value: string }> = [
	{ name: 'Instagram', value: 'INSTAGRAM' },
	{ name: 'LINE', value: 'LINE' },
	{ name: 'Messenger', value: 'MESSENGER' },
];

/** Sinch's limit on a contact's metadata. */
export const CONTACT_METADATA_MAX_LENGTH = 1024;
