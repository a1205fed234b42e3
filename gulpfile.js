const { src, dest } = require('gulp');

// tsc compiles only TypeScript; n8n loads icons and codex files from dist/ beside the compiled classes.
function copyAssets() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = copyAssets;
