import { SinchClient } from '@sinch/sdk-core';

/** Where the SDK should send its calls: the emulator's API base and token endpoint, and the key it accepts. */
export interface SdkTarget {
	/** API base without /v1, e.g. http://127.0.0.1:PORT. */
	url: string;
	/** Full token URL; the SDK appends /oauth2/token to a host itself, so this must end with that path. */
	tokenUrl: string;
	projectId: string;
	keyId: string;
	keySecret: string;
}

/**
 * Sinch's official Node SDK (@sinch/sdk-core), pointed at a local host instead of *.conversation.api.sinch.com:
 * `conversationHostname` replaces the regional API host, `authHostname` the host of auth.sinch.com (the SDK's
 * Oauth2TokenRequest plugin posts to `${authHostname}/oauth2/token`). `logger: null` keeps the SDK quiet.
 */
export function sdkClient(target: SdkTarget): SinchClient {
	const tokenPath = '/oauth2/token';
	if (!target.tokenUrl.endsWith(tokenPath)) {
		throw new Error(
			`The SDK always asks ${tokenPath} of its auth host; ${target.tokenUrl} does not end with it`,
		);
	}
	return new SinchClient({
		projectId: target.projectId,
		keyId: target.keyId,
		keySecret: target.keySecret,
		conversationHostname: target.url,
		// The Templates V2 API: the emulator serves it on the same host, under /v2.
		conversationTemplatesHostname: target.url,
		authHostname: target.tokenUrl.slice(0, -tokenPath.length),
		logger: null,
	});
}
