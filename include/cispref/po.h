/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file po.h
 * @brief Merging a translated gettext catalogue (PO) into a referential.
 *
 * The template comes from the export (#CISPREF_FORMAT_PO in export.h): one message per
 * node that holds a text, its id as msgctxt and its text as msgid. Translators fill it
 * with their usual tools (Poedit, Weblate, msgmerge); cispref_referential_merge_po()
 * brings the result back as translations (model.h, Translations; doc/translation.md).
 *
 * The catalogue is read with GNU gettext's libgettextpo. What cannot be merged is
 * skipped and reported in a list of findings (validate.h), each with the catalogue's
 * file name, the line of the message's `msgid` and one of these tags:
 *
 * | tag | severity | the message is skipped because |
 * |---|---|---|
 * | `po-fuzzy` | warning | it is marked fuzzy (a guess, to be checked by a translator) |
 * | `po-untranslated` | info | its msgstr is empty |
 * | `po-no-context` | warning | it has no msgctxt (it is no message of the template) |
 * | `po-unknown-context` | warning | its msgctxt names no node holding a text |
 * | `po-plural` | warning | it has plural forms (no text of a referential has) |
 * | `po-invalid-text` | warning | its msgstr is not valid UTF-8, or holds a control character other than tab and line breaks |
 * | `po-text-too-long` | warning | its msgstr is longer than #CISPREF_MAX_TEXT_LENGTH bytes |
 *
 * and, for a message that is merged all the same:
 *
 * | tag | severity | |
 * |---|---|---|
 * | `po-source-changed` | info | its msgid is not the node's present text: the translation keeps the hash of its msgid, so that cispref_validate() reports it `translation-outdated` |
 */
#ifndef CISPREF_PO_H
#define CISPREF_PO_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <cispref/model.h>
#include <cispref/validate.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Merge the translated catalogue at @p path into @p ref: each translated message whose
 * msgctxt names a node becomes (or replaces) that node's translation into the
 * catalogue's language, made from its msgid (whose hash it keeps).
 *
 * The whole catalogue is refused, and @p ref left as it was, when it cannot be read
 * (#CISPREF_EIO), when it is larger than #CISPREF_DEFAULT_MAX_INPUT_SIZE bytes
 * (#CISPREF_ELIMIT), when libgettextpo finds an error in it (#CISPREF_EFORMAT, with the
 * line of the first), when its header does not say `charset=UTF-8` (#CISPREF_EFORMAT), or
 * when its language is not known or not usable (#CISPREF_EARG): none given and none in
 * the header's `Language` field, one given that differs from the header's, a tag that is
 * not well-formed, or the referential's own language.
 *
 * libgettextpo keeps its error handler in global variables: calls are serialised within
 * the process (a lock), so merging from several threads is safe but not parallel.
 *
 * @param ref the referential to change.
 * @param path the catalogue's file name.
 * @param language the catalogue's language (a BCP 47 tag), or NULL to take the header's
 *        `Language` field (gettext writes "nl_BE" there: the underscore is read as "-").
 * @param report receives a new list of the findings described above, in the catalogue's
 *        order, to release with cispref_diagnostics_free(); NULL when the call fails. May
 *        be NULL when the caller does not want it.
 * @param error filled when the call fails; may be NULL.
 * @return #CISPREF_OK (also when messages were skipped); #CISPREF_EIO, #CISPREF_ELIMIT,
 *         #CISPREF_EFORMAT, #CISPREF_EARG (also for a NULL @p ref or @p path) as above;
 *         #CISPREF_ENOMEM, after which some of the catalogue's translations may have been
 *         merged and others not (each translation is whole, old or new).
 */
CISPREF_EXPORT int cispref_referential_merge_po(cispref_referential *ref, const char *path,
                                                const char *language,
                                                cispref_diagnostics **report,
                                                cispref_error *error);

#ifdef __cplusplus
}
#endif

#endif
