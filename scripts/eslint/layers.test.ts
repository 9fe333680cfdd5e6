/**
 * Each layer rule fires on a planted violation, and stays quiet on the import it allows: the
 * lint run itself (ESLint with the project's config) judges code placed in each folder.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const planted = 1;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'openccp/layers')
    .map((message) => message.message);
}

// The first lint loads the whole ESLint configuration (seconds on a loaded machine), more than
// vitest's default 5 s allows a test.
describe('layer rules (scripts/eslint/layers.js)', { timeout: 60_000 }, () => {
  it.each([
    [
      'common imports main',
      'common/dialing/planted.ts',
      "import '../../main/desk/AgentDesk';",
      /may not import 'main\/desk\/AgentDesk'/,
    ],
    [
      'common imports a Node built-in',
      'common/planted.ts',
      "import 'node:fs';",
      /package 'node:fs'/,
    ],
    ['common imports React', 'common/planted.ts', "import 'react';", /package 'react'/],
    [
      'main imports the UI',
      'main/desk/planted.ts',
      "import '../../renderer/ui/app/App';",
      /may not import 'renderer\/ui\/app\/App'/,
    ],
    [
      'main imports a preload',
      'main/planted.ts',
      "import '../preload/ui';",
      /may not import 'preload\/ui'/,
    ],
    [
      'main outside the shell imports Electron',
      'main/desk/planted.ts',
      "import 'electron';",
      /package 'electron'/,
    ],
    [
      'the composition imports an Electron file of the shell',
      'main/planted.ts',
      "import './shell/windows';",
      /Electron-free and may not import 'main\/shell\/windows'/,
    ],
    [
      'the shell port imports Electron',
      'main/shell/ShellPort.ts',
      "import 'electron';",
      /package 'electron'/,
    ],
    [
      'the UI imports the engine',
      'renderer/ui/planted.ts',
      "import '../engine/SipEngine';",
      /may not import 'renderer\/engine\/SipEngine'/,
    ],
    [
      'the UI imports main',
      'renderer/ui/planted.ts',
      "import '../../main/dialing/DialingRules';",
      /may not import 'main\/dialing/,
    ],
    ['the UI imports JsSIP', 'renderer/ui/planted.ts', "import 'jssip';", /package 'jssip'/],
    [
      'the engine imports the UI',
      'renderer/engine/planted.ts',
      "import '../ui/app/App';",
      /may not import 'renderer\/ui\/app\/App'/,
    ],
    [
      'a preload imports main',
      'preload/planted.ts',
      "import '../main/app';",
      /may not import 'main\/app'/,
    ],
    [
      'a folder with no layer imports anything',
      'newfolder/planted.ts',
      "import 'zod';",
      /is in no layer/,
    ],
  ])('fires when %s', async (_what, filePath, code, expected) => {
    const problems = await layerProblems(filePath, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it.each([
    ['common imports zod', 'common/planted.ts', "import 'zod';"],
    ['main imports common', 'main/desk/planted.ts', "import '../../common/contract';"],
    ['the shell imports Electron', 'main/shell/planted.ts', "import 'electron';"],
    ['the composition imports the shell port', 'main/planted.ts', "import './shell/ShellPort';"],
    ['the shell imports its port', 'main/shell/planted.ts', "import './ShellPort';"],
    [
      'the UI imports common dialing',
      'renderer/ui/planted.ts',
      "import '../../common/dialing/formatAsTyped';",
    ],
    ['the engine imports JsSIP', 'renderer/engine/planted.ts', "import 'jssip';"],
    [
      'a test under main uses vitest and node:fs',
      'main/planted.test.ts',
      "import 'vitest';\nimport 'node:fs';",
    ],
  ])('allows it when %s', async (_what, filePath, code) => {
    expect(await layerProblems(filePath, code)).toEqual([]);
  });
});
