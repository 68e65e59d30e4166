# Sourced by ./mvnw (POSIX sh). Two things the plain Maven wrapper does not do:
#  1. find a JDK 21+ when JAVA_HOME is unset or names an older JDK;
#  2. take the Maven distribution from the local Maven repository, fetching it there once with the
#     machine's own Maven (which knows Maven Central), so that no repository host is named here.
# Override with JAVA_HOME (a JDK 21+) or TIJDIG_JDK_MIN.

TIJDIG_JDK_MIN="${TIJDIG_JDK_MIN:-21}"

# Prints the major version of the JDK at $1, or nothing when it is not a JDK.
tijdig_jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$v" in
  1.*) v=${v#1.} ;;
  esac
  printf '%s\n' "${v%%[!0-9]*}"
}

tijdig_find_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    major=$(tijdig_jdk_major "$JAVA_HOME")
    [ -n "$major" ] && [ "$major" -ge "$TIJDIG_JDK_MIN" ] && return 0
    echo "JAVA_HOME=$JAVA_HOME is not a JDK $TIJDIG_JDK_MIN+ (found: ${major:-none}); looking for one." >&2
  fi
  candidates=""
  if command -v javac >/dev/null 2>&1; then
    candidates=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  fi
  set +f
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*/jdk* "$HOME"/.sdkman/candidates/java/* \
    "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && candidates="$candidates
$d"
  done
  set -f
  best="" best_major=0
  old_ifs=$IFS
  IFS='
'
  for d in $candidates; do
    major=$(tijdig_jdk_major "$d")
    [ -n "$major" ] || continue
    if [ "$major" -ge "$TIJDIG_JDK_MIN" ] && [ "$major" -gt "$best_major" ]; then
      best=$d best_major=$major
    fi
  done
  IFS=$old_ifs
  if [ -z "$best" ]; then
    echo "Tijdig needs a JDK $TIJDIG_JDK_MIN or newer, and none was found (looked at JAVA_HOME, PATH and" >&2
    echo "/usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks). Install one (e.g. apt-get install" >&2
    echo "openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
  [ "${MVNW_VERBOSE-}" != true ] || echo "Using JDK $best_major at $JAVA_HOME" >&2
}

# Makes sure the distribution zip (or tar.gz) named by $1 (a path under the local repository) is
# there, fetching it with the machine's own Maven when it is not.
tijdig_fetch_maven() {
  file=$1
  [ -f "$file" ] && return 0
  name=${file##*/}
  version=${name#apache-maven-}
  version=${version%-bin.*}
  type=${name##*-bin.}
  if ! command -v mvn >/dev/null 2>&1; then
    echo "The Maven $version distribution is not in your local repository ($file)" >&2
    echo "and no 'mvn' is installed to fetch it. Install Maven once (e.g. apt-get install maven)," >&2
    echo "or set MVNW_REPOURL to a Maven repository's URL." >&2
    exit 1
  fi
  echo "Fetching Maven $version into the local repository (once)..." >&2
  mvn -q -B "-Dmaven.repo.local=${file%%/org/apache/maven/*}" org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get \
    "-Dartifact=org.apache.maven:apache-maven:$version:$type:bin" -Dtransitive=false >&2 ||
    { echo "Could not fetch Maven $version with the installed mvn." >&2; exit 1; }
}
