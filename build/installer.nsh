; Windows installer hooks: register the element-auth:// OAuth callback scheme for the current user only
; (HKCU, no admin rights), pointing at the installed app, and remove it when the app is uninstalled.
!macro customInstall
  WriteRegStr HKCU "Software\Classes\element-auth" "" "URL:Element Authenticator OAuth callback"
  WriteRegStr HKCU "Software\Classes\element-auth" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\element-auth\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr HKCU "Software\Classes\element-auth\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegKey HKCU "Software\Classes\element-auth"
  ${endIf}
!macroend
