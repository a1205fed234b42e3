/**
 * The rules on `channel_credentials` that JSON Schema cannot express for this spec: Sinch's document models the
 * credential objects as a `oneOf` of objects whose single property is optional, which every entry matches several
 * times. scripts/extract-app-schema.ts flattens those `oneOf`s into plain optional properties and checks that the
 * groups it flattened are exactly the ones named here, so the schema and these rules cannot drift apart.
 */

export const CHANNELS = [
	'WHATSAPP',
	'RCS',
	'SMS',
	'MESSENGER',
	'VIBERBM',
	'MMS',
	'INSTAGRAM',
	'TELEGRAM',
	'KAKAOTALK',
	'KAKAOTALKCHAT',
	'LINE',
	'WECHAT',
	'APPLEBC',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Which credential property an entry of each channel carries (LINE: either kind). */
export const CREDENTIAL_PROPERTIES_BY_CHANNEL: Readonly<Record<Channel, readonly string[]>> = {
	WHATSAPP: ['static_bearer'],
	RCS: ['static_bearer'],
	SMS: ['static_bearer'],
	VIBERBM: ['static_bearer'],
	MESSENGER: ['static_token'],
	MMS: ['mms_credentials'],
	INSTAGRAM: ['instagram_credentials'],
	TELEGRAM: ['telegram_credentials'],
	KAKAOTALK: ['kakaotalk_credentials'],
	KAKAOTALKCHAT: ['kakaotalkchat_credentials'],
	LINE: ['line_credentials', 'line_enterprise_credentials'],
	WECHAT: ['wechat_credentials'],
	APPLEBC: ['applebc_credentials'],
};

/** `line_enterprise_credentials` holds exactly one of these (the same flattened `oneOf` trap, one level down). */
export const LINE_ENTERPRISE_REGIONS = ['line_japan', 'line_thailand'] as const;

/** Only these channels may hold several credentials in one app, told apart by credential_ordinal_number. */
const MULTI_CREDENTIAL_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['LINE']);

/** Every property name that the flattened ChannelCredentialsTypes object must have, sorted. */
export function allCredentialProperties(): string[] {
	return [...new Set(Object.values(CREDENTIAL_PROPERTIES_BY_CHANNEL).flat())].sort();
}

/** Groups of properties of which exactly one must be present: what the extract script expects to flatten. */
export function exclusivePropertyGroups(): string[][] {
	return [allCredentialProperties(), [...LINE_ENTERPRISE_REGIONS].sort()];
}

type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const isChannel = (value: unknown): value is Channel =>
	(CHANNELS as readonly unknown[]).includes(value);

/**
 * Returns one "path: problem" string per violation, paths in the same notation as the schema errors. Runs beside the
 * JSON Schema, so it skips what the schema reports (an entry that is not an object, an unknown channel).
 */
export function checkChannelCredentials(
	input: readonly unknown[],
	basePath = 'channel_credentials',
): string[] {
	const issues: string[] = [];
	const allProperties = allCredentialProperties();
	const seen = new Map<string, number>();
	const entries = input.filter(isEntry);

	input.forEach((entry, index) => {
		if (!isEntry(entry)) return;
		const at = `${basePath}[${index}]`;
		const channel = entry.channel;
		const present = allProperties.filter((name) => entry[name] !== undefined);

		// The schema leaves `channel` optional, but an entry without it cannot be routed to any channel.
		if (channel === undefined) {
			issues.push(`${at}.channel: required field is missing`);
			return;
		}
		if (!isChannel(channel)) return;
		const allowed = CREDENTIAL_PROPERTIES_BY_CHANNEL[channel];
		if (present.length === 0) {
			issues.push(`${at}: channel ${channel} needs the credential object ${allowed.join(' or ')}`);
		} else if (present.length > 1) {
			issues.push(`${at}: exactly one credential object is allowed, found ${present.join(', ')}`);
		} else if (!allowed.includes(present[0])) {
			issues.push(
				`${at}.${present[0]}: not valid for channel ${channel}, expected ${allowed.join(' or ')}`,
			);
		}

		const enterprise = entry.line_enterprise_credentials;
		if (isEntry(enterprise)) {
			const regions = LINE_ENTERPRISE_REGIONS.filter((name) => enterprise[name] !== undefined);
			if (regions.length !== 1) {
				issues.push(
					`${at}.line_enterprise_credentials: exactly one of ${LINE_ENTERPRISE_REGIONS.join(', ')} is required, found ${regions.length}`,
				);
			}
		}

		const ordinal = entry.credential_ordinal_number ?? 0;
		if (!MULTI_CREDENTIAL_CHANNELS.has(channel) && ordinal !== 0) {
			issues.push(`${at}.credential_ordinal_number: must be 0 for channel ${channel}`);
		}
		const key = `${channel}/${String(ordinal)}`;
		const first = seen.get(key);
		if (first !== undefined) {
			issues.push(
				`${at}: duplicates ${basePath}[${first}] (channel ${channel}, credential_ordinal_number ${String(ordinal)})`,
			);
		} else {
			seen.set(key, index);
		}
	});

	for (const channel of MULTI_CREDENTIAL_CHANNELS) {
		const ofChannel = entries.filter((entry) => entry.channel === channel);
		if (ofChannel.length < 2) continue;
		const defaults = ofChannel.filter((entry) =>
			CREDENTIAL_PROPERTIES_BY_CHANNEL[channel].some((name) => {
				const credential = entry[name];
				return isEntry(credential) && credential.is_default === true;
			}),
		);
		if (defaults.length !== 1) {
			issues.push(
				`${basePath}: with several ${channel} credentials exactly one must have is_default true, found ${defaults.length}`,
			);
		}
	}
	return issues;
}
