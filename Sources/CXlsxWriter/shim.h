// libxlsxwriter from Debian (libxlsxwriter-dev): the .xlsx sheet.
#include <xlsxwriter.h>
