/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* An ODT package from its parts (content, styles, meta): the mimetype and the manifest
 * added, the ZIP file written with libzip, the mimetype first and stored as ODF asks.
 * Moved out of render_odt.c so that the cahier and the positioning grids (team_odt.c)
 * make their packages the same way. */
#include <string.h>
#include <time.h>
#include <libxml/xmlwriter.h>
#include <zip.h>

#include "private.h"

#define X(s) ((const xmlChar *)(s))
#define ODF_VERSION "1.3"
#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"

/* Entries carry this date rather than the current time, so that output is reproducible:
 * 2020-12-01 12:00 UTC, the month the cahier was published. */
#define PACKAGE_TIME ((time_t)1606824000)

static int add_entry(zip_t *zip, const char *name, xmlBufferPtr data, int stored)
{
	zip_source_t *source = zip_source_buffer(zip, xmlBufferContent(data),
	                                         (zip_uint64_t)xmlBufferLength(data), 0);
	if (!source)
		return -1;
	zip_int64_t index = zip_file_add(zip, name, source, 0);
	if (index < 0) {
		zip_source_free(source);
		return -1;
	}
	if (zip_set_file_compression(zip, (zip_uint64_t)index,
	                             stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0 ||
	    zip_file_set_mtime(zip, (zip_uint64_t)index, PACKAGE_TIME, 0) != 0)
		return -1;
	return 0;
}

/* The figure is the last part, and only there when the document has one. */
enum { PART_MIMETYPE, PART_MANIFEST, PART_CONTENT, PART_STYLES, PART_META, PART_FIGURE,
       PART_COUNT };

static const char *const part_names[PART_COUNT] = {
	"mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml",
	CISPREF__ODT_FIGURE_PART};

static void manifest_entry(xmlTextWriterPtr w, int *failed, const char *path, const char *type)
{
	*failed |= xmlTextWriterStartElement(w, X("manifest:file-entry")) < 0 ||
	           xmlTextWriterWriteAttribute(w, X("manifest:full-path"), X(path)) < 0 ||
	           (strcmp(path, "/") == 0 &&
	            xmlTextWriterWriteAttribute(w, X("manifest:version"), X(ODF_VERSION)) < 0) ||
	           xmlTextWriterWriteAttribute(w, X("manifest:media-type"), X(type)) < 0 ||
	           xmlTextWriterEndElement(w) < 0;
}

/* META-INF/manifest.xml: the package's parts, the figure's when @figure. */
static int manifest_part(xmlBufferPtr out, int figure)
{
	xmlTextWriterPtr w = xmlNewTextWriterMemory(out, 0);
	if (!w)
		return CISPREF_ENOMEM;
	int failed = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ||
	             xmlTextWriterStartElement(w, X("manifest:manifest")) < 0 ||
	             xmlTextWriterWriteAttribute(w, X("xmlns:manifest"),
	                                         X("urn:oasis:names:tc:opendocument:xmlns:manifest:1.0")) < 0 ||
	             xmlTextWriterWriteAttribute(w, X("manifest:version"), X(ODF_VERSION)) < 0;
	if (!failed) {
		manifest_entry(w, &failed, "/", ODT_MIMETYPE);
		manifest_entry(w, &failed, "content.xml", "text/xml");
		manifest_entry(w, &failed, "styles.xml", "text/xml");
		manifest_entry(w, &failed, "meta.xml", "text/xml");
		if (figure)
			manifest_entry(w, &failed, CISPREF__ODT_FIGURE_PART, "image/svg+xml");
	}
	failed |= failed || xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	return failed ? CISPREF_ENOMEM : CISPREF_OK;
}

/* Copy what libzip wrote into its memory source to @out. */
static int copy_archive(zip_source_t *archive, xmlBufferPtr out)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_source_stat(archive, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    st.size > (zip_uint64_t)(1u << 30) || zip_source_open(archive) != 0)
		return -1;
	int rc = 0;
	char chunk[8192];
	zip_int64_t n;
	while (rc == 0 && (n = zip_source_read(archive, chunk, sizeof chunk)) > 0)
		rc = xmlBufferAdd(out, X(chunk), (int)n) == 0 ? 0 : -1;
	if (n < 0)
		rc = -1;
	zip_source_close(archive);
	return rc;
}

/* Build the ZIP file in memory: `mimetype` first and stored, as ODF requires, so that
 * tools can recognise the file from its first bytes. */
static int build_package(xmlBufferPtr out, xmlBufferPtr parts[PART_COUNT], cispref_error *error)
{
	zip_error_t zerror;
	zip_error_init(&zerror);
	zip_source_t *archive = zip_source_buffer_create(NULL, 0, 0, &zerror);
	zip_t *zip = NULL;
	int rc = -1;
	if (archive) {
		zip_source_keep(archive); /* it must outlive zip_close() */
		zip = zip_open_from_source(archive, ZIP_TRUNCATE, &zerror);
		if (!zip)
			zip_source_free(archive); /* the reference the archive would have taken */
	}
	if (zip) {
		rc = 0;
		for (int p = 0; rc == 0 && p < PART_COUNT; p++)
			if (parts[p])
				rc = add_entry(zip, part_names[p], parts[p], p == PART_MIMETYPE);
		if (rc == 0 && zip_close(zip) == 0)
			zip = NULL;
		else
			rc = -1;
	}
	if (rc == 0)
		rc = copy_archive(archive, out);
	/* The archive is built in memory: libzip and zlib fail only for want of it. */
	if (rc != 0)
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0,
		                   "cannot build the ODT package: out of memory");
	if (zip)
		zip_discard(zip);
	if (archive)
		zip_source_free(archive);
	zip_error_fini(&zerror);
	return rc == 0 ? CISPREF_OK : CISPREF_ENOMEM;
}


int cispref__odt_package(xmlBufferPtr out, xmlBufferPtr parts[CISPREF__ODT_PARTS],
                         cispref_error *error)
{
	xmlBufferPtr all[PART_COUNT] = {cispref__buffer_new(), cispref__buffer_new(), parts[0], parts[1],
	                                parts[2], parts[CISPREF__ODT_FIGURE]};
	int rc = all[PART_MIMETYPE] && all[PART_MANIFEST] &&
	                         xmlBufferCat(all[PART_MIMETYPE], X(ODT_MIMETYPE)) == 0
	                 ? manifest_part(all[PART_MANIFEST], all[PART_FIGURE] != NULL)
	                 : CISPREF_ENOMEM;
	if (rc == CISPREF_OK)
		rc = build_package(out, all, error);
	else
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
	for (int p = PART_MIMETYPE; p <= PART_MANIFEST; p++)
		if (all[p])
			xmlBufferFree(all[p]);
	return rc;
}
