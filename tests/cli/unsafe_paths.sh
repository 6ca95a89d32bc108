#!/usr/bin/env bash
# cli/unsafe_paths.sh: unsafe database paths (open to others, a symbolic
# link, not LMDB, another user's) are refused, never changed.
. "$(dirname "$0")/../lib.sh"

make_db 1
mkdir -p "$WORK/open" && chmod 755 "$WORK/open"
run perm-dir 1 --db "$WORK/open" init
err_has perm-dir "open to others (mode 755)"
same "mode untouched" "$(stat -c %a "$WORK/open")" 755
"$BIN" --db "$WORK/fileperm" --today $T demo --participants 2 --seed 1 >/dev/null
chmod 644 "$WORK/fileperm/data.mdb"
run perm-file 1 --db "$WORK/fileperm" list
err_has perm-file "data.mdb: open to others (mode 644)"
ln -s "$DB" "$WORK/link"
run symlink 1 --db "$WORK/link" list
err_has symlink "a symbolic link"
mkdir -m 700 "$WORK/notlmdb" && printf 'not lmdb at all' >"$WORK/notlmdb/data.mdb" && chmod 600 "$WORK/notlmdb/data.mdb"
run not-lmdb 1 --db "$WORK/notlmdb" list
err_has not-lmdb "notlmdb"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	mkdir -m 700 "$WORK/theirs" && chown nobody "$WORK/theirs"
	run not-ours 1 --db "$WORK/theirs" init
	err_has not-ours "belongs to another user"
fi

finish
