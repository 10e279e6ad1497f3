/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include "private.h"

const char *cispref_version(void)
{
	return CISPREF_VERSION_STRING;
}
