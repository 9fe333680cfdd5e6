; OpenCCP's additions to electron-builder's NSIS installer (electron-builder.yml nsis.include).
;
; Silent deployment with a machine policy (README "For IT"):
;   OpenCCP-Setup.exe /S /POLICY=\\fileserver\it\openccp\policy.json
; copies that file to <ProgramData>\openccp\policy.json, where the app reads the machine policy
; (main/provisioning/policyPath.ts). The installer runs per machine and elevated, so it writes
; the folder only administrators can; $COMMONAPPDATA is the ProgramData folder the OS resolves.
; A policy file left in place by an earlier install is replaced only when /POLICY is given.

!include "FileFunc.nsh"

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/POLICY=" $R1
  ${IfNot} ${Errors}
    SetShellVarContext all
    CreateDirectory "$COMMONAPPDATA\openccp"
    ClearErrors
    CopyFiles /SILENT "$R1" "$COMMONAPPDATA\openccp\policy.json"
    ${If} ${Errors}
      ; Silent installs have no one to tell: the exit code says it (the app itself is installed).
      SetErrorLevel 3
      DetailPrint "OpenCCP: could not copy the policy file $R1"
    ${EndIf}
  ${EndIf}
!macroend
