/**
 * Fills in a deb/rpm script template as electron-builder does (FpmTarget's writeConfigFile):
 * `${name}` macros from the packager's values, and an unknown macro is an error there too.
 */
export const PACKAGE_MACROS = { executable: 'openccp', sanitizedProductName: 'OpenCCP' } as const;

export function renderPackageScript(
  template: string,
  macros: Readonly<Record<string, string>> = PACKAGE_MACROS,
): string {
  return template.replace(/\${([a-zA-Z]+)}/g, (_match, name: string) => {
    const value = macros[name];
    if (value === undefined) throw new Error(`Macro ${name} is not defined`);
    return value;
  });
}
