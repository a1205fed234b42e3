// Loaded into n8n's processes by the bench (NODE_OPTIONS --require): prints the process's peak resident memory when
// it exits, with its script, so the bench can tell n8n's main process from its task runner.
const { writeSync } = require('node:fs');

process.on('exit', () => {
	writeSync(1, `\nPEAK_RSS_KB ${process.resourceUsage().maxRSS} ${process.argv[1] ?? ''}\n`);
});
