/* The -escape-explain flow of a site as a SARIF codeFlow, so that code
 * scanning can show the path from the allocation to where it escapes. */
#ifndef ESCAPE_REPORT_SARIF_CODE_FLOW_H
#define ESCAPE_REPORT_SARIF_CODE_FLOW_H

#include "site.h"

#include <jansson.h>

/* [{"threadFlows": [{"locations": [...]}]}]: the allocation, then every
 * "from ... at file:line:col" step. NULL when the site has no such step. */
json_t *sarif_code_flows(const struct site *s, const char *source_root);

#endif
