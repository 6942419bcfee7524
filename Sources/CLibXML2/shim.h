#ifndef PLAN2JSON_CLIBXML2_SHIM_H
#define PLAN2JSON_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
