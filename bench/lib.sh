# Shared by bench/run and bench/versus-hugo, which source it from the repository's root.
work="$PWD/bench/work"
trash="$work/trash"
classes="$PWD/target/bench-classes"
mkdir -p "$work"
# One run at a time: two would time each other, and one would delete the other's trash.
exec 9>"$work/.lock"
flock -n 9 || { echo "bench: another run is using $work" >&2; exit 1; }

# Compiles Gazette (on first use) and the benchmark's own classes.
compile_bench() {
  ./gazette --version >/dev/null   # compiles on first use, records the class-data archive
  rm -rf "$classes" && mkdir -p "$classes"
  javac -d "$classes" -cp target/gazette.jar bench/src/dev/gazette/bench/*.java
}

# corpus N: makes the synthetic site of N articles in $work/site-N, once.
corpus() {
  local site="$work/site-$1"
  if [ ! -f "$site/.complete" ]; then
    [ -e "$site" ] && delete "$site"
    java -cp "$classes" dev.gazette.bench.CorpusGenerator "$1" "$site"
    touch "$site/.complete"
  fi
}

# A cold build starts without output or cache. They are moved aside rather than deleted just
# before it (creating 35,000 files and folders right after deleting as many cost 5-15 s of kernel
# time here, which a fresh checkout never pays: see settle). The trash is emptied at the end
# (also of an earlier, broken run), and the next run waits some minutes after that.
# Each cold build also starts with the sources in the page cache, as after a checkout or an edit,
# and with the previous build's output written to disk. Otherwise it would time this machine's
# disk: its memory manager pages out files unread for about a minute, the sources of the last run
# too, and reading the 78 MB of 10,000 articles back took 1.7 s whatever the number of readers
# (1.2 s more for the build).
#
# set_aside SITE NAME...: moves SITE/NAME (each that exists) to the trash, then reads SITE's
# sources and syncs.
set_aside() {
  local site="$1" dest name
  shift
  mkdir -p "$trash"
  dest="$(mktemp -d "$trash/run-XXXXXX")"
  for name in "$@"; do
    [ -e "$site/$name" ] && mv "$site/$name" "$dest/"
  done
  find "$site/content" -type f -print0 | xargs -0 cat >/dev/null
  sync
}

# When the benchmark last deleted files, for settle.
deleted_at="$work/.deleted-at"

# delete PATH...: deletes them and notes when.
delete() {
  rm -rf "$@"
  date +%s >"$deleted_at"
}

# settle: waits until ten minutes have passed since the benchmark last deleted files (SETTLE
# seconds; SETTLE=0 waits for nothing). On a file system without a journal, as here, ext4 reads
# each inode freed in the last minutes before it hands one out, and passes over it: a cold build
# of 10,000 articles 3-5 minutes after 7 GB of old outputs were deleted took 4.5-5.3 s of kernel
# time instead of 2.4 s ten minutes after (in a profile, 14% of all samples were in ext4's
# recently_deleted(), against 0.3%).
settle() {
  local last now wait
  [ -f "$deleted_at" ] || return 0
  read -r last <"$deleted_at"
  now=$(date +%s)
  wait=$((last + ${SETTLE:-600} - now))
  if [ "$wait" -gt 0 ]; then
    echo "(waiting ${wait} s: files were deleted $((now - last)) s ago; see settle in bench/lib.sh)"
    sleep "$wait"
  fi
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
