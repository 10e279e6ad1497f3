/* Folding text for search: case, accents and punctuation do not count. */
#ifndef CISPREF_FOLD_H
#define CISPREF_FOLD_H

#include <stddef.h>

/* Called with each word of a text, folded (lower case, no accents), NUL-terminated and
 * valid only during the call; a non-zero return stops the walk and is returned. */
typedef int (*fold_word_cb)(const char *word, size_t length, void *payload);

/* Fold @text with utf8proc (NFKD, case folding, marks stripped) and call @callback for
 * each word: each run of letters and digits. Returns 0, the callback's value, -1 for
 * invalid UTF-8 or -2 when out of memory. */
int cispref__fold_words(const char *text, fold_word_cb callback, void *payload);

#endif
