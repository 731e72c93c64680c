; Inno Setup script for BP Studio (Windows 10/11 x64). UTF-8 with a byte-order mark, so Inno reads the Chinese texts right.
; Compiles with Inno Setup 6.3 or later. Chinese Simplified set-up pages need
; Inno Setup 7.0.2 or later, the first release that ships ChineseSimplified.isl;
; older compilers build an English-only installer and say so.
; Build on Windows after the PyInstaller bundle exists (packaging/README.md, and
; the windows job of .github/workflows/installers.yml, which does exactly this):
;   python packaging\render_icons.py resources\icons\bpstudio.svg packaging\windows\bpstudio.ico
;   python -m PyInstaller --noconfirm --distpath dist\pyinstaller --workpath dist\build packaging\bpstudio.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\bpstudio.iss
#if VER < EncodeVer(6,3,0)
  #error BP Studio's installer needs Inno Setup 6.3 or later (x64compatible, HKA)
#endif
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "bpstudio-gui.exe"
; The .bpstudio session file: extension, ProgID and the name Explorer shows.
#define SessionExt ".bpstudio"
#define SessionProgId "BPStudio.Session"
; The .bplecture lecture file (docs/lecture-format.md): a double-click opens it on its first scene.
#define LectureExt ".bplecture"
#define LectureProgId "BPStudio.Lecture"

[Setup]
AppId={{92BED600-49B5-5F92-A02F-ACC768E74BDB}
AppName=BP Studio
AppVersion={#AppVersion}
AppPublisher=BP Studio developers
DefaultDirName={autopf}\BP Studio
DefaultGroupName=BP Studio
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=bpstudio-{#AppVersion}-setup
SetupIconFile=bpstudio.ico
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
; x64 only: PySide6 and NumPy wheels for Windows are x64 (and arm64) builds.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Per-user install without administrator rights is offered; associations then go to HKCU.
PrivilegesRequiredOverridesAllowed=dialog
; Explorer re-reads file associations after install and uninstall (icons, double-click).
ChangesAssociations=yes
; The optional "bpstudio on PATH" task: running programs are told the environment changed.
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if VER >= EncodeVer(7,0,2)
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "Inno Setup older than 7.0.2 has no ChineseSimplified.isl: this installer is English only"
#endif

[CustomMessages]
english.AssociateSessions=Open .bpstudio session and .bplecture lecture files with BP Studio
english.FileTypes=File types:
english.AddToPath=Add the bpstudio command to PATH (for bpstudio train, chain, ... in a terminal)
english.CommandLine=Command line:
#if VER >= EncodeVer(7,0,2)
chinesesimplified.AssociateSessions=用 BP Studio 打开 .bpstudio 会话文件和 .bplecture 讲课文件
chinesesimplified.FileTypes=文件类型：
chinesesimplified.AddToPath=把 bpstudio 命令加入 PATH（可在终端运行 bpstudio train、chain 等）
chinesesimplified.CommandLine=命令行：
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:AssociateSessions}"; GroupDescription: "{cm:FileTypes}"
Name: "addtopath"; Description: "{cm:AddToPath}"; GroupDescription: "{cm:CommandLine}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle whole: files an older version had and this one lacks
; (a removed library, an older Qt plugin) would otherwise stay in _internal and be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; the one-folder bundle: bpstudio.exe (console, for `bpstudio train`) and bpstudio-gui.exe (windowed);
; LICENSE, THIRD_PARTY_NOTICES.md and licenses\ are inside it (_internal\)
Source: "..\..\dist\pyinstaller\bpstudio\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\BP Studio"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,BP Studio}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\BP Studio"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA = HKLM for an all-users install, HKCU for a per-user one. Uninstall removes what was added,
; and the keys it leaves empty (uninsdeletekeyifempty), so no empty .bpstudio key stays behind.
Root: HKA; Subkey: "Software\Classes\{#SessionExt}"; Flags: uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#SessionExt}"; ValueType: string; ValueName: ""; ValueData: "{#SessionProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#SessionExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-bpstudio"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#SessionExt}\OpenWithProgids"; Flags: uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#SessionExt}\OpenWithProgids"; ValueType: string; ValueName: "{#SessionProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#SessionProgId}"; ValueType: string; ValueName: ""; ValueData: "BP Studio session"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#SessionProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#SessionProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#LectureExt}"; Flags: uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#LectureExt}"; ValueType: string; ValueName: ""; ValueData: "{#LectureProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#LectureExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-bplecture"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#LectureExt}\OpenWithProgids"; Flags: uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#LectureExt}\OpenWithProgids"; ValueType: string; ValueName: "{#LectureProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#LectureProgId}"; ValueType: string; ValueName: ""; ValueData: "BP Studio lecture"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#LectureProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#LectureProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; Flags: uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#SessionExt}"; ValueData: ""; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#LectureExt}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
; bpstudio.exe (the console launcher) on PATH: the user's PATH for a per-user install, the system's
; for an all-users one; added once, removed again by the uninstaller ([Code] below).
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: (not IsAdminInstallMode) and NeedsAddPath('{app}'); Tasks: addtopath
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: IsAdminInstallMode and NeedsAddPath('{app}'); Tasks: addtopath

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,BP Studio}"; Flags: nowait postinstall skipifsilent

[Code]
function PathRoot: Integer;
begin
  if IsAdminInstallMode then
    Result := HKEY_LOCAL_MACHINE
  else
    Result := HKEY_CURRENT_USER;
end;

function PathKey: String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

{ True when Dir is not yet one of PATH's entries (compared without case, as Windows does). }
function NeedsAddPath(Dir: String): Boolean;
var
  Paths: String;
begin
  if not RegQueryStringValue(PathRoot, PathKey, 'Path', Paths) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;

{ The uninstaller takes {app} out of PATH again, leaving every other entry as it was. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Paths, Dir: String;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  if not RegQueryStringValue(PathRoot, PathKey, 'Path', Paths) then
    Exit;
  Dir := ExpandConstant('{app}');
  P := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';');
  if P = 0 then
    Exit;
  if P = 1 then
    Delete(Paths, 1, Length(Dir) + 1)
  else
    Delete(Paths, P - 1, Length(Dir) + 1);
  RegWriteExpandStringValue(PathRoot, PathKey, 'Path', Paths);
end;
