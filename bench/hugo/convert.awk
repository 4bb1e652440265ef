# Copies bench articles from the folder `from` to `to` (whose folders exist), their front matter
# rewritten for Hugo: the date with its zone (Tashkent, UTC+5 all year), the category and author
# as one-element taxonomies, and the date's year, month and day as taxonomies too, Hugo's
# stand-ins for date archives.
FNR == 1 { close(out); out = to substr(FILENAME, length(from) + 1); fm = 0 }
/^---$/ { fm++; print > out; next }
fm == 1 && /^date: / {
  d = $2
  print "date: " d "T" $3 ":00+05:00" > out
  print "years: [\"" substr(d, 1, 4) "\"]" > out
  print "months: [\"" substr(d, 1, 7) "\"]" > out
  print "days: [\"" d "\"]" > out
  next
}
fm == 1 && /^category: / { sub(/^category: /, ""); print "categories: [\"" $0 "\"]" > out; next }
fm == 1 && /^author: / { sub(/^author: /, ""); print "authors: [\"" $0 "\"]" > out; next }
{ print > out }
