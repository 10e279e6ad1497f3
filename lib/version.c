#include "private.h"

const char *cispref_version(void)
{
	return CISPREF_VERSION_STRING;
}
