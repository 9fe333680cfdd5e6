/** Types of msiPolicyCopy.mjs, which electron-builder loads as plain JavaScript. */
export declare const POLICY_PROPERTY: 'POLICY';
export declare const POLICY_FOLDER_ID: string;
export declare const POLICY_COMPONENT_GUID: string;
export declare function addPolicyCopy(project: string): string;
export default function msiProjectCreated(projectFile: string): Promise<void>;
