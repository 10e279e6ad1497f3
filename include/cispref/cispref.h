/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file cispref.h
 * @brief The one header to include: the whole cispref API.
 *
 * cispref holds competence referentials of the Walloon socio-professional integration
 * sector (CISP) as typed structures, reads and writes them as XML, exports them as JSON
 * and validates them.
 */
#ifndef CISPREF_H
#define CISPREF_H

#define CISPREF_H_INSIDE
#include <cispref/common.h>
#include <cispref/version.h>
#include <cispref/model.h>
#include <cispref/front_matter.h>
#include <cispref/builder.h>
#include <cispref/load.h>
#include <cispref/export.h>
#include <cispref/validate.h>
#include <cispref/query.h>
#include <cispref/render.h>
#include <cispref/moodle.h>
#include <cispref/case.h>
#include <cispref/positioning.h>
#include <cispref/diff.h>
#include <cispref/po.h>
#undef CISPREF_H_INSIDE

#endif
