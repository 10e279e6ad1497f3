/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The schema of the mission's contours (3.1.1 of the cahier), drawn from the model as
 * SVG: one column per core domain, its title on top and one cell per plan (individual,
 * collective) below, crossed by one band per transversal axis (the administrative
 * accompaniment, communication) whose label gives its plans. Every label is a title of
 * the model, so the drawing follows the referential: a renamed domain, a fourth core
 * domain or a third axis redraws it. The HTML cahier writes the SVG inline, the
 * OpenDocument cahier embeds it as an image; both call cispref__render_figure_svg().
 *
 * Units are millimetres (the viewBox), the text width of an A4 page at most. SVG 1.1 has
 * no text wrapping, so labels are broken into lines here, greedily at spaces, from an
 * estimate of the width of a character of Liberation Sans; a word longer than a line
 * stays whole and may overflow its box, which is better than cutting it. */
#include <stdio.h>
#include <string.h>

#include "render_private.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define FONT "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif"

enum { MAX_LINES = 6, MAX_ROWS = 8 };

/* Geometry, in millimetres. */
#define WIDTH 170.0     /* the whole figure: the text width of the cahier's pages */
#define MARGIN 7.0      /* the bands reach beyond the columns by this much */
#define GAP 4.0         /* between columns, rows and bands */
#define PAD 2.2         /* inside a box, around its text */
#define HEAD_FONT 3.6
#define CELL_FONT 3.2
#define BAND_FONT 3.4
#define BAND_SUB_FONT 2.9
#define LEADING 1.25    /* line height, in font sizes */
#define CHAR_WIDTH 0.56 /* an average character of Liberation Sans, in font sizes */

/* A label broken into lines (in the context's arena). */
typedef struct lines {
	const char *line[MAX_LINES];
	size_t count;
} lines;

typedef struct figure {
	render_ctx *ctx;
	const cispref_domain *columns[16]; /* the core domains drawn */
	size_t column_count;
	cispref_plan_kind_t rows[MAX_ROWS]; /* the plan kinds of the core domains, in order */
	size_t row_count;
	const cispref_domain *bands[16]; /* the transversal domains drawn */
	size_t band_count;
	double column_width, head_height, cell_height, band_height, height;
	size_t band_title_lines; /* the most lines a band's title takes */
} figure;

typedef struct svg {
	xmlTextWriterPtr w;
	int failed;
} svg;

/* ---- Which domains and plans ---- */

static void add_row(figure *f, cispref_plan_kind_t kind)
{
	for (size_t r = 0; r < f->row_count; r++)
		if (f->rows[r] == kind)
			return;
	if (f->row_count < MAX_ROWS)
		f->rows[f->row_count++] = kind;
}

/* The rendered domains, core ones as columns and transversal ones as bands; at most 16
 * of each (a referential of more is no schema one can read on a page). */
static void select_parts(figure *f, render_ctx *ctx)
{
	memset(f, 0, sizeof *f);
	f->ctx = ctx;
	for (size_t d = 0; d < ctx->domains.count; d++) {
		const cispref_domain *domain = ctx->domains.items[d];
		if (domain->kind == CISPREF_DOMAIN_CORE && f->column_count < 16) {
			f->columns[f->column_count++] = domain;
			for (size_t p = 0; p < domain->plans.count; p++)
				add_row(f, ((const cispref_plan *)domain->plans.items[p])->kind);
		} else if (domain->kind != CISPREF_DOMAIN_CORE && f->band_count < 16) {
			f->bands[f->band_count++] = domain;
		}
	}
}

int cispref__render_figure_present(render_ctx *ctx)
{
	figure f;
	select_parts(&f, ctx);
	return f.column_count > 0;
}

/* The title of @domain's first plan of @kind, or NULL. */
static const char *plan_title(figure *f, const cispref_domain *domain, cispref_plan_kind_t kind)
{
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		if (plan->kind == kind)
			return cispref__render_text(f->ctx, plan->title);
	}
	return NULL;
}

/* A band's second line: the titles of its plans, "Communication interne · Communication
 * externe". */
static const char *band_plans(figure *f, const cispref_domain *domain)
{
	size_t length = 1;
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		length += strlen(cispref__render_text(f->ctx, plan->title)) + 4;
	}
	char *out = cispref__arena_alloc(f->ctx->arena, length);
	if (!out) {
		f->ctx->failed = 1;
		return "";
	}
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		if (p)
			strcat(out, " \xC2\xB7 "); /* " · " */
		strcat(out, cispref__render_text(f->ctx, plan->title));
	}
	return out;
}

/* ---- Line breaking ---- */

static void add_line(figure *f, lines *out, const char *s, size_t length)
{
	if (out->count == MAX_LINES) {
		return; /* the last line already holds the rest (see wrap()) */
	}
	char *line = cispref__arena_strndup(f->ctx->arena, s, length);
	if (!line)
		f->ctx->failed = 1;
	out->line[out->count++] = line ? line : "";
}

/* Where to end a line of @s (@length bytes) of at most @room characters: at the last
 * space that keeps it within @room, else after its first word (kept whole). Linear in
 * the line's length, since a title may be long. */
static size_t line_end(const char *s, size_t length, size_t room)
{
	size_t count = 0, cut = 0;
	for (size_t i = 0; i < length && count <= room; i++) {
		if (s[i] == ' ')
			cut = i;
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	}
	if (count <= room)
		return length; /* it all fits */
	return cut ? cut : strcspn(s, " ");
}

/* Break @s into lines of at most @width millimetres at @font: greedily at spaces; the
 * last line allowed takes whatever is left. */
static lines wrap(figure *f, const char *s, double width, double font)
{
	lines out = {{NULL}, 0};
	size_t room = (size_t)(width / (font * CHAR_WIDTH));
	if (room < 4)
		room = 4;
	while (*s == ' ')
		s++;
	while (*s) {
		size_t length = strlen(s);
		size_t cut = out.count + 1 < MAX_LINES ? line_end(s, length, room) : length;
		add_line(f, &out, s, cut);
		s += cut;
		while (*s == ' ')
			s++;
	}
	return out;
}

static double block_height(size_t count, double font)
{
	return 2 * PAD + (double)(count ? count : 1) * font * LEADING;
}

/* ---- Layout ---- */

/* The heights of the boxes: each row of boxes as high as its tallest label needs. */
static void layout(figure *f)
{
	double inner = WIDTH - 2 * MARGIN;
	size_t n = f->column_count ? f->column_count : 1;
	f->column_width = (inner - (double)(n - 1) * GAP) / (double)n;
	size_t head = 1, cell = 1;
	for (size_t c = 0; c < f->column_count; c++) {
		const cispref_domain *domain = f->columns[c];
		lines l = wrap(f, cispref__render_text(f->ctx, domain->title), f->column_width - 2 * PAD,
		               HEAD_FONT);
		head = l.count > head ? l.count : head;
		for (size_t r = 0; r < f->row_count; r++) {
			const char *title = plan_title(f, domain, f->rows[r]);
			l = wrap(f, title ? title : "", f->column_width - 2 * PAD, CELL_FONT);
			cell = l.count > cell ? l.count : cell;
		}
	}
	f->head_height = block_height(head, HEAD_FONT);
	f->cell_height = block_height(cell, CELL_FONT);
	size_t band_title = 1, band_plans_lines = 1;
	for (size_t b = 0; b < f->band_count; b++) {
		lines l = wrap(f, cispref__render_text(f->ctx, f->bands[b]->title), WIDTH - 4 * PAD,
		               BAND_FONT);
		band_title = l.count > band_title ? l.count : band_title;
		l = wrap(f, band_plans(f, f->bands[b]), WIDTH - 4 * PAD, BAND_SUB_FONT);
		band_plans_lines = l.count > band_plans_lines ? l.count : band_plans_lines;
	}
	f->band_title_lines = band_title;
	f->band_height = 2 * PAD + ((double)band_title * BAND_FONT +
	                            (double)band_plans_lines * BAND_SUB_FONT) * LEADING;
	f->height = f->head_height + GAP + (double)f->row_count * (f->cell_height + GAP) +
	            (double)f->band_count * (f->band_height + GAP) + GAP;
}

/* ---- SVG writing ---- */

static void check(svg *s, int rc)
{
	if (rc < 0)
		s->failed = 1;
}

static void start(svg *s, const char *name)
{
	if (!s->failed)
		check(s, xmlTextWriterStartElement(s->w, RENDER_X(name)));
}

static void attr(svg *s, const char *name, const char *value)
{
	if (!s->failed)
		check(s, xmlTextWriterWriteAttribute(s->w, RENDER_X(name), RENDER_X(value)));
}

static void number(svg *s, const char *name, double value)
{
	char n[32];
	snprintf(n, sizeof n, "%.2f", value);
	attr(s, name, n);
}

static void text(svg *s, const char *value)
{
	if (!s->failed)
		check(s, xmlTextWriterWriteString(s->w, RENDER_X(value)));
}

/* Full end tags: inline in HTML, "<rect/>" would read as an open element to an HTML
 * parser that does not know SVG. */
static void end(svg *s)
{
	if (!s->failed)
		check(s, xmlTextWriterFullEndElement(s->w));
}

/* Presentation attributes rather than a style attribute: CSS engines that lay out the
 * HTML (WeasyPrint) read style attributes as CSS and warn about SVG's properties. Each
 * @paint is "name=value;..." */
static void paint(svg *s, const char *list)
{
	for (const char *p = list; *p;) {
		const char *eq = strchr(p, '='), *semi = strchr(p, ';');
		if (!semi)
			semi = p + strlen(p);
		if (!eq || eq > semi) {
			s->failed = 1; /* a mistake in the constants of this file */
			return;
		}
		char name[32], value[32];
		snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
		snprintf(value, sizeof value, "%.*s", (int)(semi - eq - 1), eq + 1);
		attr(s, name, value);
		p = *semi ? semi + 1 : semi;
	}
}

static void rect(svg *s, double x, double y, double w, double h, const char *style)
{
	start(s, "rect");
	number(s, "x", x);
	number(s, "y", y);
	number(s, "width", w);
	number(s, "height", h);
	attr(s, "rx", "1.5");
	paint(s, style);
	end(s);
}

/* The lines of a label centred on @cx, the first baseline at @y. */
static void label(svg *s, const lines *l, double cx, double y, double font, const char *style)
{
	start(s, "text");
	number(s, "x", cx);
	number(s, "y", y);
	number(s, "font-size", font);
	attr(s, "text-anchor", "middle");
	paint(s, style);
	for (size_t i = 0; i < l->count; i++) {
		start(s, "tspan");
		number(s, "x", cx);
		number(s, "y", y + (double)i * font * LEADING);
		text(s, l->line[i]);
		end(s);
	}
	end(s);
}

/* @count lines of @font vertically centred in a box from @top, @height high: the first
 * baseline. */
static double first_baseline(double top, double height, size_t count, double font)
{
	double block = (double)count * font * LEADING;
	return top + (height - block) / 2 + font * 0.95;
}

static void draw_column(svg *s, figure *f, size_t c, double column_height)
{
	const cispref_domain *domain = f->columns[c];
	double x = MARGIN + (double)c * (f->column_width + GAP);
	start(s, "g");
	attr(s, "class", "domain");
	rect(s, x, 0, f->column_width, column_height, "fill=#eef3f8;stroke=#1f4e79;stroke-width=0.4");
	rect(s, x, 0, f->column_width, f->head_height, "fill=#1f4e79;stroke=#1f4e79;stroke-width=0.4");
	lines l = wrap(f, cispref__render_text(f->ctx, domain->title), f->column_width - 2 * PAD,
	               HEAD_FONT);
	label(s, &l, x + f->column_width / 2, first_baseline(0, f->head_height, l.count, HEAD_FONT),
	      HEAD_FONT, "fill=#ffffff;font-weight=bold");
	for (size_t r = 0; r < f->row_count; r++) {
		const char *title = plan_title(f, domain, f->rows[r]);
		if (!title)
			continue;
		double y = f->head_height + GAP + (double)r * (f->cell_height + GAP);
		rect(s, x + PAD, y, f->column_width - 2 * PAD, f->cell_height,
		     "fill=#ffffff;stroke=#1f4e79;stroke-width=0.3");
		l = wrap(f, title, f->column_width - 4 * PAD, CELL_FONT);
		label(s, &l, x + f->column_width / 2, first_baseline(y, f->cell_height, l.count, CELL_FONT),
		      CELL_FONT, "fill=#1a1a1a");
	}
	end(s);
}

static void draw_band(svg *s, figure *f, size_t b, double top)
{
	const cispref_domain *domain = f->bands[b];
	double y = top + (double)b * (f->band_height + GAP);
	start(s, "g");
	attr(s, "class", "axis");
	rect(s, 0, y, WIDTH, f->band_height,
	     "fill=#f6dcc8;fill-opacity=0.93;stroke=#a84f12;stroke-width=0.4");
	lines title = wrap(f, cispref__render_text(f->ctx, domain->title), WIDTH - 4 * PAD,
	                   BAND_FONT);
	lines plans = wrap(f, band_plans(f, domain), WIDTH - 4 * PAD, BAND_SUB_FONT);
	double baseline = y + PAD + BAND_FONT * 0.95;
	label(s, &title, WIDTH / 2, baseline, BAND_FONT, "fill=#5a2a08;font-weight=bold");
	if (domain->plans.count)
		label(s, &plans, WIDTH / 2, baseline + (double)f->band_title_lines * BAND_FONT * LEADING,
		      BAND_SUB_FONT, "fill=#5a2a08;font-style=italic");
	end(s);
}

static void svg_root(svg *s, const figure *f, const char *title)
{
	char box[64], height[32];
	snprintf(box, sizeof box, "0 0 %.2f %.2f", WIDTH, f->height);
	snprintf(height, sizeof height, "%.2fmm", f->height);
	start(s, "svg");
	attr(s, "xmlns", SVG_NS);
	attr(s, "class", "figure-contours");
	attr(s, "viewBox", box);
	attr(s, "width", "170mm");
	attr(s, "height", height);
	attr(s, "role", "img");
	attr(s, "font-family", FONT);
	start(s, "title");
	text(s, title);
	end(s);
}

int cispref__render_figure_svg(xmlTextWriterPtr w, render_ctx *ctx, double *width_mm,
                               double *height_mm)
{
	figure f;
	svg s = {w, 0};
	select_parts(&f, ctx);
	layout(&f);
	svg_root(&s, &f, RENDER_LABEL_FIGURE);
	double bands_top = f.head_height + GAP + (double)f.row_count * (f.cell_height + GAP);
	for (size_t c = 0; c < f.column_count; c++)
		draw_column(&s, &f, c, f.height - GAP / 2);
	for (size_t b = 0; b < f.band_count; b++)
		draw_band(&s, &f, b, bands_top);
	end(&s);
	if (width_mm)
		*width_mm = WIDTH;
	if (height_mm)
		*height_mm = f.height;
	return s.failed ? CISPREF_ENOMEM : CISPREF_OK;
}
