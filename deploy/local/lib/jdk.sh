# Finds a JDK whose major version is at least 21: JAVA_HOME first, then /usr/lib/jvm.
# Prints its home; fails with a clear message when there is none.

jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [[ -n "$candidate" && -x "$candidate/bin/javac" ]] || continue
    major=$(jdk_major "$candidate")
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 21 )); then
      echo "$candidate"
      return 0
    fi
  done
  echo "No JDK >= 21 found: set JAVA_HOME or install one under /usr/lib/jvm" >&2
  return 1
}
