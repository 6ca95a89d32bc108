/* store_verify.c: read an LMDB file's pages on our own, before LMDB does. */
#include "store_internal.h"
#include "error.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * LMDB trusts its file: it maps it and follows the page numbers and
 * offsets it finds there. A file cut short is a SIGBUS at the first page
 * past its end; one changed byte in a page header or a node can be a
 * SIGSEGV. So parcours reads the file on its own first, every access
 * checked against the page and the file, and lets LMDB read only a file
 * whose pages it could walk.
 *
 * The layout restated here is LMDB's data format version 1 (mdb.c, stable
 * through 0.9): two meta pages, then pages of B-trees. Integers are in the
 * machine's byte order and page and transaction numbers are size_t, as
 * LMDB writes them.
 */

enum {
	MDB_MAGIC = 0xBEEFC0DE,
	MDB_DATA_VERSION = 1,
	NUM_METAS = 2,
	MAX_DEPTH = 32, /* LMDB's CURSOR_STACK */
	/* page flags */
	P_BRANCH = 0x01,
	P_LEAF = 0x02,
	P_OVERFLOW = 0x04,
	P_META = 0x08,
	/* node flags */
	F_BIGDATA = 0x01,
	F_SUBDATA = 0x02,
	NODESIZE = 8, /* lo, hi, flags, ksize: four uint16 */
	MIN_PSIZE = 512,
	MAX_PSIZE = 0x10000,
};

#define WORD sizeof(size_t)
/* MDB_page: pgno, pad, flags, then lower and upper (or an overflow run's
 * page count), then the node offsets. */
#define PAGEHDRSZ (WORD + 8)
#define PG_FLAGS  (WORD + 2)
#define PG_LOWER  (WORD + 4)
#define PG_UPPER  (WORD + 6)
/* MDB_db: pad (the page size, in the free-page tree's record of a meta
 * page), flags, depth, then branch, leaf and overflow page counts,
 * entries, root. */
#define DB_SIZE (8 + 5 * WORD)
/* MDB_meta, after its page header: magic, version, address, map size,
 * the free-page and main trees, last page, transaction id. */
#define META_DBS   (8 + sizeof(void *) + WORD)
#define META_LAST  (META_DBS + 2 * DB_SIZE)
#define META_TXNID (META_LAST + WORD)
#define META_END   (META_TXNID + WORD)
#define NO_PAGE	   ((uint64_t)(size_t)-1)

static uint16_t rd16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

static uint64_t rdw(const uint8_t *p)
{
	size_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

/* A node's 32-bit data size, or a branch's child page: two halves. */
static uint64_t node_lohi(const uint8_t *node)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return rd16(node + 2) | (uint64_t)rd16(node) << 16;
#else
	return rd16(node) | (uint64_t)rd16(node + 2) << 16;
#endif
}

/* One B-tree as its parent records it (an MDB_db). */
struct tree_rec {
	uint16_t flags, depth;
	uint64_t branch, leaf, overflow, entries, root;
};

struct meta {
	uint32_t psize;
	uint64_t last_pg, txnid;
	struct tree_rec free, main;
};

static void read_tree_rec(const uint8_t *p, struct tree_rec *t)
{
	t->flags = rd16(p + 4);
	t->depth = rd16(p + 6);
	t->branch = rdw(p + 8);
	t->leaf = rdw(p + 8 + WORD);
	t->overflow = rdw(p + 8 + 2 * WORD);
	t->entries = rdw(p + 8 + 3 * WORD);
	t->root = rdw(p + 8 + 4 * WORD);
}

/* Parse the meta page at `p` (PAGEHDRSZ + META_END bytes); false when it
 * is not one LMDB would take. */
static bool read_meta(const uint8_t *p, struct meta *m)
{
	const uint8_t *d = p + PAGEHDRSZ;

	if (!(rd16(p + PG_FLAGS) & P_META) || rd32(d) != MDB_MAGIC ||
	    rd32(d + 4) != MDB_DATA_VERSION)
		return false;
	m->psize = rd32(d + META_DBS);
	read_tree_rec(d + META_DBS, &m->free);
	read_tree_rec(d + META_DBS + DB_SIZE, &m->main);
	m->last_pg = rdw(d + META_LAST);
	m->txnid = rdw(d + META_TXNID);
	return true;
}

static bool trees_alike(const struct tree_rec *a, const struct tree_rec *b)
{
	return a->flags == b->flags && a->depth == b->depth &&
	       a->branch == b->branch && a->leaf == b->leaf &&
	       a->overflow == b->overflow && a->entries == b->entries &&
	       a->root == b->root;
}

static bool metas_alike(const struct meta *a, const struct meta *b)
{
	return a->psize == b->psize && a->last_pg == b->last_pg &&
	       trees_alike(&a->free, &b->free) &&
	       trees_alike(&a->main, &b->main);
}

static bool power_of_two(uint32_t n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/* Outcomes of reading the two meta pages. */
enum metas {
	METAS_OK,
	METAS_ABSENT,  /* no file */
	METAS_EMPTY,   /* a file of zero bytes */
	METAS_FOREIGN, /* no LMDB header at all: LMDB refuses it itself */
	METAS_DAMAGED, /* an LMDB header, but meta pages LMDB cannot use */
};

/*
 * Read the meta pages of the file open on `fd` (`size` bytes) as LMDB
 * does: the second one at the first one's page size, the newer by
 * transaction id chosen (the first on a tie). *m: that one, or with
 * `txnid` non-zero the one with that transaction id (METAS_ABSENT when
 * neither has it any more).
 */
static int read_metas(int fd, uint64_t size, uint64_t txnid, struct meta *m)
{
	uint8_t buf[PAGEHDRSZ + META_END];
	struct meta two[NUM_METAS];
	uint64_t off = 0;

	if (size == 0)
		return METAS_EMPTY;
	for (int i = 0; i < NUM_METAS; i++) {
		if (pread(fd, buf, sizeof buf, (off_t)off) !=
		    (ssize_t)sizeof buf)
			return i == 0 ? METAS_FOREIGN : METAS_DAMAGED;
		if (!read_meta(buf, &two[i]))
			return i == 0 ? METAS_FOREIGN : METAS_DAMAGED;
		if (!power_of_two(two[i].psize) || two[i].psize < MIN_PSIZE ||
		    two[i].psize > MAX_PSIZE || two[i].psize != two[0].psize)
			return METAS_DAMAGED;
		off = two[0].psize;
	}
	/* Transaction N writes the meta page N % 2 (a new file has both at
	 * 0, alike). LMDB opens a file on the newer one (the first on a tie)
	 * and a read transaction reads the one its id names: they must
	 * agree, or the walk and LMDB would not read the same trees. */
	if (two[0].txnid == two[1].txnid
		    ? !metas_alike(&two[0], &two[1])
		    : (two[0].txnid & 1) != 0 || (two[1].txnid & 1) != 1)
		return METAS_DAMAGED;
	if (txnid == 0)
		*m = two[two[0].txnid < two[1].txnid];
	else if (two[txnid & 1].txnid == txnid)
		*m = two[txnid & 1];
	else
		return METAS_ABSENT;
	/* Page numbers times the page size must not overflow. */
	if (m->last_pg < NUM_METAS - 1 || m->last_pg > (uint64_t)1 << 40)
		return METAS_DAMAGED;
	return METAS_OK;
}

/* ---- the walk ---- */

struct walker {
	int fd;
	/* A page read for each page being walked down from the roots, the
	 * main tree's then a sub-database's: read, not mapped, so that a
	 * walk of the whole file leaves nothing of it resident. */
	uint8_t *pages;
	unsigned held;	/* how many of them are in use */
	int read_error; /* errno of a read that failed, or 0 */
	size_t psize;
	uint64_t in_file; /* whole pages the file holds, at most last_pg + 1 */
	uint64_t last_pg;
	uint8_t *seen; /* a bit per page up to last_pg: in use or free */
	struct store_report *r;
};

/* Pages held at most: the main tree's and a sub-database's, down. */
#define HELD_MAX (2 * MAX_DEPTH)

struct tree {
	char name[72];	       /* quoted, printable, for messages */
	bool free_pages, main; /* the free-page tree, the tree of trees */
	unsigned depth;
	uint64_t branch, leaf, overflow, entries; /* as walked */
};

/* A key bound; data NULL: none. */
struct key {
	const uint8_t *data;
	size_t len;
};

enum bad {
	BAD_PAST_END,
	BAD_RANGE,
	BAD_TWICE,
	BAD_HEADER,
	BAD_ENTRY,
	BAD_ORDER,
};

static void bad(struct walker *w, const struct tree *t, uint64_t pgno,
		enum bad what)
{
	unsigned long long n = pgno;
	struct store_report *r = w->r;

	switch (what) {
	case BAD_PAST_END:
		store_report_add(r,
				 _("page %llu of %s: past the end of the "
				   "file, which is cut short"),
				 n, t->name);
		break;
	case BAD_RANGE:
		store_report_add(r,
				 _("page %llu of %s: points to a page that "
				   "does not exist"),
				 n, t->name);
		break;
	case BAD_TWICE:
		store_report_add(r, _("page %llu of %s: in use twice"), n,
				 t->name);
		break;
	case BAD_HEADER:
		store_report_add(r, _("page %llu of %s: a damaged page header"),
				 n, t->name);
		break;
	case BAD_ENTRY:
		store_report_add(r, _("page %llu of %s: a damaged entry"), n,
				 t->name);
		break;
	case BAD_ORDER:
		store_report_add(r, _("page %llu of %s: keys out of order"), n,
				 t->name);
		break;
	}
}

static bool seen(const struct walker *w, uint64_t pgno)
{
	return w->seen[pgno / 8] & (1u << (pgno % 8));
}

static void mark(struct walker *w, uint64_t pgno)
{
	w->seen[pgno / 8] |= (uint8_t)(1u << (pgno % 8));
}

/*
 * Take pages pgno..pgno+n-1 for `t` (pgno is what page `from` points to):
 * they exist, the file holds them, nothing else uses them.
 */
static bool take(struct walker *w, const struct tree *t, uint64_t from,
		 uint64_t pgno, uint64_t n)
{
	if (n == 0)
		return true;
	if (pgno < NUM_METAS || pgno > w->last_pg ||
	    n > w->last_pg - pgno + 1) {
		bad(w, t, from, BAD_RANGE);
		return false;
	}
	if (pgno + n > w->in_file) {
		bad(w, t, pgno, BAD_PAST_END);
		return false;
	}
	for (uint64_t i = 0; i < n; i++) {
		if (seen(w, pgno + i)) {
			bad(w, t, pgno + i, BAD_TWICE);
			return false;
		}
	}
	for (uint64_t i = 0; i < n; i++)
		mark(w, pgno + i);
	return true;
}

/* Read pages pgno..pgno+n-1, which take() found in the file, into buf;
 * false (the walk stops) when the file does not give them. */
static bool read_pages(struct walker *w, uint64_t pgno, uint64_t n,
		       uint8_t *buf)
{
	size_t len = (size_t)(n * w->psize), got = 0;

	while (got < len) {
		ssize_t r = pread(w->fd, buf + got, len - got,
				  (off_t)(pgno * w->psize + got));

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			w->read_error = r < 0 ? errno : EIO;
			return false;
		}
		got += (size_t)r;
	}
	return true;
}

/* LMDB's default order: bytes, then length. */
static int cmp_bytes(struct key a, struct key b)
{
	int r = memcmp(a.data, b.data, a.len < b.len ? a.len : b.len);

	return r != 0 ? r : (a.len > b.len) - (a.len < b.len);
}

/* The free-page tree's keys are transaction ids, compared as numbers. */
static int cmp_key(const struct tree *t, struct key a, struct key b)
{
	if (t->free_pages) {
		uint64_t x = rdw(a.data), y = rdw(b.data);

		return (x > y) - (x < y);
	}
	return cmp_bytes(a, b);
}

static void walk_tree(struct walker *w, struct tree *t,
		      const struct tree_rec *rec);
static void walk_nodes(struct walker *w, struct tree *t, uint64_t pgno,
		       const uint8_t *p, unsigned level, struct key lo,
		       struct key hi);

/* A list of free pages (an IDL: count, then page numbers, descending). */
static bool free_list(struct walker *w, const struct tree *t, uint64_t pgno,
		      const uint8_t *d, uint64_t len)
{
	uint64_t n, prev = NO_PAGE;

	if (len % WORD != 0 || len < WORD || (n = rdw(d)) > len / WORD - 1) {
		bad(w, t, pgno, BAD_ENTRY);
		return false;
	}
	for (uint64_t i = 1; i <= n; i++) {
		uint64_t page = rdw(d + i * WORD);

		if (page < NUM_METAS || page > w->last_pg || page >= prev) {
			bad(w, t, pgno, BAD_ENTRY);
			return false;
		}
		if (seen(w, page)) {
			bad(w, t, page, BAD_TWICE);
			return false;
		}
		mark(w, page);
		prev = page;
	}
	return true;
}

/* Name a sub-database for messages: printable ASCII, quoted. */
static void tree_name(struct tree *t, struct key k)
{
	size_t o = 0;

	t->name[o++] = '\'';
	for (size_t i = 0; i < k.len && o < sizeof t->name - 2; i++)
		t->name[o++] = k.data[i] >= 0x20 && k.data[i] < 0x7f
				       ? (char)k.data[i]
				       : '?';
	t->name[o++] = '\'';
	t->name[o] = '\0';
}

/* A leaf node's data: in the page, or on its overflow pages. */
static bool leaf_data(struct walker *w, struct tree *t, uint64_t pgno,
		      const uint8_t *node, size_t room, struct key k)
{
	uint16_t flags = rd16(node + 4);
	uint64_t len = node_lohi(node);
	const uint8_t *d = node + NODESIZE + k.len;

	if ((flags & ~(F_BIGDATA | F_SUBDATA)) != 0 ||
	    ((flags & F_SUBDATA) &&
	     (!t->main || (flags & F_BIGDATA) || len != DB_SIZE))) {
		bad(w, t, pgno, BAD_ENTRY);
		return false;
	}
	if (flags & F_BIGDATA) {
		uint64_t ov, pages, run;
		uint8_t *p;
		bool ok;

		if (room < WORD) {
			bad(w, t, pgno, BAD_ENTRY);
			return false;
		}
		ov = rdw(d);
		pages = (PAGEHDRSZ - 1 + len) / w->psize + 1;
		if (!take(w, t, pgno, ov, 1))
			return false;
		/* The run's first page; a free list, the whole run. */
		if ((p = malloc(w->psize)) == NULL) {
			w->read_error = ENOMEM;
			return false;
		}
		if (!read_pages(w, ov, 1, p)) {
			free(p);
			return false;
		}
		run = rd32(p + PG_LOWER);
		if (rdw(p) != ov || rd16(p + PG_FLAGS) != P_OVERFLOW ||
		    run < pages) {
			free(p);
			bad(w, t, ov, BAD_HEADER);
			return false;
		}
		if (!take(w, t, ov, ov + 1, run - 1)) {
			free(p);
			return false;
		}
		t->overflow += run;
		if (!t->free_pages) {
			free(p);
			return true;
		}
		free(p);
		if ((p = malloc((size_t)(pages * w->psize))) == NULL) {
			w->read_error = ENOMEM;
			return false;
		}
		ok = read_pages(w, ov, pages, p) &&
		     free_list(w, t, pgno, p + PAGEHDRSZ, len);
		free(p);
		return ok;
	} else if (len > room) {
		bad(w, t, pgno, BAD_ENTRY);
		return false;
	}
	if (t->free_pages)
		return free_list(w, t, pgno, d, len);
	if (flags & F_SUBDATA) {
		struct tree sub = { .depth = 0 };
		struct tree_rec rec;

		tree_name(&sub, k);
		read_tree_rec(d, &rec);
		walk_tree(w, &sub, &rec);
	}
	return true;
}

/*
 * Walk the page `pgno`, `level` levels from its tree's root (1), whose
 * keys must lie in [lo, hi): its header, every node within the page, keys
 * in order, children and data within the file.
 */
static void walk_page(struct walker *w, struct tree *t, uint64_t from,
		      uint64_t pgno, unsigned level, struct key lo,
		      struct key hi)
{
	const uint8_t *p;

	if (!take(w, t, from, pgno, 1))
		return;
	if (w->held >= HELD_MAX) {
		bad(w, t, pgno, BAD_HEADER);
		return;
	}
	p = w->pages + w->held * w->psize;
	if (!read_pages(w, pgno, 1, (uint8_t *)p))
		return;
	w->held++;
	walk_nodes(w, t, pgno, p, level, lo, hi);
	w->held--;
}

/* The nodes of page `pgno`, read into `p`, as walk_page says. */
static void walk_nodes(struct walker *w, struct tree *t, uint64_t pgno,
		       const uint8_t *p, unsigned level, struct key lo,
		       struct key hi)
{
	bool branch = level < t->depth;
	size_t lower, upper, nkeys;
	struct key prev = lo;
	bool first = true; /* the first key compared: may equal lo */

	lower = rd16(p + PG_LOWER);
	upper = rd16(p + PG_UPPER);
	if (rdw(p) != pgno ||
	    rd16(p + PG_FLAGS) != (branch ? P_BRANCH : P_LEAF) ||
	    lower < PAGEHDRSZ || (lower - PAGEHDRSZ) % 2 != 0 ||
	    upper < lower || upper > w->psize ||
	    (branch && lower == PAGEHDRSZ)) {
		bad(w, t, pgno, BAD_HEADER);
		return;
	}
	nkeys = (lower - PAGEHDRSZ) / 2;
	if (branch)
		t->branch++;
	else
		t->leaf++;
	/* First every node and key, so that a child's bounds are sound. */
	for (size_t i = 0; i < nkeys; i++) {
		size_t off = rd16(p + PAGEHDRSZ + 2 * i);
		struct key k;

		if (off < upper || off > w->psize - NODESIZE ||
		    rd16(p + off + 6) > w->psize - NODESIZE - off) {
			bad(w, t, pgno, BAD_ENTRY);
			return;
		}
		k.data = p + off + NODESIZE;
		k.len = rd16(p + off + 6);
		if (t->free_pages && !(branch && i == 0) && k.len != WORD) {
			bad(w, t, pgno, BAD_ENTRY);
			return;
		}
		/* A branch's first key is not used: its child starts at lo. */
		if (branch && i == 0)
			continue;
		if ((prev.data != NULL &&
		     cmp_key(t, prev, k) >= (first ? 1 : 0)) ||
		    (hi.data != NULL && cmp_key(t, k, hi) >= 0)) {
			bad(w, t, pgno, BAD_ORDER);
			return;
		}
		prev = k;
		first = false;
	}
	for (size_t i = 0; i < nkeys; i++) {
		size_t off = rd16(p + PAGEHDRSZ + 2 * i);
		const uint8_t *node = p + off;
		struct key k = { node + NODESIZE, rd16(node + 6) };

		if (branch) {
			uint64_t child = node_lohi(node);
			struct key clo = i == 0 ? lo : k, chi = hi;

			if (WORD > 4)
				child |= (uint64_t)rd16(node + 4) << 32;
			if (i + 1 < nkeys) {
				const uint8_t *next =
					p + rd16(p + PAGEHDRSZ + 2 * (i + 1));

				chi.data = next + NODESIZE;
				chi.len = rd16(next + 6);
			}
			walk_page(w, t, pgno, child, level + 1, clo, chi);
		} else {
			t->entries++;
			if (!leaf_data(w, t, pgno, node,
				       w->psize - off - NODESIZE - k.len, k))
				return;
		}
	}
}

/* Walk a tree from its record; its counts must match what is found. */
static void walk_tree(struct walker *w, struct tree *t,
		      const struct tree_rec *rec)
{
	struct key none = { NULL, 0 };
	size_t before = w->r->problems;

	if (rec->root == NO_PAGE) {
		if (rec->depth != 0 || rec->entries != 0 || rec->branch != 0 ||
		    rec->leaf != 0 || rec->overflow != 0)
			store_report_add(w->r, _("%s: a damaged tree record"),
					 t->name);
		return;
	}
	/* parcours's tables are plain ones: no flag (the free-page tree's
	 * record holds the environment's flags). */
	if (rec->depth == 0 || rec->depth > MAX_DEPTH ||
	    (!t->free_pages && rec->flags != 0)) {
		store_report_add(w->r, _("%s: a damaged tree record"), t->name);
		return;
	}
	t->depth = rec->depth;
	walk_page(w, t, rec->root, rec->root, 1, none, none);
	if (w->r->problems == before &&
	    (t->branch != rec->branch || t->leaf != rec->leaf ||
	     t->overflow != rec->overflow || t->entries != rec->entries))
		store_report_add(w->r,
				 _("%s: its counts of pages and entries do "
				   "not match its pages"),
				 t->name);
}

/*
 * Walk the snapshot `m` of the file on `fd` (`size` bytes): the free-page
 * tree, then every tree, or the free pages only (a file shorter than its
 * last page: the pages it lacks must be free). Problems go to `r`.
 */
static int walk(int fd, uint64_t size, const struct meta *m, bool free_only,
		struct store_report *r)
{
	struct walker w = { .fd = fd,
			    .psize = m->psize,
			    .last_pg = m->last_pg,
			    .r = r };
	struct tree free_tree = { .free_pages = true };
	struct tree main_tree = { .main = true };
	size_t before = r->problems;
	uint64_t unreached = 0;

	snprintf(free_tree.name, sizeof free_tree.name, "%s",
		 _("the list of free pages"));
	snprintf(main_tree.name, sizeof main_tree.name, "%s",
		 _("the list of tables"));
	w.in_file = size / m->psize;
	if (w.in_file > m->last_pg + 1)
		w.in_file = m->last_pg + 1;
	/* Pages the file lacks could only be free, and each free page is a
	 * word in the file: past that, the file is cut, no need to look. */
	if (m->last_pg + 1 - w.in_file > size / WORD) {
		store_report_add(
			r,
			_("the file is cut short: %llu bytes, its "
			  "pages need %llu"),
			(unsigned long long)size,
			(unsigned long long)((m->last_pg + 1) * m->psize));
		return PC_OK;
	}
	w.seen = calloc(m->last_pg / 8 + 1, 1);
	if (w.seen == NULL)
		return PC_ENOMEM;
	w.pages = malloc(HELD_MAX * w.psize);
	if (w.pages == NULL) {
		free(w.seen);
		return PC_ENOMEM;
	}
	walk_tree(&w, &free_tree, &m->free);
	if (free_only) {
		for (uint64_t pg = w.in_file; pg <= m->last_pg; pg++)
			if (!seen(&w, pg))
				unreached++;
		if (r->problems == before && unreached > 0)
			store_report_add(r,
					 _("the file is cut short: %llu "
					   "bytes, its pages need %llu"),
					 (unsigned long long)size,
					 (unsigned long long)((m->last_pg + 1) *
							      m->psize));
	} else {
		walk_tree(&w, &main_tree, &m->main);
		for (uint64_t pg = NUM_METAS; pg <= m->last_pg; pg++)
			if (!seen(&w, pg))
				unreached++;
		/* After damage, unreached pages say nothing more. */
		if (r->problems == before && unreached > 0)
			store_report_add(r,
					 _("%llu pages are neither in use nor "
					   "free"),
					 (unsigned long long)unreached);
	}
	free(w.pages);
	free(w.seen);
	if (w.read_error != 0)
		return w.read_error == ENOMEM ? PC_ENOMEM : PC_EIO;
	return PC_OK;
}

/* ---- what the store calls ---- */

int store_verify_size(const char *path, const char *advice, uint64_t *size,
		      char **cause)
{
	struct store_report r = { 0 };
	struct meta m;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = PC_OK;

	if (size != NULL)
		*size = 0;
	if (fd < 0)
		return errno == ENOENT ? PC_OK
				       : error_set(cause, PC_EIO, "%s: %s",
						   path, strerror(errno));
	if (fstat(fd, &st) != 0) {
		rc = error_set(cause, PC_EIO, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (size != NULL)
		*size = (uint64_t)st.st_size;
	switch (read_metas(fd, (uint64_t)st.st_size, 0, &m)) {
	case METAS_EMPTY:
		rc = error_set(cause, PC_ECORRUPT,
			       _("%s: an empty file, not a database; %s"), path,
			       advice);
		goto out;
	case METAS_DAMAGED:
		rc = error_set(cause, PC_ECORRUPT,
			       _("%s: damaged: its meta pages do not read; "
				 "%s"),
			       path, advice);
		goto out;
	case METAS_OK:
		break;
	default:
		goto out; /* not LMDB's: LMDB says so itself */
	}
	if ((uint64_t)st.st_size / m.psize >= m.last_pg + 1)
		goto out;
	/* Shorter than its last page: fine only if what it lacks is free. */
	rc = walk(fd, (uint64_t)st.st_size, &m, true, &r);
	if (rc != PC_OK)
		rc = error_set(cause, rc, "%s: %s", path, error_string(rc));
	else if (r.problems > 0)
		rc = error_set(cause, PC_ECORRUPT,
			       _("%s: damaged: cut short (%llu bytes, its "
				 "pages need %llu); %s"),
			       path, (unsigned long long)st.st_size,
			       (unsigned long long)((m.last_pg + 1) * m.psize),
			       advice);
	free(r.text);
out:
	close(fd);
	return rc;
}

int store_verify_pages(int fd, uint64_t txnid, struct store_report *r)
{
	struct stat st;
	struct meta m;

	if (fstat(fd, &st) != 0)
		return PC_EIO;
	switch (read_metas(fd, (uint64_t)st.st_size, txnid, &m)) {
	case METAS_OK:
		return walk(fd, (uint64_t)st.st_size, &m, false, r);
	case METAS_ABSENT:
		return PC_EDB;
	case METAS_EMPTY:
		store_report_add(r, "%s", _("an empty file"));
		return PC_OK;
	default:
		store_report_add(r, "%s", _("the meta pages do not read"));
		return PC_OK;
	}
}
