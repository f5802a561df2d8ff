@echo off
rem Runs samizdat on Windows: lib\samizdat.jar with a Java 17 or newer runtime
rem (%JAVA_HOME%\bin\java.exe, else java on the PATH) and the JVM options that
rem docs\performance.md measured for each command. SAMIZDAT_JAVA_OPTS, when set and not empty,
rem replaces those options. SAMIZDAT_JAR and SAMIZDAT_JVM_DIR (the folder of ingest's option
rem files) point elsewhere: the checkout's samizdat.cmd uses them. The exit code is samizdat's.
setlocal
if not defined SAMIZDAT_JAR set "SAMIZDAT_JAR=%~dp0..\lib\samizdat.jar"
if not defined SAMIZDAT_JVM_DIR set "SAMIZDAT_JVM_DIR=%~dp0..\lib\jvm"
set "SAMIZDAT_JAVA=java"
if defined JAVA_HOME set "SAMIZDAT_JAVA=%JAVA_HOME%\bin\java.exe"
if defined JAVA_HOME if not exist "%SAMIZDAT_JAVA%" goto nojava
if defined JAVA_HOME goto found
rem java along the PATH with each extension cmd would try ("where" is not on every system).
set "SAMIZDAT_ON_PATH="
for %%E in (%PATHEXT%) do call :onpath java%%E
if not defined SAMIZDAT_ON_PATH goto nojava
:found

rem The command is the first argument that does not start with "-".
set "SAMIZDAT_COMMAND="
:scan
if "%~1"=="" goto scanned
set "SAMIZDAT_ARG=%~1"
if not "%SAMIZDAT_ARG:~0,1%"=="-" goto command
shift
goto scan
:command
set "SAMIZDAT_COMMAND=%SAMIZDAT_ARG%"
:scanned

set "SAMIZDAT_OPTS="
if "%SAMIZDAT_COMMAND%"=="build" set "SAMIZDAT_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms896m -Xmn192m"
if "%SAMIZDAT_COMMAND%"=="mirror" set "SAMIZDAT_OPTS=-XX:+UseParallelGC"
if "%SAMIZDAT_COMMAND%"=="ingest" set "SAMIZDAT_OPTS="@%SAMIZDAT_JVM_DIR%\ingest.args" "-XX:CompilerDirectivesFile=%SAMIZDAT_JVM_DIR%\ingest-compiler.json""
if defined SAMIZDAT_JAVA_OPTS set "SAMIZDAT_OPTS=%SAMIZDAT_JAVA_OPTS%"

rem %* holds every argument, whatever SHIFT did above.
"%SAMIZDAT_JAVA%" %SAMIZDAT_OPTS% -jar "%SAMIZDAT_JAR%" %*
exit /b %ERRORLEVEL%

:nojava
echo samizdat: no Java runtime: install Java 17 or newer, or set JAVA_HOME 1>&2
exit /b 1

:onpath
if not "%~$PATH:1"=="" set "SAMIZDAT_ON_PATH=%~$PATH:1"
exit /b 0
