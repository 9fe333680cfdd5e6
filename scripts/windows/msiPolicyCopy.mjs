/**
 * The MSI's install-time machine policy (issue 16), the MSI twin of the NSIS installer's
 * `/POLICY=` (assets/windows/installer.nsh):
 *
 *   msiexec /i OpenCCP-<version>.msi /quiet POLICY=\\server\share\openccp\policy.json
 *
 * copies that file to <ProgramData>\openccp\policy.json, where the app reads the machine policy.
 *
 * electron-builder's MSI target has no option for it, but it calls the `msiProjectCreated` hook
 * (electron-builder.yml) with the WiX project it wrote, before WiX compiles it. This adds, with
 * Windows Installer's own tables and no custom action:
 *  - a public, secure POLICY property (secure: a per-machine install runs its file operations
 *    in the elevated service, which only receives properties marked secure);
 *  - the folder CommonAppDataFolder\openccp (the ProgramData folder Windows Installer resolves,
 *    never the user's %ProgramData%);
 *  - a component, installed only when POLICY is set, whose CopyFile (the MoveFile table, with
 *    the source's full path in POLICY) copies the file there as policy.json.
 * Like the NSIS installer, an upgrade or repair without POLICY leaves a policy file already in
 * place alone, and uninstalling keeps it (Windows Installer never owned the copied file).
 *
 * The anchors are the lines of electron-builder's template this edits; a template without them
 * (a future electron-builder) stops the build here, instead of shipping an MSI that ignores POLICY.
 */
import { readFile, writeFile } from 'node:fs/promises';

/** The public property IT passes on the msiexec command line. */
export const POLICY_PROPERTY = 'POLICY';
/** The folder's WiX id; Windows Installer sets it to <ProgramData>\openccp. */
export const POLICY_FOLDER_ID = 'OPENCCPPOLICYFOLDER';
/** Fixed for the product's life: Windows Installer tracks the component by it across upgrades. */
export const POLICY_COMPONENT_GUID = '{6F1B8E0C-2D4A-4C8B-9E57-3A0F5C1D7B42}';

const TARGET_DIR = '<Directory Id="TARGETDIR" Name="SourceDir">';
const FEATURE = '<Feature Id="ProductFeature" Absent="disallow">';

/**
 * The WiX project with the POLICY copy added.
 * @param {string} project the project.wxs electron-builder wrote
 * @returns {string}
 */
export function addPolicyCopy(project) {
  for (const anchor of [TARGET_DIR, FEATURE]) {
    const count = project.split(anchor).length - 1;
    if (count !== 1) {
      throw new Error(
        `msiPolicyCopy: expected "${anchor}" once in electron-builder's MSI project, found it ${count} times`,
      );
    }
  }
  if (project.includes(POLICY_FOLDER_ID)) return project;
  const folder = [
    TARGET_DIR,
    '      <Directory Id="CommonAppDataFolder">',
    `        <Directory Id="${POLICY_FOLDER_ID}" Name="openccp"/>`,
    '      </Directory>',
  ].join('\n');
  const component = [
    `<Property Id="${POLICY_PROPERTY}" Secure="yes"/>`,
    `    ${FEATURE}`,
    `      <Component Id="MachinePolicyCopy" Directory="${POLICY_FOLDER_ID}" Guid="${POLICY_COMPONENT_GUID}">`,
    `        <Condition>${POLICY_PROPERTY}</Condition>`,
    '        <CreateFolder/>',
    `        <CopyFile Id="MachinePolicyFile" SourceProperty="${POLICY_PROPERTY}" DestinationDirectory="${POLICY_FOLDER_ID}" DestinationName="policy.json"/>`,
    '      </Component>',
  ].join('\n');
  // Functions as replacements: a `$` in the project must never be read as a pattern.
  return project.replace(TARGET_DIR, () => folder).replace(FEATURE, () => component);
}

/**
 * electron-builder's `msiProjectCreated` hook: edits the project file in place.
 * @param {string} projectFile
 */
export default async function msiProjectCreated(projectFile) {
  const project = await readFile(projectFile, 'utf8');
  await writeFile(projectFile, addPolicyCopy(project));
}
