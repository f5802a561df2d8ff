@echo off
rem Runs samizdat from a checkout on Windows: builds target\samizdat.jar with the Maven wrapper
rem when it is missing or older than src\main, templates or pom.xml (the age check needs
rem PowerShell; without it the jar is built only when missing), then runs it as the release's
rem bin\samizdat.cmd does, with the same JVM options. The exit code is samizdat's.
setlocal
set "SAMIZDAT_HOME=%~dp0"
set "SAMIZDAT_JAR=%SAMIZDAT_HOME%target\samizdat.jar"
set "SAMIZDAT_JVM_DIR=%SAMIZDAT_HOME%src\main\jvm"
if not exist "%SAMIZDAT_JAR%" goto build
powershell -NoProfile -NonInteractive -Command "$jar = (Get-Item -LiteralPath $env:SAMIZDAT_JAR).LastWriteTimeUtc; $newer = Get-ChildItem -LiteralPath (Join-Path $env:SAMIZDAT_HOME 'src\main'), (Join-Path $env:SAMIZDAT_HOME 'templates'), (Join-Path $env:SAMIZDAT_HOME 'pom.xml') -Recurse -File | Where-Object { $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1; if ($newer) { exit 3 } else { exit 0 }" >nul 2>nul
if "%ERRORLEVEL%"=="3" goto build
goto run

:build
echo samizdat: building %SAMIZDAT_JAR% ... 1>&2
pushd "%SAMIZDAT_HOME%"
call mvnw.cmd -B -q -DskipTests package 1>&2
set "SAMIZDAT_BUILT=%ERRORLEVEL%"
popd
if not "%SAMIZDAT_BUILT%"=="0" goto failed

:run
call "%SAMIZDAT_HOME%src\main\dist\bin\samizdat.cmd" %*
exit /b %ERRORLEVEL%

:failed
echo samizdat: build failed 1>&2
exit /b 1
