/** Sinch's SDK test vector: these exact bytes, signed with this secret, nonce and timestamp, give this signature. */
export const VECTOR = {
	secret: 'foo_secret1234',
	nonce: '01FJA8B4A7BM43YGWSG9GBV067',
	timestamp: '1634579353',
	body: '{"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z","project_id":"e2df3a34-a71b-4448-9db5-a8d2baad28e4","contact_create_notification":{"contact":{"id":"01FJA8B466Y0R2GNXD78MD9SM1","channel_identities":[{"channel":"SMS","identity":"48123456789","app_id":""}],"display_name":"New Test Contact","email":"new.contact@email.com","external_id":"","metadata":"","language":"EN_US"}},"message_metadata":""}',
	signature: '6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=',
};
