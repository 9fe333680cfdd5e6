/**
 * The MSI's POLICY property (scripts/windows/msiPolicyCopy.mjs), checked on the WiX project
 * electron-builder really writes for OpenCCP: its MSI target runs here on a prepackaged
 * stand-in folder up to the `msiProjectCreated` hook; only compiling needs WiX, which
 * electron-builder downloads and runs on Windows, so the build stops right after the hook.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { load } from 'js-yaml';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import msiProjectCreated, {
  addPolicyCopy,
  POLICY_COMPONENT_GUID,
  POLICY_FOLDER_ID,
} from './msiPolicyCopy.mjs';

type Node = Record<string, unknown>;

const STOP = 'stopped after the MSI project was written';
let work: string;
let project: string;

/** electron-builder's MSI project for this app, after the hook, as electron-builder.yml runs it. */
async function builtProject(): Promise<string> {
  const { build, Platform } = await import('electron-builder');
  const appDir = join(work, 'win-unpacked');
  mkdirSync(join(appDir, 'resources'), { recursive: true });
  writeFileSync(join(appDir, 'OpenCCP.exe'), 'stand-in');
  writeFileSync(join(appDir, 'resources', 'app.asar'), 'stand-in');
  const captured = join(work, 'project.wxs');
  const failure = await build({
    projectDir: process.cwd(),
    prepackaged: appDir,
    targets: Platform.WINDOWS.createTarget('msi'),
    publish: 'never',
    config: {
      directories: { output: join(work, 'dist') },
      electronVersion: '45.4.1',
      msiProjectCreated: async (file: string) => {
        await msiProjectCreated(file);
        writeFileSync(captured, readFileSync(file));
        throw new Error(STOP);
      },
    },
  }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(String(failure)).toContain(STOP);
  return readFileSync(captured, 'utf8');
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Every element as a list, so a test reads one or many the same way; attributes as values.
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

function children(node: Node, name: string): Node[] {
  return (node[name] as Node[] | undefined) ?? [];
}

function product(wxs: string): Node {
  const [wix] = children(parser.parse(wxs) as Node, 'Wix');
  const [found] = children(wix!, 'Product');
  if (!found) throw new Error('no Product in the MSI project');
  return found;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'openccp-msi-'));
  project = await builtProject();
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the MSI project with the POLICY property', () => {
  it('electron-builder.yml runs this hook when it writes the MSI project', () => {
    const config = load(readFileSync('electron-builder.yml', 'utf8')) as {
      msiProjectCreated?: string;
    };
    expect(config.msiProjectCreated).toBe('scripts/windows/msiPolicyCopy.mjs');
  });

  it('stays well-formed XML', () => {
    expect(XMLValidator.validate(project)).toBe(true);
  });

  it('declares POLICY secure, so a per-machine install passes it to the elevated file copy', () => {
    expect(children(product(project), 'Property')).toContainEqual({ Id: 'POLICY', Secure: 'yes' });
  });

  it('puts the destination in <CommonAppDataFolder>\\openccp, the ProgramData Windows Installer resolves', () => {
    const [target] = children(product(project), 'Directory').filter(
      (directory) => directory['Id'] === 'TARGETDIR',
    );
    const [common] = children(target!, 'Directory').filter(
      (directory) => directory['Id'] === 'CommonAppDataFolder',
    );
    expect(children(common!, 'Directory')).toEqual([{ Id: POLICY_FOLDER_ID, Name: 'openccp' }]);
  });

  it('copies the file POLICY names to policy.json there, in a component installed only when POLICY is set', () => {
    const [feature] = children(product(project), 'Feature');
    expect(feature!['Id']).toBe('ProductFeature');
    const [component] = children(feature!, 'Component');
    expect(component).toMatchObject({
      Id: 'MachinePolicyCopy',
      Directory: POLICY_FOLDER_ID,
      Guid: POLICY_COMPONENT_GUID,
      Condition: ['POLICY'],
      CreateFolder: [''],
    });
    expect(children(component!, 'CopyFile')).toEqual([
      {
        Id: 'MachinePolicyFile',
        SourceProperty: 'POLICY',
        DestinationDirectory: POLICY_FOLDER_ID,
        DestinationName: 'policy.json',
      },
    ]);
    // The app's own files are still in the feature.
    expect(children(feature!, 'ComponentGroupRef')).toEqual([{ Id: 'ProductComponents' }]);
  });

  it('changes nothing more when the hook runs twice', () => {
    expect(addPolicyCopy(project)).toBe(project);
  });

  it('refuses a project without the anchors it edits, naming the missing line', () => {
    const changed = project.replace(
      '<Feature Id="ProductFeature" Absent="disallow">',
      '<Feature Id="Main">',
    );
    expect(() => addPolicyCopy(changed)).toThrow(
      /expected "<Feature Id="ProductFeature" Absent="disallow">" once .* found it 0 times/,
    );
  });
});
