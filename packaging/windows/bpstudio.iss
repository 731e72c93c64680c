; Inno Setup script for BP Studio (Windows). NOT verified here: no Windows machine.
; Build on Windows after the PyInstaller bundle exists (see packaging/README.md):
;   python packaging\render_icons.py resources\icons\bpstudio.svg packaging\windows\bpstudio.ico
;   python -m PyInstaller --noconfirm packaging\bpstudio.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\bpstudio.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{92BED600-49B5-5F92-A02F-ACC768E74BDB}
AppName=BP Studio
AppVersion={#AppVersion}
AppPublisher=BP Studio developers
DefaultDirName={autopf}\BP Studio
DefaultGroupName=BP Studio
OutputDir=..\..\dist
OutputBaseFilename=bpstudio-{#AppVersion}-setup
SetupIconFile=bpstudio.ico
UninstallDisplayIcon={app}\bpstudio-gui.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; the one-folder bundle: bpstudio.exe (console, for `bpstudio train`) and bpstudio-gui.exe (windowed)
Source: "..\..\dist\pyinstaller\bpstudio\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\BP Studio"; Filename: "{app}\bpstudio-gui.exe"
Name: "{group}\{cm:UninstallProgram,BP Studio}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\BP Studio"; Filename: "{app}\bpstudio-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\bpstudio-gui.exe"; Description: "{cm:LaunchProgram,BP Studio}"; Flags: nowait postinstall skipifsilent
