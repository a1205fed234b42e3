// n8n finds the nodes and credential through the "n8n" section of package.json; this entry only names them for require().
module.exports = {
	nodes: [
		'./dist/nodes/SinchConversation/SinchConversation.node.js',
		'./dist/nodes/SinchConversationTrigger/SinchConversationTrigger.node.js',
	],
	credentials: ['./dist/credentials/SinchConversationApi.credentials.js'],
};
