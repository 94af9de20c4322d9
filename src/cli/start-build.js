// The first module `npm run build` loads (package.json: `node --import ./src/cli/start-build.js
// --import tsx/esm src/cli/build.ts`): the process starts again with its memory settings
// (build-process.js) here, before the TypeScript loader and the build's modules load. Started again
// from src/cli/build.ts, a build loaded tsx twice (~0.1 s of each build). Plain JavaScript for that.
import { startWithSettings } from "./build-process.js";

startWithSettings();
