// libxlsxwriter from Debian (libxlsxwriter-dev): the .xlsx sheet.
//
// Opened with dlopen when the first workbook is written, not linked: linking it (with its zip,
// zlib and crypto libraries) costs every command about 1.4 ms of start-up, for the one format
// that needs it. The header gives the types; the functions come through the table below.
#include <xlsxwriter.h>
#include <dlfcn.h>

#define ZL_XLSX_FUNCTIONS(X) \
    X(workbook_new_opt) X(workbook_set_properties) X(workbook_add_worksheet) X(workbook_add_format) X(workbook_close) \
    X(lxw_strerror) X(worksheet_merge_range) X(worksheet_write_string) X(worksheet_write_number) \
    X(worksheet_write_blank) X(worksheet_set_column) X(worksheet_freeze_panes) X(worksheet_set_landscape) \
    X(worksheet_set_paper) X(worksheet_repeat_rows) X(format_set_bold) X(format_set_font_size) \
    X(format_set_font_color) X(format_set_bg_color) X(format_set_border) X(format_set_text_wrap) \
    X(format_set_align) X(format_set_num_format) X(worksheet_fit_to_pages) X(workbook_add_chart) X(chart_add_series) \
    X(chart_series_set_name) X(chart_series_set_line) X(chart_title_set_name) X(chart_axis_set_name) \
    X(chart_legend_set_position) X(worksheet_insert_chart) X(worksheet_set_row)

typedef struct {
#define ZL_XLSX_FIELD(name) __typeof__(&name) _Nonnull name;
    ZL_XLSX_FUNCTIONS(ZL_XLSX_FIELD)
#undef ZL_XLSX_FIELD
} zl_xlsx_api;

/// The library's functions, loaded once; NULL when libxlsxwriter is not installed.
static inline const zl_xlsx_api *_Nullable zl_xlsx(void) {
    static zl_xlsx_api api;
    static int state = 0;  // 0 not tried, 1 loaded, -1 missing
    if (state == 0) {
        void *library = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
        if (!library) library = dlopen("libxlsxwriter.so", RTLD_NOW | RTLD_LOCAL);
        state = library ? 1 : -1;
#define ZL_XLSX_LOAD(name) \
        if (state == 1 && !(*(void **)&api.name = dlsym(library, #name))) state = -1;
        ZL_XLSX_FUNCTIONS(ZL_XLSX_LOAD)
#undef ZL_XLSX_LOAD
    }
    return state == 1 ? &api : NULL;
}
