#!/bin/sh
# CTest runs each Catch test case by its name (catch_discover_tests), and CMake splits a name at ';' into two
# entries that match no test case and pass: a test case whose name holds ';' never runs. Fails, naming them, if any.
# usage: tests/check_test_names.sh GONGSHI_TESTS_BINARY
names=$("$1" --list-test-names-only)  # Catch 2 exits with the number of test cases listed, so not checked
[ -n "$names" ] || { echo "no test cases listed by $1"; exit 1; }
bad=$(printf '%s\n' "$names" | grep -F ';')
if [ -n "$bad" ]; then
    echo "test case names with ';' — CTest never runs them; write ' — ' or a comma instead:"
    printf '%s\n' "$bad"
    exit 1
fi
echo "$(printf '%s\n' "$names" | grep -c .) test case names, none with ';'"
